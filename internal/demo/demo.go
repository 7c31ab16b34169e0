// Package demo is Parley's demo workspace: `parley --demo` runs the app
// against an in-process 360dialog emulator on 127.0.0.1 with a made-up
// bakery, "Bäckerei Sonnenschein" — a filled business profile, 32
// templates in every review state, eight conversations of the last days
// and customers who keep writing while the app runs.
//
// The demo channel is added the normal way, through the core's
// AddChannel against the emulator, on the first start in a data folder;
// later starts find it and only start the emulator again. The emulator
// keeps everything in memory, so its side (number, profile, templates, the
// 24-hour windows of the conversations in the store) is seeded the same
// way at every start, while the store keeps what the owner did.
//
// Messages reach Parley as in real use: the emulator posts webhooks to
// Parley's webhook receiver (package app/receiver), which Connect
// registers for the demo channel through the client's SetWebhook. The
// owner's answers go out through Parley's outbox to the emulator.
//
// The package needs no UI: it runs headless, in tests as in the app.
package demo

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/inbound"
)

// Store is what the demo needs of Parley's store; persistence.Store
// implements it.
type Store interface {
	app.Store
}

// Options configure the demo workspace.
type Options struct {
	// Store is the demo data folder's store. Required.
	Store Store
	// DataDir is the demo data folder; the files of the past
	// conversations (photos, PDFs) are written to DataDir/demo-media.
	// Empty keeps no files.
	DataDir string
	// ClientOptions configure the 360dialog client (a logger, say); the
	// base URL is always the emulator's.
	ClientOptions []dialog360.Option
	// Log receives the demo's, the emulator's and the receiver's log
	// lines; nil discards them.
	Log *slog.Logger

	// Knobs for this package's tests.
	now            func() time.Time // the clock of the emulator, the core and the customers
	manualDelivery bool             // webhooks wait for Emulator.Flush; no background ticks
	noCustomers    bool             // no simulated customers
}

// Workspace is a running demo. Start Parley's services and build the UI
// with Core; call Stop when the app quits.
type Workspace struct {
	// URL is the emulator's base URL, e.g. "http://127.0.0.1:41234".
	URL string
	// Core is Parley's core, bound to the emulator and to in-memory API
	// keys (see MemorySecrets).
	Core *app.Core
	// Channel is the demo channel as it was at the start.
	Channel app.Channel

	store       Store
	log         *slog.Logger
	noCustomers bool
	templates   []seedTemplate
	emu         *emulator.Emulator
	clock       *replayClock
	own         *receiver.Receiver // started by Connect when given none
	sim         *simulator
	stopSim     context.CancelFunc
	simDone     chan struct{}
	stopOnce    sync.Once
}

// ReceiverAddr is where the demo's webhook receiver should listen: a free
// port on loopback, so that the demo never takes the port a real
// workspace's tunnel points at, even while Parley runs beside it.
const ReceiverAddr = "127.0.0.1:0"

