package persistence

import (
	"os"
	"path/filepath"
	"testing"
)

// A keys file systemd passed with LoadCredential=parley-keys:... is found
// in $CREDENTIALS_DIRECTORY and read, whatever its mode there.
func TestCredentialKeysFileFromSystemd(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("CREDENTIALS_DIRECTORY", dir)
	if got := CredentialKeysFile(); got != "" {
		t.Fatalf("CredentialKeysFile without parley-keys = %q, want none", got)
	}
	path := filepath.Join(dir, KeysCredential)
	// systemd may grant the unit's user access through an ACL, which
	// shows as group bits in the mode.
	if err := os.WriteFile(path, []byte("channel 2 key-two\n"), 0o440); err != nil {
		t.Fatal(err)
	}
	if got := CredentialKeysFile(); got != path {
		t.Fatalf("CredentialKeysFile = %q, want %q", got, path)
	}
	f, err := OpenCredentialKeys(path)
	if err != nil {
		t.Fatal(err)
	}
	if got, err := f.APIKey(2); err != nil || got != "key-two" {
		t.Errorf("APIKey(2) = %q, %v", got, err)
	}
}

func TestCredentialKeysFileWithoutSystemd(t *testing.T) {
	t.Setenv("CREDENTIALS_DIRECTORY", "")
	if got := CredentialKeysFile(); got != "" {
		t.Errorf("CredentialKeysFile outside systemd = %q, want none", got)
	}
}
