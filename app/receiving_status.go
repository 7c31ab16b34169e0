package app

import (
	"errors"
	"time"
)

// ReceivingState is whether a channel's customers' messages reach this
// computer, as the last check found.
type ReceivingState int

// Receiving states.
const (
	// ReceivingUnchecked: no check has run yet.
	ReceivingUnchecked ReceivingState = iota
	// ReceivingOK: 360dialog has this computer's address and a test
	// delivery through it arrived.
	ReceivingOK
	// ReceivingDown: the check failed; Problem says why.
	ReceivingDown
	// ReceivingNotSetUp: the channel has no public address yet (the owner
	// skipped that step).
	ReceivingNotSetUp
)

// ChannelReceiving is what the last check found for one channel.
type ChannelReceiving struct {
	ChannelID ChannelID
	State     ReceivingState
	// Problem is why the channel is not receiving (Explain words it);
	// nil when it is.
	Problem error
	// DownSince is when the outage began; zero while receiving.
	DownSince time.Time
	// Recovered is the outage that just ended, on the check that found
	// the channel receiving again; nil otherwise.
	Recovered *Outage
	CheckedAt time.Time
}

// Outage is a time during which messages did not reach this computer;
// 360dialog keeps them and delivers them once it can.
type Outage struct{ From, To time.Time }

// ReceivingStatus is the whole picture: how Parley receives, its tunnel,
// and each channel's last check.
type ReceivingStatus struct {
	Mode ReceivingMode
	// PublicURL is the address of the tunnel Parley opened; "" when none
	// is open.
	PublicURL string
	// TunnelProblem is why the tunnel is not open, in tunnel mode; nil
	// when it is open or not used.
	TunnelProblem error
	Channels      []ChannelReceiving
}

// Errors of receiving, for errors.Is.
var (
	// ErrTunnelTokenMissing: tunnel mode is chosen but no token is in the
	// keyring.
	ErrTunnelTokenMissing = errors.New("no tunnel token is saved")
	// ErrWebhookElsewhere: 360dialog delivers the number's messages to
	// another address than Parley's (changed outside Parley).
	ErrWebhookElsewhere = errors.New("360dialog delivers to another address")
	// ErrTunnelClosed: the tunnel Parley opened is not running.
	ErrTunnelClosed = errors.New("the tunnel Parley opened is not running")
)

// WebhookElsewhereError says where 360dialog delivers instead; it is
// ErrWebhookElsewhere.
type WebhookElsewhereError struct{ Host string }

// Error implements error.
func (e *WebhookElsewhereError) Error() string {
	if e.Host == "" {
		return "360dialog has no webhook address for this number"
	}
	return "360dialog delivers to " + e.Host
}

// Is makes errors.Is(err, ErrWebhookElsewhere) true.
func (e *WebhookElsewhereError) Is(target error) bool { return target == ErrWebhookElsewhere }

// explainReceiving words the errors of receiving; ok is false for others.
func explainReceiving(err error) (string, bool) {
	var elsewhere *WebhookElsewhereError
	var tunnel *TunnelError
	switch {
	case errors.Is(err, ErrTunnelTokenMissing):
		return "Parley's tunnel has no token yet. Open Configure → Receiving messages and paste your ngrok token.", true
	case errors.As(err, &elsewhere) && elsewhere.Host == "":
		return "360dialog has no address to deliver this number's messages to. Open Configure → Receiving messages and register again.", true
	case errors.As(err, &elsewhere):
		return "360dialog now delivers this number's messages to " + elsewhere.Host + ", not to Parley. " +
			"If you did not change this on purpose, open Configure → Receiving messages and register again.", true
	case errors.As(err, &tunnel):
		return tunnel.Plain, true
	case errors.Is(err, ErrTunnelClosed):
		return "Parley's tunnel to the internet is not running, so 360dialog cannot deliver messages. Parley keeps trying; check this computer's internet connection.", true
	}
	return "", false
}