// Start prepares the demo workspace: it starts the emulator and seeds it,
// builds the core against it, adds the demo channel through the core
// unless the store has it, writes the past conversations into a store
// that has none, and syncs profile and templates. Then start the
// background services with Core and call Connect. Call Stop when done,
// also after an error of Connect.
func Start(ctx context.Context, o Options) (*Workspace, error) {
	if o.Store == nil {
		return nil, errors.New("start demo: no store")
	}
	if o.Log == nil {
		o.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	w := &Workspace{clock: newReplayClock(o.now), store: o.Store, log: o.Log, noCustomers: o.noCustomers}
	// The emulator's ids must differ from those of the demo's earlier
	// runs in the same folder: with a fixed seed a restarted demo gave
	// its sends the ids of messages already stored, and every one failed.
	emuOpts := []emulator.Option{emulator.WithClock(w.clock.Now), emulator.WithSeed(uint64(time.Now().UnixNano())), emulator.WithLogger(o.Log)}
	if o.manualDelivery {
		emuOpts = append(emuOpts, emulator.WithManualDelivery())
	} else {
		emuOpts = append(emuOpts, emulator.WithAutoTick(time.Second))
	}
	w.emu = emulator.New(emuOpts...)
	url, err := w.emu.Start("127.0.0.1:0")
	if err != nil {
		w.emu.Close()
		return nil, fmt.Errorf("start demo: %w", err)
	}
	w.URL = url
	if err := w.prepare(ctx, o); err != nil {
		w.Stop()
		return nil, fmt.Errorf("start demo: %w", err)
	}
	o.Log.Info("demo workspace ready", "emulator", w.URL, "channel", w.Channel.ID)
	return w, nil
}

// prepare does the work of Start once the emulator listens.
func (w *Workspace) prepare(ctx context.Context, o Options) error {
	logo := make(chan []byte, 1)
	go func() { logo <- logoPicture() }()
	w.templates = catalogue()
	if err := seedEmulator(w.emu, w.clock, w.templates); err != nil {
		return err
	}
	secrets := NewMemorySecrets()
	w.Core = app.New(app.Deps{
		Store:     o.Store,
		Secrets:   secrets,
		Providers: dialog360.Factory(append(slices.Clip(o.ClientOptions), dialog360.WithBaseURL(w.URL))...),
		Clock:     clockFunc(w.clock.base),
		Log:       o.Log,
		MediaDir:  mediaCacheDir(o.DataDir),
	})
	ch, err := ensureChannel(ctx, w.Core, secrets)
	if err != nil {
		return err
	}
	w.Channel = ch
	convs, err := o.Store.Conversations(ctx, ch.ID)
	if err != nil {
		return fmt.Errorf("read conversations: %w", err)
	}
	if len(convs) == 0 {
		s := &seeder{store: o.Store, channel: ch.ID, now: w.clock.base(), templates: w.templates}
		if o.DataDir != "" {
			s.mediaDir = filepath.Join(o.DataDir, "demo-media")
		}
		if err := s.seed(ctx); err != nil {
			return err
		}
		if err := seedQuickReplies(ctx, w.Core); err != nil {
			return err
		}
	}
	if err := replayWindows(ctx, o.Store, w.emu, w.clock, ch.ID); err != nil {
		return err
	}
	if err := setProfilePhoto(ctx, w.Core, ch.ID, <-logo); err != nil {
		return err
	}
	if _, err := w.Core.SyncProfile(ctx, ch.ID); err != nil {
		return err
	}
	if _, err := w.Core.SyncTemplates(ctx, ch.ID, nil); err != nil {
		return err
	}
	return nil
}

// Connect registers the webhook receiver r with the emulator for the
// demo channel, as going live registers a tunnel, and lets the customers
// write. r is the receiver of Parley's background services, listening on
// ReceiverAddr; when it is nil (it could not start), the demo starts a
// receiver of its own, built as the services build theirs
// (inbound.StartReceiver).
func (w *Workspace) Connect(ctx context.Context, r *receiver.Receiver) error {
	if r == nil {
		own, err := inbound.StartReceiver(ctx, w.Core, w.store, ReceiverAddr, w.log)
		if err != nil {
			return fmt.Errorf("connect demo: %w", err)
		}
		w.own, r = own, own
	}
	hook := webhookTarget{url: r.URLFor(w.Channel), secret: w.Channel.WebhookSecret}
	p, err := w.Core.ChannelProvider(ctx, w.Channel.ID)
	if err != nil {
		return fmt.Errorf("connect demo: %w", err)
	}
	cfg := app.WebhookConfig{URL: hook.url, Headers: map[string]string{receiver.DefaultSecretHeader: hook.secret}}
	if err := p.SetWebhook(ctx, cfg); err != nil {
		return fmt.Errorf("connect demo: register webhook: %w", err)
	}
	w.sim = newSimulator(w.emu, w.clock.base, hook, w.templates, w.log)
	if !w.noCustomers {
		simCtx, cancel := context.WithCancel(context.Background())
		w.stopSim, w.simDone = cancel, make(chan struct{})
		go func() { defer close(w.simDone); w.sim.run(simCtx) }()
	}
	w.log.Info("demo workspace connected", "webhook", r.Addr())
	return nil
}

// Stop ends the customers, the emulator and the demo's own receiver, if
// it started one. It may be called more than once.
func (w *Workspace) Stop() {
	w.stopOnce.Do(func() {
		if w.stopSim != nil {
			w.stopSim()
			<-w.simDone
		}
		w.emu.Close()
		if w.own != nil {
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			if err := w.own.Shutdown(ctx); err != nil {
				w.log.Warn("demo: stop webhook receiver", "err", err)
			}
		}
	})
}

// ensureChannel returns the demo channel, adding it through the core the
// way the Add Channel wizard does when the store does not have it yet.
// The in-memory key store learns the demo key either way.
func ensureChannel(ctx context.Context, core *app.Core, secrets *MemorySecrets) (app.Channel, error) {
	chs, err := core.Channels(ctx)
	if err != nil {
		return app.Channel{}, err
	}
	for _, ch := range chs {
		if app.SamePhone(ch.PhoneNumber, BusinessNumber) {
			if err := secrets.SetAPIKey(ch.ID, APIKey); err != nil {
				return app.Channel{}, err
			}
			return ch, nil
		}
	}
	ch, err := core.AddChannel(ctx, app.NewChannel{Name: BusinessName, Number: BusinessNumber, APIKey: APIKey})
	if err != nil {
		return app.Channel{}, fmt.Errorf("add the demo channel: %w", err)
	}
	return ch, nil
}

// clockFunc adapts a function to app.Clock.
type clockFunc func() time.Time

// Now returns f().
func (f clockFunc) Now() time.Time { return f() }

// mediaCacheDir is where the demo's core keeps downloaded and sent
// attachments, as a real data folder does (services.MediaDir); "" (no
// cache: downloads are refused) without a data folder.
func mediaCacheDir(dataDir string) string {
	if dataDir == "" {
		return ""
	}
	return filepath.Join(dataDir, "media")
}
