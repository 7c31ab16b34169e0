//go:build !unix

package persistence

import "time"

// cpuNow returns 0: the process's CPU time is not read on this system.
func cpuNow() time.Duration { return 0 }
