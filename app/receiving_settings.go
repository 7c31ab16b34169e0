package app

import (
	"context"
	"time"
)

// ReceivingMode is how customers' messages reach this computer.
type ReceivingMode string

// Receiving modes.
const (
	// ReceivingNotSet: the owner has not chosen yet; each channel keeps
	// whatever address it registered by hand.
	ReceivingNotSet ReceivingMode = ""
	// ReceivingTunnel: Parley opens the public address itself (ngrok),
	// with the token kept in the keyring.
	ReceivingTunnel ReceivingMode = "tunnel"
	// ReceivingOwnAddress: the owner runs the public address (a reverse
	// proxy, a tunnel of their own); each channel's WebhookURL is it.
	ReceivingOwnAddress ReceivingMode = "own"
)

// ReceivingSettings are the owner's choice of how to receive, kept in
// the data folder. The tunnel's token is not among them: it is in the
// system keyring (TunnelTokenStore).
type ReceivingSettings struct {
	Mode ReceivingMode
	// Domain is the owner's fixed domain at the tunnel provider
	// (bakery.ngrok.app), or "" for one the provider chooses at each start.
	Domain    string
	UpdatedAt time.Time
}

// ReceivingStore keeps the receiving settings.
type ReceivingStore interface {
	ReceivingSettings(ctx context.Context) (ReceivingSettings, error)
	SaveReceivingSettings(ctx context.Context, s ReceivingSettings) error
}

// TunnelTokenStore keeps the owner's tunnel token in the system keyring.
type TunnelTokenStore interface {
	SetTunnelToken(token string) error
	// TunnelToken returns ErrNotFound when none is stored.
	TunnelToken() (string, error)
	DeleteTunnelToken() error
}
