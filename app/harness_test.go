package app_test

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

const (
	testKey    = "TESTKEY-0123456789abcdef"
	testNumber = "+4930123456"
)

// world is a core wired to a real SQLite store in a temp dir, go-keyring's
// mock, and the 360dialog emulator over real HTTP.
type world struct {
	core   *app.Core
	store  *persistence.Store
	emu    *emulator.Emulator
	server *httptest.Server
	clock  *testkit.Clock
	ctx    context.Context
}

func newWorld(t *testing.T) *world { return buildWorld(t, false, nil) }

// newListeningWorld serves the emulator on its own loopback port, where
// SetOffline really closes the port ("connection refused"), as when a
// laptop has no network.
func newListeningWorld(t *testing.T) *world { return buildWorld(t, true, nil) }

// buildWorld builds a world; wrap, if not nil, wraps the emulator's
// handler (to watch the requests it gets).
func buildWorld(t testing.TB, listen bool, wrap func(http.Handler) http.Handler) *world {
	t.Helper()
	keyring.MockInit()
	clock := testkit.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	emu := emulator.New(emulator.WithClock(clock.Now), emulator.WithManualDelivery(), emulator.WithSeed(1))
	emu.AddNumber(testKey, testNumber, "Bäckerei Müller")
	var h http.Handler = emu
	if wrap != nil {
		h = wrap(emu)
	}
	srv := httptest.NewServer(h)
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
		MediaDir:  t.TempDir(),
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
