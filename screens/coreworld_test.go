package screens

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/persistence"
)

// Test number and key of the emulator in screen tests.
const (
	worldKey    = "TESTKEY-0123456789abcdef"
	worldNumber = "+4930123456"
)

// coreWorld is the whole app for a screen test: the shell in a test
// window, driven by a real core on a real SQLite file, go-keyring's mock,
// and the 360dialog emulator over real HTTP. Background work runs at once.
type coreWorld struct {
	shell  *shell
	window fyne.Window
	core   *app.Core
	store  *persistence.Store
	emu    *emulator.Emulator
	server *httptest.Server
	clock  *testkit.Clock
	ctx    context.Context
}

func newCoreWorld(t *testing.T) *coreWorld { return newCoreWorldWith(t, nil) }

// newCoreWorldWith is newCoreWorld with the core's parts changed by edit.
func newCoreWorldWith(t *testing.T, edit func(*app.Deps)) *coreWorld {
	t.Helper()
	keyring.MockInit()
	clock := testkit.NewClock(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	emu := emulator.New(emulator.WithClock(clock.Now), emulator.WithManualDelivery(), emulator.WithSeed(1))
	emu.AddNumber(worldKey, worldNumber, "Bäckerei Müller")
	srv := httptest.NewServer(emu)
	t.Cleanup(func() { srv.Close(); emu.Close() })
	ctx := context.Background()
	store, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	deps := app.Deps{
		Store:     store,
		Secrets:   persistence.NewKeyringSecrets(),
		Providers: dialog360.Factory(dialog360.WithBaseURL(srv.URL), dialog360.WithRetry(1, time.Millisecond)),
		Clock:     clock,
	}
	if edit != nil {
		edit(&deps)
	}
	core := app.New(deps)
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(w, Deps{Core: core, Channels: core, Version: "9.9.9"}, uiPrefs{p: a.Preferences()}, runNow)
	w.SetContent(s.content)
	w.Resize(defaultWindowSize)
	return &coreWorld{shell: s, window: w, core: core, store: store, emu: emu, server: srv, clock: clock, ctx: ctx}
}

// addChannel connects the emulator's number through the core, as the
// wizard would.
func (cw *coreWorld) addChannel(t *testing.T) app.Channel {
	t.Helper()
	ch, err := cw.core.AddChannel(cw.ctx, app.NewChannel{Name: "Shop", Number: worldNumber, APIKey: worldKey})
	if err != nil {
		t.Fatalf("add channel: %v", err)
	}
	return ch
}
