//go:build keyringit

// This file holds the integration test against a real Secret Service. It
// is built only with -tags keyringit; run it through the private keyring
// session of scripts/with-keyring.sh:
//
//	scripts/with-keyring.sh go test -tags keyringit -run TestRealSecretService ./persistence/

package persistence

import (
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	ss "github.com/zalando/go-keyring/secret_service"

	"github.com/parley-app/parley/app"
)

// realItems returns how many items the Secret Service itself holds for
// the channel, bypassing KeyringSecrets and go-keyring's provider.
func realItems(t *testing.T, id app.ChannelID) int {
	t.Helper()
	svc, err := ss.NewSecretService()
	if err != nil {
		t.Fatalf("connect to the Secret Service: %v", err)
	}
	items, err := svc.SearchItems(svc.GetLoginCollection(), map[string]string{
		"service": KeyringService, "username": keyringUser("", id)})
	if err != nil {
		t.Fatalf("search the Secret Service: %v", err)
	}
	return len(items)
}

func TestRealSecretServiceRoundTrip(t *testing.T) {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		// Without this check D-Bus would auto-launch a stray session bus.
		t.Fatal("no D-Bus session bus (DBUS_SESSION_BUS_ADDRESS is unset); run this test through scripts/with-keyring.sh")
	}
	k := NewKeyringSecrets()
	k.Timeout = 20 * time.Second // fail, never hang, when nothing answers
	id := app.ChannelID(900000 + os.Getpid()%100000)
	key := fmt.Sprintf("it-key-%d", time.Now().UnixNano())

	if err := k.SetAPIKey(id, key); err != nil {
		var ke *KeyringError
		if errors.As(err, &ke) {
			err = fmt.Errorf("%w (cause: %v)", err, ke.Err)
		}
		t.Fatalf("SetAPIKey against the real keyring: %v", err)
	}
	t.Cleanup(func() { _ = k.DeleteAPIKey(id) })
	if n := realItems(t, id); n != 1 {
		t.Fatalf("the Secret Service holds %d items for the channel, want 1", n)
	}
	got, err := k.APIKey(id)
	if err != nil || got != key {
		t.Fatalf("APIKey = %q, %v; want the key just stored", got, err)
	}
	if err := k.DeleteAPIKey(id); err != nil {
		t.Fatalf("DeleteAPIKey: %v", err)
	}
	if _, err := k.APIKey(id); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("APIKey after delete = %v, want ErrNotFound", err)
	}
	if n := realItems(t, id); n != 0 {
		t.Fatalf("the Secret Service still holds %d items after delete", n)
	}
}
