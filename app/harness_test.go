package app_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/persistence"
)

const (
	testKey    = "TESTKEY-0123456789abcdef"
	testNumber = "+4930123456"
)

// fakeClock is a settable clock shared by the core and the emulator.
type fakeClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// world is a core wired to a real SQLite store in a temp dir, go-keyring's
// mock, and the 360dialog emulator over real HTTP.
type world struct {
	core   *app.Core
	store  *persistence.Store
	emu    *emulator.Emulator
	server *httptest.Server
	clock  *fakeClock
	ctx    context.Context
}

func newWorld(t *testing.T) *world { return buildWorld(t, false) }

// newListeningWorld serves the emulator on its own loopback port, where
// SetOffline really closes the port ("connection refused"), as when a
// laptop has no network.
func newListeningWorld(t *testing.T) *world { return buildWorld(t, true) }

func buildWorld(t *testing.T, listen bool) *world {
	t.Helper()
	keyring.MockInit()
	clock := &fakeClock{t: time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)}
	emu := emulator.New(emulator.WithClock(clock.Now), emulator.WithManualDelivery(), emulator.WithSeed(1))
	emu.AddNumber(testKey, testNumber, "Bäckerei Müller")
	srv := httptest.NewServer(emu)
	t.Cleanup(func() { srv.Close(); emu.Close() })
	baseURL := srv.URL
	if listen {
		u, err := emu.Start("127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		baseURL = u
	}
	ctx := context.Background()
	store, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	opts := []dialog360.Option{dialog360.WithBaseURL(baseURL), dialog360.WithRetry(1, time.Millisecond)}
	if listen {
		// A fresh connection per request: when the emulator goes offline
		// the next send meets a closed port ("connection refused"), as
		// after a laptop lost its network, never a kept-alive connection
		// the emulator is closing at that very moment (an answer lost in
		// flight, which the outbox rightly marks unknown; that case has
		// its own test).
		opts = append(opts, dialog360.WithHTTPClient(&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}))
	}
	core := app.New(app.Deps{
		Store:     store,
		Secrets:   persistence.NewKeyringSecrets(),
		Providers: dialog360.Factory(opts...),
		Clock:     clock,
	})
	return &world{core: core, store: store, emu: emu, server: srv, clock: clock, ctx: ctx}
}

// addChannel adds the emulator's number through the core.
func (w *world) addChannel(t *testing.T) app.Channel {
	t.Helper()
	ch, err := w.core.AddChannel(w.ctx, app.NewChannel{Name: "Shop", Number: testNumber, APIKey: testKey})
	if err != nil {
		t.Fatalf("add channel: %v", err)
	}
	return ch
}
