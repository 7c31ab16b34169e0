//go:build unix

package persistence

import (
	"os"
	"strings"
	"testing"
)

// A keys file that belongs to another user is refused with the command
// that gives it to the user running Parley, even when it is private.
func TestKeysFileOfAnotherUserIsRefused(t *testing.T) {
	path := writeKeysFile(t, "channel 3 key-three\n")
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	err = checkKeysFileAccessFor(path, fi, os.Geteuid()+1)
	if err == nil || !strings.Contains(err.Error(), "belongs to another user") ||
		!strings.Contains(err.Error(), "sudo chown ") || !strings.Contains(err.Error(), "chmod 600 "+path) {
		t.Errorf("check of another user's file = %v", err)
	}
	if err := checkKeysFileAccessFor(path, fi, os.Geteuid()); err != nil {
		t.Errorf("check of the user's own private file = %v", err)
	}
}
