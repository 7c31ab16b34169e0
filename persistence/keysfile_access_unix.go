//go:build unix

package persistence

import (
	"os"
	"os/user"
	"strconv"
	"syscall"
)

// checkKeysFileAccess refuses a keys file that another user owns or that
// anyone but its owner may read or change: another user could read the
// keys, or replace them with their own.
func checkKeysFileAccess(path string, fi os.FileInfo) error {
	return checkKeysFileAccessFor(path, fi, os.Geteuid())
}

// checkKeysFileAccessFor is checkKeysFileAccess for Parley running as the
// user uid.
func checkKeysFileAccessFor(path string, fi os.FileInfo, uid int) error {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) != uid {
		return &KeysFileError{Path: path, Problem: "it belongs to another user. It must belong to the user that runs Parley: " + fixOwnerCommand(path)}
	}
	if fi.Mode().Perm()&0o077 != 0 {
		return &KeysFileError{Path: path, Problem: "other users of this computer may read or change it. Make it private: chmod 600 " + shellQuote(path)}
	}
	return nil
}

// fixOwnerCommand is the command that gives the keys file to the user
// running Parley and makes it private.
func fixOwnerCommand(path string) string {
	name := strconv.Itoa(os.Geteuid())
	if u, err := user.Current(); err == nil && u.Username != "" {
		name = u.Username
	}
	return "sudo chown " + shellQuote(name) + " " + shellQuote(path) + " && sudo chmod 600 " + shellQuote(path)
}
