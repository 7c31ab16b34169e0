//go:build !keyringit

package persistence

import (
	"errors"
	"sync"
	"testing"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
)

// countingKeyring is an in-memory keyring that counts the reads it
// answers and can be made unavailable.
type countingKeyring struct {
	mu      sync.Mutex
	entries map[string]string
	reads   int
	down    bool
}

func (c *countingKeyring) Set(_, user, secret string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries[user] = secret
	return nil
}

func (c *countingKeyring) Get(_, user string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.reads++
	if c.down {
		return "", errors.New("org.freedesktop.DBus.Error.ServiceUnknown")
	}
	v, ok := c.entries[user]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (c *countingKeyring) Delete(_, user string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.entries, user)
	return nil
}

// A broadcast sends 80 messages a second, each needing the channel's
// key: the keyring is asked once, not for every message, yet a key the
// owner changes or removes in Parley is never used again, and a keyring
// that fails is asked again next time.
func TestKeysReadLatelyAreNotAskedForAgain(t *testing.T) {
	kr := &countingKeyring{entries: map[string]string{}}
	k := &KeyringSecrets{backend: kr}
	if err := k.SetAPIKey(3, "key-one"); err != nil {
		t.Fatal(err)
	}
	for range 80 {
		if got, err := k.APIKey(3); err != nil || got != "key-one" {
			t.Fatalf("APIKey = %q, %v", got, err)
		}
	}
	if kr.reads != 0 {
		t.Errorf("80 sends asked the keyring %d times for a key Parley had just saved", kr.reads)
	}
	if err := k.SetAPIKey(3, "key-two"); err != nil {
		t.Fatal(err)
	}
	if got, _ := k.APIKey(3); got != "key-two" {
		t.Errorf("after the owner changed the key Parley uses %q", got)
	}
	if err := k.DeleteAPIKey(3); err != nil {
		t.Fatal(err)
	}
	if _, err := k.APIKey(3); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("after the key was removed APIKey = %v, want ErrNotFound", err)
	}

	kr.entries["channel-4"] = "key-four" // saved by an earlier start
	kr.down, kr.reads = true, 0
	if _, err := k.APIKey(4); !errors.Is(err, app.ErrNoKeyring) {
		t.Fatalf("a failing keyring gave %v", err)
	}
	kr.down = false
	for range 10 {
		if got, err := k.APIKey(4); err != nil || got != "key-four" {
			t.Fatalf("APIKey after the keyring came back = %q, %v", got, err)
		}
	}
	if kr.reads != 2 {
		t.Errorf("the keyring was asked %d times, want 2 (the failure, then once)", kr.reads)
	}
}
