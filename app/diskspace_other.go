//go:build !linux && !darwin && !windows

package app

import "errors"

// systemDiskSpace cannot measure disks on this system: saving attachments
// never pauses for space here.
type systemDiskSpace struct{}

// FreeBytes implements DiskSpace with an error.
func (systemDiskSpace) FreeBytes(string) (uint64, error) {
	return 0, errors.New("free disk space is not measured on this system")
}
