package services

import (
	"context"
	"log/slog"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// Secrets keeps the API keys and the tunnel's token the core uses: the
// OS keyring (persistence.KeyringSecrets) or a keys file
// (persistence.FileSecrets).
type Secrets interface {
	app.SecretStore
	app.TunnelTokenStore
}

// Keyring returns the OS keyring with entries named after the data
// folder's workspace id, so two data folders never share a key.
func Keyring(store *persistence.Store, log *slog.Logger) *persistence.KeyringSecrets {
	if log == nil {
		log = slog.Default()
	}
	secrets := persistence.NewKeyringSecrets()
	ws, err := store.WorkspaceID(context.Background())
	if err != nil {
		log.Error("API keys keep their plain keyring names", "err", err)
		return secrets
	}
	return secrets.ForWorkspace(ws)
}

// HeadlessSecrets chooses where --headless reads its keys: the keys file
// given with --keys-file (keysFile), else the one systemd passed as the
// credential persistence.KeysCredential, else the OS keyring. A keys
// file that cannot be used is an error that says how to fix it; Parley
// then does not fall back to the keyring.
func HeadlessSecrets(store *persistence.Store, keysFile string, log *slog.Logger) (Secrets, error) {
	var file *persistence.FileSecrets
	var err error
	switch credential := persistence.CredentialKeysFile(); {
	case keysFile != "":
		file, err = persistence.OpenKeysFile(keysFile)
	case credential != "":
		file, err = persistence.OpenCredentialKeys(credential)
	default:
		return Keyring(store, log), nil
	}
	if err != nil {
		return nil, err
	}
	return file, nil
}
