package persistence

import (
	"errors"
	"os"
	"path/filepath"
)

// KeysCredential is the name of the systemd credential that holds the keys
// file: a unit with LoadCredential=parley-keys:/etc/parley/keys gives
// Parley its keys without a --keys-file flag.
const KeysCredential = "parley-keys"

// CredentialKeysFile returns the path of the keys file systemd passed as
// the credential KeysCredential ($CREDENTIALS_DIRECTORY/parley-keys), or ""
// when there is none.
func CredentialKeysFile() string {
	dir := os.Getenv("CREDENTIALS_DIRECTORY")
	if dir == "" {
		return ""
	}
	path := filepath.Join(dir, KeysCredential)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return ""
	}
	return path
}

// OpenCredentialKeys reads the keys file systemd passed as a credential
// (see CredentialKeysFile). Its owner and mode are not checked: systemd
// lets only the unit's user read it, and may give it to that user through
// an access list that makes the mode look readable by the group.
func OpenCredentialKeys(path string) (*FileSecrets, error) {
	return openKeysFile(path, false)
}
