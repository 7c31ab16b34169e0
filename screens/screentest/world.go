package screentest

import (
	"context"
	"net/http/httptest"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens/kit"
)

// Test number and key of the emulator in screen tests.
const (
	WorldKey    = testworld.Key
	WorldNumber = testworld.Number
)

// WindowSize is the size of a test window: the main window's size on
// first start.
var WindowSize = fyne.NewSize(1100, 720)

// World is the whole app under a screen test: a real core on a real
// SQLite file, go-keyring's mock and the 360dialog emulator over real
// HTTP, and a test window whose content is Nav's stage. Background work
// runs at once.
type World struct {
	App    fyne.App
	Window fyne.Window
	Nav    *Nav
	Core   *app.Core
	Store  *persistence.Store
	Emu    *emulator.Emulator
	Server *httptest.Server
	Clock  *testkit.Clock
	Ctx    context.Context
	TW     *testworld.World
}

// NewWorld is a World with the core as tests usually want it.
func NewWorld(t *testing.T) *World { return NewWorldWith(t, nil) }

// NewWorldWith is NewWorld with the core's parts changed by edit.
func NewWorldWith(t *testing.T, edit func(*app.Deps)) *World {
	t.Helper()
	return WorldFor(t, testworld.New(t, testworld.Options{Edit: edit}), WindowSize)
}

// WorldFor puts tw's core in a test window of the given size.
func WorldFor(t *testing.T, tw *testworld.World, size fyne.Size) *World {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	nav := &Nav{Stage: container.NewStack()}
	w.SetContent(nav.Stage)
	w.Resize(size)
	return &World{App: a, Window: w, Nav: nav, Core: tw.Core, Store: tw.Store, Emu: tw.Emu, Server: tw.Server,
		Clock: tw.Clock, Ctx: context.Background(), TW: tw}
}

// Env is what a feature's page is built with in w: its window, RunNow
// and its Nav.
func (w *World) Env() kit.Env { return kit.Env{Window: w.Window, Run: RunNow, Nav: w.Nav} }

// AddChannel connects the emulator's number through the core, as the
// wizard would.
func (w *World) AddChannel(t *testing.T) app.Channel { return w.TW.AddChannel(t) }
