// Package testworld builds, for tests, Parley's core on real parts: a
// SQLite store in a temporary folder, go-keyring's in-memory mock, and the
// 360dialog emulator over real HTTP, on a clock the test moves. The app
// and screens tests start from it.
package testworld

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/persistence"
)

// The emulator's number, its API key and its business.
const (
	Key      = "TESTKEY-0123456789abcdef"
	Number   = "+4930123456"
	Business = "Bäckerei Müller"
)

// Start is the time the world's clock reads at first.
var Start = time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)

// Options change the world.
type Options struct {
	// Start is when the clock starts; zero means Start.
	Start time.Time
	// Listen serves the emulator on its own loopback port, where
	// SetOffline really closes the port ("connection refused"), as when a
	// laptop has no network.
	Listen bool
	// Wrap, if not nil, wraps the emulator's handler (to watch the
	// requests it gets).
	Wrap func(http.Handler) http.Handler
	// MediaDir gives the core a media folder in a temporary folder.
	MediaDir bool
	// Edit, if not nil, changes the core's parts before it is built.
	Edit func(*app.Deps)
}

// World is a core and the real parts under it.
type World struct {
	Core   *app.Core
	Store  *persistence.Store
	Emu    *emulator.Emulator
	Server *httptest.Server
	Clock  *testkit.Clock
}

// New builds a world; everything is closed when the test ends.
func New(tb testing.TB, o Options) *World {
	tb.Helper()
	keyring.MockInit()
	start := o.Start
	if start.IsZero() {
		start = Start
	}
	clock := testkit.NewClock(start)
	emu := emulator.New(emulator.WithClock(clock.Now), emulator.WithManualDelivery(), emulator.WithSeed(1))
	emu.AddNumber(Key, Number, Business)
	var h http.Handler = emu
	if o.Wrap != nil {
		h = o.Wrap(emu)
	}
	srv := httptest.NewServer(h)
	tb.Cleanup(func() { srv.Close(); emu.Close() })
	baseURL := srv.URL
	if o.Listen {
		u, err := emu.Start("127.0.0.1:0")
		if err != nil {
			tb.Fatal(err)
		}
		baseURL = u
	}
	store, err := persistence.Open(context.Background(), tb.TempDir())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { store.Close() })
	opts := []dialog360.Option{dialog360.WithBaseURL(baseURL), dialog360.WithRetry(1, time.Millisecond)}
	if o.Listen {
		// A fresh connection per request: when the emulator goes offline
		// the next send meets a closed port ("connection refused"), as
		// after a laptop lost its network, never a kept-alive connection
		// the emulator is closing at that very moment (an answer lost in
		// flight, which the outbox rightly marks unknown; that case has
		// its own test).
		opts = append(opts, dialog360.WithHTTPClient(&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}))
	}
	secrets := persistence.NewKeyringSecrets()
	deps := app.Deps{
		Store:        store,
		Secrets:      secrets,
		TunnelTokens: secrets,
		Providers:    dialog360.Factory(opts...),
		Clock:        clock,
	}
	if o.MediaDir {
		deps.MediaDir = tb.TempDir()
	}
	if o.Edit != nil {
		o.Edit(&deps)
	}
	return &World{Core: app.New(deps), Store: store, Emu: emu, Server: srv, Clock: clock}
}

// AddChannel connects the emulator's number through the core, as the
// Add Channel wizard does.
func (w *World) AddChannel(tb testing.TB) app.Channel {
	tb.Helper()
	ch, err := w.Core.AddChannel(context.Background(), app.NewChannel{Name: "Shop", Number: Number, APIKey: Key})
	if err != nil {
		tb.Fatalf("add channel: %v", err)
	}
	return ch
}
