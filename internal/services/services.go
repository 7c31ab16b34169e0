// Package services starts and stops Parley's background work, the same for
// the window and for --headless: the webhook receiver, the outbox worker,
// the broadcast runner, the saver of customers' attachments and the
// background sync loop.
package services

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"
	"sync"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/inbound"
	"github.com/parley-app/parley/internal/netwatch"
	"github.com/parley-app/parley/persistence"
)

// DefaultReceiverAddr is where the webhook receiver listens unless told
// otherwise: loopback only, on a fixed port so a tunnel command keeps
// working across restarts.
const DefaultReceiverAddr = "127.0.0.1:8787"

// MediaDir is where a data folder keeps downloaded and sent attachments.
func MediaDir(dataDir string) string { return filepath.Join(dataDir, persistence.MediaFolderName) }

// NewCore builds the core of the data folder dataDir the way the window and
// the headless mode share it: store, API keys in the OS keyring under the
// folder's workspace id (see Keyring), the 360dialog client with opts,
// attachments in MediaDir(dataDir).
func NewCore(store *persistence.Store, dataDir string, log *slog.Logger, opts ...dialog360.Option) *app.Core {
	return NewCoreWith(store, dataDir, log, Keyring(store, log), opts...)
}

// NewCoreWith builds the core like NewCore, with the API keys and the
// tunnel's token from secrets: the keyring, or in --headless a keys file
// (see HeadlessSecrets).
func NewCoreWith(store *persistence.Store, dataDir string, log *slog.Logger, secrets Secrets, opts ...dialog360.Option) *app.Core {
	if log == nil {
		log = slog.Default()
	}
	return app.New(app.Deps{
		Store:        store,
		Secrets:      secrets,
		TunnelTokens: secrets,
		Providers:    dialog360.Factory(opts...),
		Log:          log,
		MediaDir:     MediaDir(dataDir),
		DataDir:      dataDir,
	})
}

// Config says what to start.
type Config struct {
	Store        *persistence.Store
	Core         *app.Core
	ReceiverAddr string // DefaultReceiverAddr when empty
	Log          *slog.Logger
	Outbox       app.OutboxOptions
	Background   app.BackgroundOptions
	// Media tunes saving customers' attachments as they arrive.
	Media app.MediaDownloadOptions
	// Tunnels opens Parley's own tunnel (internal/tunnel); nil leaves the
	// owner only their own address.
	Tunnels app.TunnelOpener
	// NoKeeper runs no ReceivingKeeper: the demo's emulator delivers to
	// the receiver on this computer, with no public address to keep.
	NoKeeper bool
}

// Services is the running background work.
type Services struct {
	// Receiver is nil when it could not start (ReceiverErr says why); the
	// rest of Parley works without it, but no messages arrive.
	Receiver    *receiver.Receiver
	ReceiverErr error
	// Keeper keeps receiving true (tunnel, registrations, the watch); nil
	// without a receiver.
	Keeper *app.ReceivingKeeper
	cancel context.CancelFunc
	wg     sync.WaitGroup
	log    *slog.Logger
}

// Start recovers the outbox after a crash, starts the receiver, the outbox
// worker, the broadcast runner (which goes on with broadcasts from where
// the store says they are), the attachment saver and the sync loop. A receiver that cannot listen (its port is
// taken) is reported in ReceiverErr, not as an error.
func Start(ctx context.Context, cfg Config) (*Services, error) {
	if cfg.ReceiverAddr == "" {
		cfg.ReceiverAddr = DefaultReceiverAddr
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	if _, err := cfg.Core.RecoverOutbox(ctx); err != nil {
		return nil, fmt.Errorf("start: %w", err)
	}
	core := cfg.Core
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	s := &Services{cancel: cancel, log: cfg.Log}
	rcv, err := inbound.StartReceiver(ctx, core, cfg.Store, cfg.ReceiverAddr, cfg.Log)
	if err != nil {
		s.ReceiverErr = err
		cfg.Log.Error("webhook receiver not started", "err", err)
	} else {
		s.Receiver = rcv
	}
	s.wg.Add(4)
	go func() { defer s.wg.Done(); core.RunOutbox(runCtx, cfg.Outbox) }()
	go func() { defer s.wg.Done(); core.RunBroadcasts(runCtx) }()
	go func() { defer s.wg.Done(); core.RunMediaDownloads(runCtx, cfg.Media) }()
	go func() { defer s.wg.Done(); core.NewBackground(cfg.Background).Run(runCtx) }()
	addr := ""
	if rcv != nil {
		addr = rcv.Addr()
	}
	if rcv != nil && !cfg.NoKeeper {
		s.Keeper = core.NewReceivingKeeper(app.ReceivingOptions{Tunnels: cfg.Tunnels, Upstream: "http://" + addr,
			NetworkChanged: netwatch.Watch(runCtx, netwatch.DefaultEvery, nil)})
		s.wg.Add(1)
		go func() { defer s.wg.Done(); s.Keeper.Run(runCtx) }()
	}
	cfg.Log.Info("services started", "receiver", addr)
	return s, nil
}

// Stop lets requests in flight finish their commit, then stops the
// workers. Messages being sent are recorded before it returns.
func (s *Services) Stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if s.Receiver != nil {
		if err := s.Receiver.Shutdown(ctx); err != nil {
			s.log.Warn("stop webhook receiver", "err", err)
		}
	}
	s.cancel()
	s.wg.Wait()
}
