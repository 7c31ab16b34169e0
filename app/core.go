package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Store is every store port in one; persistence.Store implements it.
type Store interface {
	ChannelStore
	ProfileStore
	TemplateStore
	MessageStore
	OutboxStore
	GroupIngester
}

// Deps are the parts the core is built from.
type Deps struct {
	Store     Store
	Secrets   SecretStore
	Providers ProviderFactory
	Clock     Clock        // nil means SystemClock
	Log       *slog.Logger // nil discards
	// MediaDir is the folder where downloaded attachments are cached
	// (main sets it to <data>/media); empty disables downloads.
	MediaDir string
	// ProbeClient sends the test delivery of TestWebhook through the
	// owner's tunnel when Probe is nil; nil uses a plain client. Tests
	// pass one that trusts their TLS server. The core uses a copy that
	// refuses redirects to another server.
	ProbeClient *http.Client
	// Files reads and writes attachments; nil uses the computer's files.
	Files MediaFiles
	// Photos downloads profile photos; nil uses HTTP.
	Photos PhotoFetcher
	// Probe sends TestWebhook's test delivery; nil uses HTTP through
	// ProbeClient.
	Probe WebhookProbe
}

// Core is Parley's application core: the use cases the screens call.
type Core struct {
	store     Store
	secrets   SecretStore
	providers ProviderFactory
	clock     Clock
	log       *slog.Logger
	mediaDir  string
	bus       Bus
	profileMu sync.Mutex // serialises profile pushes
	// outboxWake nudges a running outbox worker; buffered, never blocks.
	outboxWake chan struct{}
	receiver   receiverSlot
	files      MediaFiles
	photos     PhotoFetcher
	// webhookProbe sends Parley's test delivery through the owner's tunnel.
	webhookProbe WebhookProbe
}

// New builds a Core from its parts.
func New(d Deps) *Core {
	c := &Core{store: d.Store, secrets: d.Secrets, providers: d.Providers, clock: d.Clock, log: d.Log,
		mediaDir: d.MediaDir, outboxWake: make(chan struct{}, 1)}
	c.files, c.photos, c.webhookProbe = d.Files, d.Photos, d.Probe
	if c.files == nil {
		c.files = osMediaFiles{}
	}
	if c.photos == nil {
		c.photos = newHTTPPhotoFetcher()
	}
	if c.webhookProbe == nil {
		// The probe carries the channel's secret: it never follows a
		// redirect to another server.
		c.webhookProbe = newHTTPWebhookProbe(d.ProbeClient)
	}
	if c.clock == nil {
		c.clock = SystemClock{}
	}
	if c.log == nil {
		c.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return c
}

// Events returns the bus screens subscribe to.
func (c *Core) Events() *Bus { return &c.bus }

// Now returns the core's clock time.
func (c *Core) Now() time.Time { return c.clock.Now() }

// provider returns a Provider for the channel's stored API key.
func (c *Core) provider(id ChannelID) (Provider, error) {
	key, err := c.secrets.APIKey(id)
	if errors.Is(err, ErrNotFound) {
		return nil, fmt.Errorf("read API key of channel %d: %w: %w", id, ErrKeyMissing, err)
	}
	if err != nil {
		return nil, fmt.Errorf("read API key of channel %d: %w", id, err)
	}
	return c.providers(key), nil
}

// ChannelProvider returns a Provider for the channel, for background
// workers that live outside the core.
func (c *Core) ChannelProvider(_ context.Context, id ChannelID) (Provider, error) {
	return c.provider(id)
}
