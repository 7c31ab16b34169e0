package screens

import (
	"context"
	"net/http/httptest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
)

// Test number and key of the emulator in screen tests.
const (
	worldKey    = testworld.Key
	worldNumber = testworld.Number
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
	tw     *testworld.World
}

func newCoreWorld(t *testing.T) *coreWorld { return newCoreWorldWith(t, nil) }

// newCoreWorldWith is newCoreWorld with the core's parts changed by edit.
func newCoreWorldWith(t *testing.T, edit func(*app.Deps)) *coreWorld {
	t.Helper()
	return shellFor(t, testworld.New(t, testworld.Options{Edit: edit}), defaultWindowSize)
}

// shellFor shows the shell of tw's core in a test window of the given
// size.
func shellFor(t *testing.T, tw *testworld.World, size fyne.Size) *coreWorld {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(w, Deps{Core: tw.Core, Channels: tw.Core, Version: "9.9.9"}, uiPrefs{p: a.Preferences()}, runNow)
	w.SetContent(s.content)
	w.Resize(size)
	return &coreWorld{shell: s, window: w, core: tw.Core, store: tw.Store, emu: tw.Emu, server: tw.Server,
		clock: tw.Clock, ctx: context.Background(), tw: tw}
}

// addChannel connects the emulator's number through the core, as the
// wizard would.
func (cw *coreWorld) addChannel(t *testing.T) app.Channel { return cw.tw.AddChannel(t) }
