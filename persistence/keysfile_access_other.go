//go:build !unix

package persistence

import "os"

// checkKeysFileAccess accepts every keys file: outside Unix, file modes do
// not say who may read a file. Keep the file in the profile folder of the
// user that runs Parley.
func checkKeysFileAccess(string, os.FileInfo) error { return nil }

// fixOwnerCommand says what to do when the keys file cannot be read.
func fixOwnerCommand(string) string {
	return "keep it in the profile folder of the user that runs Parley"
}
