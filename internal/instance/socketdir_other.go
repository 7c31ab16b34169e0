//go:build !unix

package instance

// private returns nil when dir is a real folder. On Windows the
// temporary folder is inside the user's profile, which other users
// cannot open, so ownership needs no check here.
func private(dir string) error {
	_, err := realFolder(dir)
	return err
}
