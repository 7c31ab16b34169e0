//go:build !keyringit

// These tests replace go-keyring's provider with its in-memory mock, so
// they are left out of the keyringit build, whose test must reach the
// real Secret Service.

package persistence

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
)

func TestKeyringSecretsRoundTrip(t *testing.T) {
	keyring.MockInit()
	k := NewKeyringSecrets()
	if _, err := k.APIKey(7); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("APIKey before set = %v, want ErrNotFound", err)
	}
	if err := k.SetAPIKey(7, "key-seven"); err != nil {
		t.Fatal(err)
	}
	if err := k.SetAPIKey(8, "key-eight"); err != nil {
		t.Fatal(err)
	}
	if err := k.SetAPIKey(7, "key-seven-new"); err != nil {
		t.Fatal(err)
	}
	if got, err := k.APIKey(7); err != nil || got != "key-seven-new" {
		t.Errorf("APIKey(7) = %q, %v; want the replaced key", got, err)
	}
	// Stored under service "parley", user "channel-<id>".
	if got, err := keyring.Get("parley", "channel-8"); err != nil || got != "key-eight" {
		t.Errorf("keyring entry parley/channel-8 = %q, %v", got, err)
	}
	if err := k.DeleteAPIKey(7); err != nil {
		t.Fatal(err)
	}
	if _, err := k.APIKey(7); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("APIKey after delete = %v, want ErrNotFound", err)
	}
	if err := k.DeleteAPIKey(7); err != nil {
		t.Errorf("deleting a missing key = %v, want nil", err)
	}
	if got, _ := k.APIKey(8); got != "key-eight" {
		t.Errorf("other channel's key = %q, want it untouched", got)
	}
	if err := k.SetAPIKey(9, ""); err == nil {
		t.Error("SetAPIKey accepted an empty key")
	}
}

func TestKeyringUnavailableIsExplained(t *testing.T) {
	causes := []error{
		errors.New("dbus: couldn't determine address of session bus"),
		errors.New("The name org.freedesktop.secrets was not provided by any .service files"),
		errors.New("failed to unlock correct collection '/org/freedesktop/secrets/aliases/default'"),
	}
	for _, cause := range causes {
		keyring.MockInitWithError(cause)
		k := NewKeyringSecrets()
		for name, err := range map[string]error{
			"set":    k.SetAPIKey(1, "secret-key"),
			"get":    func() error { _, err := k.APIKey(1); return err }(),
			"delete": k.DeleteAPIKey(1),
		} {
			if !errors.Is(err, app.ErrNoKeyring) || !errors.Is(err, cause) {
				t.Errorf("%s with %q = %v; want ErrNoKeyring wrapping the cause", name, cause, err)
				continue
			}
			msg := err.Error()
			if !strings.Contains(msg, "GNOME Keyring / KWallet on Linux") || !strings.Contains(msg, "Install and unlock one, then try again.") {
				t.Errorf("%s: message %q does not say how to fix it", name, msg)
			}
			if strings.Contains(msg, "secret-key") {
				t.Errorf("%s: message %q contains the key", name, msg)
			}
		}
	}
	keyring.MockInitWithError(keyring.ErrSetDataTooBig)
	if err := NewKeyringSecrets().SetAPIKey(1, "k"); err == nil || errors.Is(err, app.ErrNoKeyring) {
		t.Errorf("too big = %v; want a plain error, not 'no keyring'", err)
	}
}

// stuckKeyring never answers until released, like a keyring waiting for
// an unlock prompt nobody sees.
type stuckKeyring struct{ release chan struct{} }

func (s stuckKeyring) Set(_, _, _ string) error { <-s.release; return nil }
func (s stuckKeyring) Get(_, _ string) (string, error) {
	<-s.release
	return "", keyring.ErrNotFound
}
func (s stuckKeyring) Delete(_, _ string) error { <-s.release; return nil }

func TestKeyringThatNeverAnswersTimesOut(t *testing.T) {
	stuck := stuckKeyring{release: make(chan struct{})}
	defer close(stuck.release)
	k := &KeyringSecrets{Timeout: 20 * time.Millisecond, backend: stuck}
	_, err := k.APIKey(1)
	if !errors.Is(err, app.ErrNoKeyring) {
		t.Fatalf("APIKey on a stuck keyring = %v, want ErrNoKeyring", err)
	}
	var ke *KeyringError
	if !errors.As(err, &ke) || !strings.Contains(ke.Err.Error(), "did not answer") {
		t.Errorf("cause = %v, want a timeout explanation", err)
	}
}

// The tunnel's token is kept per data folder, apart from the API keys.
func TestTunnelTokenRoundTrip(t *testing.T) {
	keyring.MockInit()
	shop, other := NewKeyringSecrets().ForWorkspace("shop"), NewKeyringSecrets().ForWorkspace("other")
	if _, err := shop.TunnelToken(); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("before saving: %v, want ErrNotFound", err)
	}
	if err := shop.SetTunnelToken(""); err == nil {
		t.Error("an empty token was saved")
	}
	if err := shop.SetTunnelToken("2abc_token"); err != nil {
		t.Fatal(err)
	}
	if got, err := shop.TunnelToken(); err != nil || got != "2abc_token" {
		t.Errorf("TunnelToken = %q, %v", got, err)
	}
	if _, err := other.TunnelToken(); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("another data folder sees a token: %v", err)
	}
	if err := shop.DeleteTunnelToken(); err != nil {
		t.Fatal(err)
	}
	if err := shop.DeleteTunnelToken(); err != nil {
		t.Errorf("deleting it twice: %v", err)
	}
	if _, err := shop.TunnelToken(); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("after deleting: %v, want ErrNotFound", err)
	}
}
