//go:build windows

package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

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

// existingDir is path or the nearest folder above it that exists: the
// media folder is made with the first saved file.
func existingDir(path string) (string, error) {
	for p := filepath.Clean(path); ; p = filepath.Dir(p) {
		_, err := os.Stat(p)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(p) == p {
			return "", fmt.Errorf("free space of %s: %w", path, err)
		}
	}
}
