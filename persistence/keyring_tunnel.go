package persistence

import (
	"errors"

	"github.com/parley-app/parley/app"
)

// tunnelUser is the keyring user name of the tunnel's token in workspace:
// "<workspace>/tunnel-token".
func tunnelUser(workspace string) string {
	if workspace == "" {
		return "tunnel-token"
	}
	return workspace + "/tunnel-token"
}

// SetTunnelToken stores (replacing) the owner's token at the tunnel
// provider.
func (k *KeyringSecrets) SetTunnelToken(token string) error {
	const op = "save the tunnel's token"
	if token == "" {
		return errors.New(op + ": the token is empty")
	}
	_, err := k.call(op, func(b keyringBackend) (string, error) {
		return "", b.Set(KeyringService, tunnelUser(k.workspace), token)
	})
	return err
}

// TunnelToken returns the tunnel's token, or an error wrapping
// app.ErrNotFound when none is stored.
func (k *KeyringSecrets) TunnelToken() (string, error) {
	return k.call("read the tunnel's token", func(b keyringBackend) (string, error) {
		return b.Get(KeyringService, tunnelUser(k.workspace))
	})
}

// DeleteTunnelToken removes the tunnel's token; removing one that is not
// stored is not an error.
func (k *KeyringSecrets) DeleteTunnelToken() error {
	_, err := k.call("remove the tunnel's token", func(b keyringBackend) (string, error) {
		return "", b.Delete(KeyringService, tunnelUser(k.workspace))
	})
	if errors.Is(err, app.ErrNotFound) {
		return nil
	}
	return err
}

var _ app.TunnelTokenStore = (*KeyringSecrets)(nil)
