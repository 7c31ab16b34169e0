package app

import (
	"context"
	"errors"
	"fmt"
)

// ConnectionState is what Parley knows about a channel's link to 360dialog.
type ConnectionState int

// Connection states, as CheckConnection reports them.
const (
	ConnectionUnchecked    ConnectionState = iota // not checked yet
	ConnectionOK                                  // 360dialog accepts the key
	ConnectionKeyRejected                         // 360dialog refuses the key
	ConnectionOffline                             // no network
	ConnectionUnavailable                         // 360dialog does not answer properly
	ConnectionNoKey                               // no key in the keyring, or no keyring
	ConnectionDisconnected                        // the owner disconnected the channel
)

// ConnectionStatus is the outcome of one connection check.
type ConnectionStatus struct {
	State ConnectionState
	// Plain explains a problem in plain words; empty when all is well.
	Plain string
}

// CheckConnection asks 360dialog whether the channel's stored key still
// works and remembers a changed answer in the channel's KeyState (without
// publishing an event: the caller shows the result). Only a failure to
// read the channel is returned as an error; every other problem is a
// state with its plain explanation.
func (c *ChannelUseCases) CheckConnection(ctx context.Context, id ChannelID) (ConnectionStatus, error) {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return ConnectionStatus{}, fmt.Errorf("check connection: %w", err)
	}
	if ch.Disconnected {
		return ConnectionStatus{State: ConnectionDisconnected}, nil
	}
	key, err := c.secrets.APIKey(id)
	switch {
	case errors.Is(err, ErrNotFound):
		return ConnectionStatus{State: ConnectionNoKey,
			Plain: "Parley has no API key for this channel any more. Open Configure and enter it again."}, nil
	case errors.Is(err, ErrNoKeyring):
		return ConnectionStatus{State: ConnectionNoKey,
			Plain: "Parley cannot open your system keyring, where the API key is kept. Unlock it, then try again."}, nil
	case err != nil:
		return ConnectionStatus{State: ConnectionNoKey,
			Plain: "Parley could not read the API key from your system keyring."}, nil
	}
	_, verr := c.providers(key).VerifyKey(ctx)
	status := connectionStatusOf(verr)
	switch status.State {
	case ConnectionOK:
		c.rememberKeyState(ctx, id, KeyOK)
	case ConnectionKeyRejected:
		c.rememberKeyState(ctx, id, KeyRejected)
	}
	return status, nil
}

// connectionStatusOf turns the answer of a key check into a state.
func connectionStatusOf(err error) ConnectionStatus {
	if err == nil {
		return ConnectionStatus{State: ConnectionOK}
	}
	var pe *ProviderError
	if !errors.As(err, &pe) {
		return ConnectionStatus{State: ConnectionUnavailable, Plain: "Parley could not check the connection with 360dialog."}
	}
	switch pe.Kind {
	case KindBadKey:
		return ConnectionStatus{State: ConnectionKeyRejected, Plain: pe.Plain}
	case KindOffline:
		return ConnectionStatus{State: ConnectionOffline, Plain: pe.Plain}
	}
	return ConnectionStatus{State: ConnectionUnavailable, Plain: pe.Plain}
}

// rememberKeyState stores a changed KeyState. It re-reads the channel just
// before writing, so a rename saved during the check is not undone.
func (c *ChannelUseCases) rememberKeyState(ctx context.Context, id ChannelID, s KeyState) {
	ch, err := c.store.Channel(ctx, id)
	if err != nil || ch.KeyState == s || ch.Disconnected {
		return
	}
	ch.KeyState = s
	if err := c.store.UpdateChannel(ctx, ch); err != nil {
		c.log.Warn("check connection: remember key state", "channel", id, "err", err)
	}
}
