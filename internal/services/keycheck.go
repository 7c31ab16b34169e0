package services

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// KeyNeeds is what CheckKeys reads from the data folder: the channels and
// whether Parley opens its own tunnel. *persistence.Store has it.
type KeyNeeds interface {
	Channels(ctx context.Context) ([]app.Channel, error)
	ReceivingSettings(ctx context.Context) (app.ReceivingSettings, error)
}

// NoKeysError is CheckKeys' answer when the system keyring cannot be used
// and no keys file was given: --headless cannot start. Its message says
// step by step how to give Parley the keys in a file.
type NoKeysError struct {
	Channels []app.Channel // the connected channels, each needing its key
	Tunnel   bool          // Parley opens its own tunnel and needs its token
	Path     string        // where the keys file is suggested to go
	Err      error         // the keyring's error, for the log
}

// Error implements error with the instructions.
func (e *NoKeysError) Error() string {
	return "Parley cannot read its API keys: this computer has no system keyring Parley can use " +
		"(usual on a server or a Raspberry Pi), and no keys file was given. " +
		"Parley never keeps keys anywhere else by itself; give them to it in a file:\n\n" +
		persistence.KeysFileHowTo(e.Path, e.Channels, e.Tunnel)
}

// Unwrap returns the keyring's error, which matches app.ErrNoKeyring.
func (e *NoKeysError) Unwrap() error { return e.Err }

// SuggestedKeysFile is where the instructions suggest the keys file: the
// system's place when Parley runs as root, else the user's config folder.
func SuggestedKeysFile() string {
	if os.Geteuid() == 0 {
		return persistence.SystemKeysFile
	}
	if dir, err := os.UserConfigDir(); err == nil {
		return filepath.Join(dir, "parley", "keys")
	}
	return persistence.SystemKeysFile
}

// CheckKeys reads, before --headless starts, the key of every connected
// channel (and the tunnel's token when Parley opens its own tunnel) from
// secrets. A keyring that cannot be used is a *NoKeysError; a key that is
// missing is a warning that says what to add, because the other channels
// still work and webhooks arrive without keys.
func CheckKeys(ctx context.Context, needs KeyNeeds, secrets Secrets) (warnings []string, err error) {
	chs, err := needs.Channels(ctx)
	if err != nil {
		return nil, fmt.Errorf("check the API keys: %w", err)
	}
	var connected []app.Channel
	for _, ch := range chs {
		if !ch.Disconnected {
			connected = append(connected, ch)
		}
	}
	settings, err := needs.ReceivingSettings(ctx)
	if err != nil {
		return nil, fmt.Errorf("check the API keys: %w", err)
	}
	tunnel := settings.Mode == app.ReceivingTunnel
	file, _ := secrets.(*persistence.FileSecrets)

	for _, ch := range connected {
		_, err := secrets.APIKey(ch.ID)
		switch {
		case err == nil:
		case errors.Is(err, app.ErrNoKeyring):
			// Every later call would fail (or wait) the same way.
			return nil, &NoKeysError{Channels: connected, Tunnel: tunnel, Path: SuggestedKeysFile(), Err: err}
		case errors.Is(err, app.ErrNotFound):
			warnings = append(warnings, missingKeyWarning(file, ch))
		default:
			warnings = append(warnings, fmt.Sprintf("Parley could not read the API key of %s; it cannot send or sync until it can: %v", channelLabel(ch), err))
		}
	}
	if tunnel {
		_, err := secrets.TunnelToken()
		switch {
		case err == nil:
		case errors.Is(err, app.ErrNoKeyring):
			return nil, &NoKeysError{Channels: connected, Tunnel: true, Path: SuggestedKeysFile(), Err: err}
		case file != nil:
			warnings = append(warnings, fmt.Sprintf("The keys file %s has no tunnel line, and Parley is set to open its own tunnel. Add the line \"tunnel <your tunnel token>\" and start Parley again; until then no messages arrive.", file.Path()))
		default:
			warnings = append(warnings, "Parley is set to open its own tunnel, but has no token for it. Enter it in Configure → Receiving messages in Parley's window, or give Parley a keys file with --keys-file; until then no messages arrive.")
		}
	}
	if file != nil {
		warnings = append(warnings, unknownChannelWarnings(file, chs)...)
	}
	return warnings, nil
}

// missingKeyWarning says what to add for a channel without a key.
func missingKeyWarning(file *persistence.FileSecrets, ch app.Channel) string {
	if file != nil {
		return fmt.Sprintf("The keys file %s has no API key for %s. Add the line \"channel %d <its API key>\" and start Parley again; until then this channel cannot send or sync.",
			file.Path(), channelLabel(ch), ch.ID)
	}
	return fmt.Sprintf("The system keyring has no API key for %s. Enter it in Configure in Parley's window, or give Parley a keys file with --keys-file; until then this channel cannot send or sync.",
		channelLabel(ch))
}

// unknownChannelWarnings name keys for channels the data folder does not
// have: a wrong number, or the wrong data folder.
func unknownChannelWarnings(file *persistence.FileSecrets, chs []app.Channel) []string {
	known := map[app.ChannelID]bool{}
	for _, ch := range chs {
		known[ch.ID] = true
	}
	var warnings []string
	for _, id := range file.ChannelIDs() {
		if !known[id] {
			warnings = append(warnings, fmt.Sprintf("The keys file %s has a key for channel %d, which this data folder does not have. Check the channel's number, or that --data names the right folder.", file.Path(), id))
		}
	}
	return warnings
}

// channelLabel names a channel by its number in the keys file and as the
// owner knows it: "channel 3 (Shop, +4930123456)".
func channelLabel(ch app.Channel) string {
	label := fmt.Sprintf("channel %d", ch.ID)
	var parts []string
	if ch.Name != "" {
		parts = append(parts, ch.Name)
	}
	if ch.PhoneNumber != "" {
		parts = append(parts, ch.PhoneNumber)
	}
	if len(parts) == 0 {
		return label
	}
	return label + " (" + strings.Join(parts, ", ") + ")"
}
