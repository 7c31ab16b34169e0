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
// again does not help. The error's text says what to check.
var ErrTunnelRefused = errors.New("the tunnel provider refused the tunnel")
