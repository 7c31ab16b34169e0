package app

import (
	"context"
	"errors"
)

// Tunnel is a public HTTPS address, opened by Parley itself, that
// forwards every request to the webhook receiver on this computer.
type Tunnel interface {
	// URL is the public address, such as https://bakery.ngrok.app.
	URL() string
	// Done is closed when the tunnel stopped for good (closed, or its
	// provider refused it); brief drops it recovers from on its own do not
	// close it.
	Done() <-chan struct{}
	// Err says why the tunnel stopped, once Done is closed; nil after
	// Close.
	Err() error
	// Close stops the tunnel.
	Close() error
}

// TunnelConfig is what opening a tunnel needs.
type TunnelConfig struct {
	// Token is the owner's token at the tunnel provider, from the keyring.
	Token string
	// Domain is the owner's fixed domain at the provider
	// (bakery.ngrok.app), or "" for one the provider chooses.
	Domain string
	// Upstream is where the tunnel forwards to: the receiver on this
	// computer, such as http://127.0.0.1:8787.
	Upstream string
}

// TunnelOpener opens tunnels: ngrok's agent inside Parley
// (internal/tunnel), or a local TLS server in tests.
type TunnelOpener interface {
	Open(ctx context.Context, cfg TunnelConfig) (Tunnel, error)
}

// ErrTunnelRefused marks a tunnel the provider refused for a reason the
// owner must fix (a wrong token, a domain that is not theirs): trying
// again does not help.
var ErrTunnelRefused = errors.New("the tunnel provider refused the tunnel")

// TunnelError is a tunnel that could not be opened or stopped, in the
// owner's words. Adapters return it; Explain shows Plain.
type TunnelError struct {
	// Plain says what happened and what to check, for a shop owner.
	Plain string
	// Refused is set when trying again does not help (see
	// ErrTunnelRefused).
	Refused bool
	// Err is the provider's own error, for the log; may be nil.
	Err error
}

// Error implements error.
func (e *TunnelError) Error() string {
	if e.Err == nil {
		return e.Plain
	}
	return e.Plain + " (" + e.Err.Error() + ")"
}

// Unwrap returns the provider's error.
func (e *TunnelError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrTunnelRefused) true for a refusal.
func (e *TunnelError) Is(target error) bool { return target == ErrTunnelRefused && e.Refused }
