package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
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
	ReceivingStore
	HistoryStore
	ReadReceiptStore
	MediaDownloadStore
	QuickReplyStore
	OptOutStore
	LabelStore
	ContactStore
	BackupStore
	SearchStore
	BroadcastStore
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
	// TunnelTokens keeps the token of Parley's tunnel (the keyring); nil
	// when this Parley opens no tunnel.
	TunnelTokens TunnelTokenStore
	// Disk measures free space for the media folder; nil uses the
	// system's.
	Disk DiskSpace
	// DataDir is Parley's data folder (main's), where a restore is
	// staged for the next start; empty refuses StageRestore.
	DataDir string
	// Exports writes exports and backups; nil uses the computer's files.
	Exports ExportFiles
}

// ports are what every feature part of the core works through: the
// stores, the keyring, the WhatsApp provider, the clock, the log, the
// event bus, the files and the network. The parts share one set.
type ports struct {
	store     Store
	secrets   SecretStore
	providers ProviderFactory
	clock     Clock
	log       *slog.Logger
	mediaDir  string
	files     MediaFiles
	photos    PhotoFetcher
	// webhookProbe sends Parley's test delivery through the owner's tunnel.
	webhookProbe WebhookProbe
	bus          Bus
	// outboxWake nudges a running outbox worker; buffered, never blocks.
	outboxWake chan struct{}
	// receiptWake nudges the running read-receipt worker; buffered.
	receiptWake chan struct{}
	// mediaWake nudges the running MediaDownloader; buffered.
	mediaWake chan struct{}
	// broadcastWake nudges the running broadcast runner; buffered.
	broadcastWake chan struct{}
	// mediaPause is whether saving attachments waits for disk space.
	mediaPause mediaPause
	disk       DiskSpace
	dataDir    string
	exports    ExportFiles
	// keeper is the running ReceivingKeeper, if any.
	keeper       atomic.Pointer[ReceivingKeeper]
	tunnelTokens TunnelTokenStore
	receiver     receiverSlot
	// healthMu orders ingests that carry account health reports, so each
	// change is compared with the state before it (and told once).
	healthMu sync.Mutex
}

// Core is Parley's application core: the use cases the screens call,
// grouped by feature in parts that share one set of ports. Core embeds
// every part, so each use case is a method of Core; a feature that needs
// only one part can be given that part alone (core.InboxUseCases, ...).
type Core struct {
	*ChannelUseCases
	*ProfileUseCases
	*TemplateUseCases
	*InboxUseCases
	*IngestUseCases
	*OutboxUseCases
	*BackgroundUseCases
	*ReceivingUseCases
	*QuickReplyUseCases
	*OptOutUseCases
	*LabelUseCases
	*ContactUseCases
	*ExportUseCases
	*BackupUseCases
	*SearchUseCases
	*BroadcastUseCases
	p *ports
}

// New builds a Core from its parts.
func New(d Deps) *Core {
	p := &ports{store: d.Store, secrets: d.Secrets, providers: d.Providers, clock: d.Clock, log: d.Log,
		mediaDir: d.MediaDir, files: d.Files, photos: d.Photos, webhookProbe: d.Probe,
		outboxWake: make(chan struct{}, 1), receiptWake: make(chan struct{}, 1), mediaWake: make(chan struct{}, 1),
		broadcastWake: make(chan struct{}, 1),
		tunnelTokens:  d.TunnelTokens, disk: d.Disk, dataDir: d.DataDir, exports: d.Exports}
	if p.disk == nil {
		p.disk = systemDiskSpace{}
	}
	if p.clock == nil {
		p.clock = SystemClock{}
	}
	if p.log == nil {
		p.log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if p.files == nil {
		p.files = osMediaFiles{}
	}
	if p.exports == nil {
		p.exports = osExportFiles{}
	}
	if p.photos == nil {
		p.photos = newHTTPPhotoFetcher()
	}
	if p.webhookProbe == nil {
		// The probe carries the channel's secret: it never follows a
		// redirect to another server.
		p.webhookProbe = newHTTPWebhookProbe(d.ProbeClient)
	}
	profiles, templates := &ProfileUseCases{ports: p}, &TemplateUseCases{ports: p}
	return &Core{
		ChannelUseCases:    &ChannelUseCases{ports: p},
		ProfileUseCases:    profiles,
		TemplateUseCases:   templates,
		InboxUseCases:      &InboxUseCases{ports: p},
		IngestUseCases:     &IngestUseCases{ports: p},
		OutboxUseCases:     &OutboxUseCases{ports: p},
		BackgroundUseCases: &BackgroundUseCases{ports: p, profiles: profiles, templates: templates},
		ReceivingUseCases:  &ReceivingUseCases{ports: p},
		QuickReplyUseCases: &QuickReplyUseCases{ports: p},
		OptOutUseCases:     &OptOutUseCases{ports: p},
		LabelUseCases:      &LabelUseCases{ports: p},
		ContactUseCases:    &ContactUseCases{ports: p},
		ExportUseCases:     &ExportUseCases{ports: p},
		BackupUseCases:     &BackupUseCases{ports: p},
		SearchUseCases:     &SearchUseCases{ports: p},
		BroadcastUseCases:  &BroadcastUseCases{ports: p},
		p:                  p,
	}
}

// Events returns the bus screens subscribe to.
func (c *Core) Events() *Bus { return &c.p.bus }

// Now returns the core's clock time.
func (c *Core) Now() time.Time { return c.p.clock.Now() }

// provider returns a Provider for the channel's stored API key.
func (c *ports) provider(id ChannelID) (Provider, error) {
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
func (c *ChannelUseCases) ChannelProvider(_ context.Context, id ChannelID) (Provider, error) {
	return c.provider(id)
}
