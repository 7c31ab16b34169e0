package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
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

// FieldTunnelToken and FieldTunnelDomain are the fields of Parley's
// tunnel in Configure → Receiving messages and the wizard.
const (
	FieldTunnelToken  = "tunnel_token"
	FieldTunnelDomain = "tunnel_domain"
)

// ReceivingUseCases are the owner's choices of how to receive.
type ReceivingUseCases struct {
	*ports
}

// ReceivingSettings returns how this data folder receives.
func (c *ReceivingUseCases) ReceivingSettings(ctx context.Context) (ReceivingSettings, error) {
	return c.store.ReceivingSettings(ctx)
}

// UseTunnel makes Parley open its own tunnel: it keeps token in the
// system keyring (an empty token keeps the one saved before) and the
// domain in the data folder, then has the ReceivingKeeper open the tunnel
// and register every channel's address behind it. Problems with what was
// typed come back as FieldErrors; the tunnel's own outcome arrives as
// EventReceivingChanged.
func (c *ReceivingUseCases) UseTunnel(ctx context.Context, token, domain string) error {
	if c.tunnelTokens == nil {
		return ValidationErrors{{Field: FieldForm, Message: "This copy of Parley has no built-in tunnel. Use your own address instead."}}
	}
	if c.keeper.Load() == nil {
		// Nothing would open the tunnel: the receiver is not running (its
		// port is taken), or this is the demo workspace.
		return ValidationErrors{{Field: FieldForm, Message: "Parley cannot open its tunnel here because its receiver is not running " +
			"(in the demo workspace messages arrive by themselves). Restart Parley; if this stays, see parley.log."}}
	}
	domain, err := TunnelDomain(domain)
	if err != nil {
		return err
	}
	token = strings.TrimSpace(token)
	if token == "" {
		if _, err := c.tunnelTokens.TunnelToken(); err != nil {
			if errors.Is(err, ErrNotFound) {
				return ValidationErrors{{Field: FieldTunnelToken, Message: "Paste your ngrok token (dashboard.ngrok.com → Your Authtoken)."}}
			}
			return keyringProblem("use the tunnel", err)
		}
	} else if err := c.tunnelTokens.SetTunnelToken(token); err != nil {
		return keyringProblem("use the tunnel", err)
	}
	return c.saveReceiving(ctx, ReceivingSettings{Mode: ReceivingTunnel, Domain: domain})
}

// UseOwnAddress makes Parley receive through the address the owner runs
// (each channel's registered address) and closes its own tunnel. The
// tunnel's token stays in the keyring for later.
func (c *ReceivingUseCases) UseOwnAddress(ctx context.Context) error {
	rs, err := c.store.ReceivingSettings(ctx)
	if err != nil {
		return fmt.Errorf("use own address: %w", err)
	}
	return c.saveReceiving(ctx, ReceivingSettings{Mode: ReceivingOwnAddress, Domain: rs.Domain})
}

// saveReceiving saves rs and tells the keeper.
func (c *ReceivingUseCases) saveReceiving(ctx context.Context, rs ReceivingSettings) error {
	rs.UpdatedAt = c.clock.Now()
	if err := c.store.SaveReceivingSettings(ctx, rs); err != nil {
		return fmt.Errorf("save receiving settings: %w", err)
	}
	if k := c.keeper.Load(); k != nil {
		k.reconfigured()
	}
	c.bus.Publish(Event{Kind: EventReceivingChanged})
	return nil
}

// ReceivingStatus is what the running ReceivingKeeper last found; the
// zero status when none runs.
func (c *ReceivingUseCases) ReceivingStatus() ReceivingStatus {
	if k := c.keeper.Load(); k != nil {
		return k.Status()
	}
	return ReceivingStatus{}
}

// TunnelDomain checks a fixed domain typed by the owner ("" is allowed:
// the provider then chooses one) and returns it bare: no scheme, no
// path, lower case.
func TunnelDomain(typed string) (string, error) {
	d := strings.ToLower(strings.TrimSpace(typed))
	d = strings.TrimPrefix(strings.TrimPrefix(d, "https://"), "http://")
	d = strings.TrimSuffix(d, "/")
	if d == "" {
		return "", nil
	}
	bad := func(msg string) error { return ValidationErrors{{Field: FieldTunnelDomain, Message: msg}} }
	if strings.ContainsAny(d, "/?#@: ") {
		return "", bad("Type only the domain, such as bakery.ngrok.app, as ngrok shows it under Domains.")
	}
	if strings.Contains(d, "_") {
		return "", bad("360dialog does not accept addresses with an underscore (_). Choose a domain without one.")
	}
	if !strings.Contains(d, ".") || isLocalHost(d) {
		return "", bad("This is not a public domain. Copy your domain from ngrok's dashboard, such as bakery.ngrok.app.")
	}
	return d, nil
}
