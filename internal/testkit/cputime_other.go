//go:build !unix

package testkit

import "time"

// ProcessCPU returns 0: the process's CPU time is not read on this system.
func ProcessCPU() time.Duration { return 0 }
