package services

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/persistence"
)

// writeKeys writes a private keys file.
func writeKeys(t *testing.T, dir, name, content string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The core built with a keys file talks to 360dialog with the key from
// that file.
func TestHeadlessCoreUsesTheKeysFile(t *testing.T) {
	ctx := context.Background()
	store, chs := openShop(t)
	t.Setenv("CREDENTIALS_DIRECTORY", "")
	var sent string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent = r.Header.Get("D360-API-KEY")
		if sent != "key-from-file" {
			http.Error(w, `{"error":"unauthorized"}`, http.StatusUnauthorized)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]string{"display_phone_number": "4930123456"})
	}))
	defer srv.Close()
	path := writeKeys(t, t.TempDir(), "keys", fmt.Sprintf("channel %d key-from-file\n", chs[0].ID))

	secrets, err := HeadlessSecrets(store, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	core := NewCoreWith(store, t.TempDir(), nil, secrets, dialog360.WithBaseURL(srv.URL))
	st, err := core.CheckConnection(ctx, chs[0].ID)
	if err != nil || st.State != app.ConnectionOK {
		t.Fatalf("CheckConnection = %+v, %v (360dialog got key %q)", st, err, sent)
	}
}

// Under systemd with LoadCredential=parley-keys:..., --headless reads the
// credential without a flag; a --keys-file flag wins over it.
func TestHeadlessSecretsFromSystemdCredential(t *testing.T) {
	store, chs := openShop(t)
	credDir := t.TempDir()
	writeKeys(t, credDir, persistence.KeysCredential, fmt.Sprintf("channel %d from-systemd\n", chs[0].ID))
	t.Setenv("CREDENTIALS_DIRECTORY", credDir)

	secrets, err := HeadlessSecrets(store, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if key, err := secrets.APIKey(chs[0].ID); err != nil || key != "from-systemd" {
		t.Errorf("APIKey = %q, %v; want the systemd credential's key", key, err)
	}

	flagged := writeKeys(t, t.TempDir(), "keys", fmt.Sprintf("channel %d from-flag\n", chs[0].ID))
	secrets, err = HeadlessSecrets(store, flagged, nil)
	if err != nil {
		t.Fatal(err)
	}
	if key, _ := secrets.APIKey(chs[0].ID); key != "from-flag" {
		t.Errorf("APIKey = %q; want the --keys-file key", key)
	}
}

// Without a flag or a credential, --headless uses the keyring, as before.
func TestHeadlessSecretsDefaultToTheKeyring(t *testing.T) {
	store, _ := openShop(t)
	t.Setenv("CREDENTIALS_DIRECTORY", "")
	secrets, err := HeadlessSecrets(store, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := secrets.(*persistence.KeyringSecrets); !ok {
		t.Errorf("HeadlessSecrets = %T, want the keyring", secrets)
	}
}

// A keys file others may read stops --headless with the fix; Parley does
// not fall back to the keyring or anywhere else.
func TestHeadlessSecretsRefuseAnOpenKeysFile(t *testing.T) {
	store, chs := openShop(t)
	path := writeKeys(t, t.TempDir(), "keys", fmt.Sprintf("channel %d secret-key\n", chs[0].ID))
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	secrets, err := HeadlessSecrets(store, path, nil)
	var kerr *persistence.KeysFileError
	if !errors.As(err, &kerr) || secrets != nil {
		t.Fatalf("HeadlessSecrets = %v, %v; want a refusal and no secrets", secrets, err)
	}
	if !strings.Contains(err.Error(), "chmod 600 "+path) || strings.Contains(err.Error(), "secret-key") {
		t.Errorf("refusal: %v", err)
	}
}

// Keys from a file cannot be changed through Parley: removing a channel,
// which would remove its key, is refused with words that say to edit the
// file, and the channel and the file stay as they were.
func TestHeadlessCoreCannotChangeFileKeys(t *testing.T) {
	ctx := context.Background()
	store, chs := openShop(t)
	const content = "channel 1 key\nchannel 2 key\n"
	path := writeKeys(t, t.TempDir(), "keys", content)
	secrets, err := HeadlessSecrets(store, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	core := NewCoreWith(store, t.TempDir(), nil, secrets, dialog360.WithBaseURL("http://127.0.0.1:9"))
	err = core.RemoveChannel(ctx, chs[0].ID)
	var ro *persistence.KeysFileReadOnlyError
	if !errors.As(err, &ro) || !strings.Contains(app.Explain(err), "Edit that file") {
		t.Errorf("RemoveChannel = %v, want a refusal saying to edit %s", err, path)
	}
	if _, err := store.Channel(ctx, chs[0].ID); err != nil {
		t.Errorf("the channel is gone: %v", err)
	}
	if data, _ := os.ReadFile(path); string(data) != content {
		t.Errorf("the keys file changed: %q", data)
	}
}
