package demo

import (
	"fmt"
	"sync"

	"github.com/parley-app/parley/app"
)

// MemorySecrets is an app.SecretStore that keeps API keys in memory only,
// for the demo workspace. The demo's key is not a secret, and the system
// keyring must not be used for it: keyring entries are named by channel
// id only ("parley" / "channel-<id>"), so the demo's channel 1 would
// overwrite the key of a real channel 1 kept in another data folder. It
// also lets the demo run on a machine without any keyring. Real channels
// always use the system keyring.
type MemorySecrets struct {
	mu   sync.Mutex
	keys map[app.ChannelID]string
}

var _ app.SecretStore = (*MemorySecrets)(nil)

// NewMemorySecrets returns an empty MemorySecrets.
func NewMemorySecrets() *MemorySecrets {
	return &MemorySecrets{keys: map[app.ChannelID]string{}}
}

// SetAPIKey stores (replacing) the channel's API key.
func (m *MemorySecrets) SetAPIKey(id app.ChannelID, key string) error {
	if key == "" {
		return fmt.Errorf("save API key of channel %d: the API key is empty", id)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.keys[id] = key
	return nil
}

// APIKey returns the channel's API key, or an error wrapping
// app.ErrNotFound when none is stored.
func (m *MemorySecrets) APIKey(id app.ChannelID) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	key, ok := m.keys[id]
	if !ok {
		return "", fmt.Errorf("read API key of channel %d: %w", id, app.ErrNotFound)
	}
	return key, nil
}

// DeleteAPIKey removes the channel's API key; a missing key is no error.
func (m *MemorySecrets) DeleteAPIKey(id app.ChannelID) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	delete(m.keys, id)
	return nil
}
