//go:build !unix

package instance

import (
	"fmt"
	"os"
)

// private returns nil when dir is a real folder. On Windows the
// temporary folder is inside the user's profile, which other users
// cannot open, so ownership needs no check here.
func private(dir string) error {
	info, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a folder", dir)
	}
	return nil
}
