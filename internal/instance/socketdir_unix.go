//go:build unix

package instance

import (
	"fmt"
	"syscall"
)

// private returns nil when dir is a real folder (not a link), owned by
// this user and closed to everyone else.
func private(dir string) error {
	info, err := realFolder(dir)
	if err != nil {
		return err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fmt.Errorf("%s: cannot tell who owns it", dir)
	}
	if uid := currentUID(); int(st.Uid) != uid {
		return fmt.Errorf("%s belongs to user %d, not to this user (%d)", dir, st.Uid, uid)
	}
	if perm := info.Mode().Perm(); perm&0o077 != 0 {
		return fmt.Errorf("%s is open to other users (mode %#o)", dir, perm)
	}
	return nil
}
