//go:build linux || darwin

package app

import (
	"fmt"

	"golang.org/x/sys/unix"
)

// systemDiskSpace is the DiskSpace of the computer's own disks.
type systemDiskSpace struct{}

// FreeBytes implements DiskSpace with statfs: the blocks available to an
// unprivileged user.
func (systemDiskSpace) FreeBytes(path string) (uint64, error) {
	dir, err := existingDir(path)
	if err != nil {
		return 0, err
	}
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, fmt.Errorf("free space of %s: %w", dir, err)
	}
	// The field types differ by system, hence the conversions.
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}
