package persistence

import (
	"errors"
	"fmt"
	"strconv"
	"sync"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
)

// KeyringService is the keyring service name Parley's API keys are stored
// under; each channel's key has the user name "channel-<id>".
const KeyringService = "parley"

// DefaultKeyringTimeout bounds one keyring call. It is generous because
// the keyring may be waiting for the owner to type the unlock password.
const DefaultKeyringTimeout = 2 * time.Minute

// noKeyringHelp tells the owner how to get a working keyring.
const noKeyringHelp = "Parley keeps API keys in the system keyring (GNOME Keyring / KWallet on Linux, " +
	"Credential Manager on Windows, Keychain on macOS). Install and unlock one, then try again."

// KeyringError reports that the system keyring could not be used. It
// matches app.ErrNoKeyring with errors.Is; its message tells the owner
// what to do and Err holds the technical cause for the log.
type KeyringError struct {
	Op  string // what Parley tried, e.g. "save API key of channel 3"
	Err error  // the keyring's own error
}

// Error implements error with a message for the owner.
func (e *KeyringError) Error() string {
	return "The system keyring is not available. " + noKeyringHelp
}

// Unwrap returns app.ErrNoKeyring and the cause.
func (e *KeyringError) Unwrap() []error { return []error{app.ErrNoKeyring, e.Err} }

// KeyringSecrets keeps API keys in the OS keyring (Secret Service on
// Linux, Credential Manager on Windows, Keychain on macOS). It implements
// app.SecretStore and never falls back to storing keys anywhere else.
//
// Calls may block while the keyring asks the owner to unlock it: call them
// off the UI goroutine. Calls are serialised, and each gives up after
// Timeout (the abandoned call finishes in the background).
type KeyringSecrets struct {
	// Timeout bounds each call; zero means DefaultKeyringTimeout.
	Timeout time.Duration

	mu        sync.Mutex // serialises calls so only one unlock prompt shows
	backend   keyringBackend
	workspace string // names the entries (see ForWorkspace); "" for the plain names
}

var _ app.SecretStore = (*KeyringSecrets)(nil)

// keyringBackend is the part of go-keyring used here; tests replace it to
// simulate a keyring that never answers.
type keyringBackend interface {
	Set(service, user, secret string) error
	Get(service, user string) (string, error)
	Delete(service, user string) error
}

// systemKeyring calls go-keyring (or its mock after keyring.MockInit).
type systemKeyring struct{}

func (systemKeyring) Set(service, user, secret string) error {
	return keyring.Set(service, user, secret)
}
func (systemKeyring) Get(service, user string) (string, error) { return keyring.Get(service, user) }
func (systemKeyring) Delete(service, user string) error        { return keyring.Delete(service, user) }

// NewKeyringSecrets returns a SecretStore backed by the OS keyring.
func NewKeyringSecrets() *KeyringSecrets {
	return &KeyringSecrets{Timeout: DefaultKeyringTimeout, backend: systemKeyring{}}
}

// keyringUser is the keyring user name of a channel's key in workspace
// (see Store.WorkspaceID): "<workspace>/channel-<id>", or the older
// "channel-<id>" without one.
func keyringUser(workspace string, id app.ChannelID) string {
	user := "channel-" + strconv.FormatInt(int64(id), 10)
	if workspace != "" {
		user = workspace + "/" + user
	}
	return user
}

// ForWorkspace returns secrets that name keys with the data folder's
// workspace id, so that two data folders never share an entry. A key
// stored by an older Parley under the plain name is moved to the new name
// the first time it is read.
func (k *KeyringSecrets) ForWorkspace(workspace string) *KeyringSecrets {
	return &KeyringSecrets{Timeout: k.Timeout, backend: k.backend, workspace: workspace}
}

// SetAPIKey stores (replacing) the channel's API key.
func (k *KeyringSecrets) SetAPIKey(id app.ChannelID, key string) error {
	op := fmt.Sprintf("save API key of channel %d", id)
	if key == "" {
		return fmt.Errorf("%s: the API key is empty", op)
	}
	_, err := k.call(op, func(b keyringBackend) (string, error) {
		return "", b.Set(KeyringService, keyringUser(k.workspace, id), key)
	})
	return err
}

// APIKey returns the channel's API key, or an error wrapping
// app.ErrNotFound when none is stored.
func (k *KeyringSecrets) APIKey(id app.ChannelID) (string, error) {
	return k.call(fmt.Sprintf("read API key of channel %d", id), func(b keyringBackend) (string, error) {
		key, err := b.Get(KeyringService, keyringUser(k.workspace, id))
		if !errors.Is(err, keyring.ErrNotFound) || k.workspace == "" {
			return key, err
		}
		// Stored by an older Parley under the plain name: move it.
		legacy := keyringUser("", id)
		key, err = b.Get(KeyringService, legacy)
		if err != nil {
			return key, err
		}
		if err := b.Set(KeyringService, keyringUser(k.workspace, id), key); err != nil {
			return "", err
		}
		_ = b.Delete(KeyringService, legacy)
		return key, nil
	})
}

// DeleteAPIKey removes the channel's API key. Deleting a key that is not
// stored is not an error.
func (k *KeyringSecrets) DeleteAPIKey(id app.ChannelID) error {
	_, err := k.call(fmt.Sprintf("remove API key of channel %d", id), func(b keyringBackend) (string, error) {
		return "", b.Delete(KeyringService, keyringUser(k.workspace, id))
	})
	if errors.Is(err, app.ErrNotFound) {
		return nil
	}
	return err
}

// call runs fn against the keyring, serialised and bounded by Timeout,
// and maps its errors.
func (k *KeyringSecrets) call(op string, fn func(keyringBackend) (string, error)) (string, error) {
	backend := k.backend
	if backend == nil {
		backend = systemKeyring{}
	}
	timeout := k.Timeout
	if timeout <= 0 {
		timeout = DefaultKeyringTimeout
	}
	type result struct {
		val string
		err error
	}
	done := make(chan result, 1) // buffered: an abandoned call must not block
	go func() {
		k.mu.Lock()
		defer k.mu.Unlock()
		v, err := fn(backend)
		done <- result{v, err}
	}()
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.val, mapKeyringError(op, r.err)
	case <-timer.C:
		return "", &KeyringError{Op: op, Err: fmt.Errorf("the keyring did not answer within %s (is it waiting to be unlocked?)", timeout)}
	}
}

// mapKeyringError turns go-keyring errors into the core's errors. Apart
// from "not found" and "too big", every keyring failure means the keyring
// cannot be used (no Secret Service on D-Bus, no session bus, locked
// collection, unlock dismissed, ...).
func mapKeyringError(op string, err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return fmt.Errorf("%s: %w", op, app.ErrNotFound)
	case errors.Is(err, keyring.ErrSetDataTooBig):
		return fmt.Errorf("%s: the API key is too long for the system keyring", op)
	}
	return &KeyringError{Op: op, Err: err}
}
