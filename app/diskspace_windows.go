//go:build windows

package app

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// systemDiskSpace is the DiskSpace of the computer's own disks.
type systemDiskSpace struct{}

// FreeBytes implements DiskSpace with GetDiskFreeSpaceEx: the bytes
// available to this user (disk quotas count).
func (systemDiskSpace) FreeBytes(path string) (uint64, error) {
	dir, err := existingDir(path)
	if err != nil {
		return 0, err
	}
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	var avail, total, free uint64
	if err := windows.GetDiskFreeSpaceEx(p, &avail, &total, &free); err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	return avail, nil
}
