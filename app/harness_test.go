package app_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
)

const (
	testKey    = testworld.Key
	testNumber = testworld.Number
)

// world is a core wired to a real SQLite store in a temp dir, go-keyring's
// mock, and the 360dialog emulator over real HTTP (see testworld).
type world struct {
	core   *app.Core
	store  *persistence.Store
	emu    *emulator.Emulator
	server *httptest.Server
	clock  *testkit.Clock
	ctx    context.Context
	tw     *testworld.World
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
	tw := testworld.New(t, testworld.Options{Listen: listen, Wrap: wrap, MediaDir: true})
	return &world{core: tw.Core, store: tw.Store, emu: tw.Emu, server: tw.Server, clock: tw.Clock, ctx: context.Background(), tw: tw}
}

// addChannel adds the emulator's number through the core.
func (w *world) addChannel(t *testing.T) app.Channel { return w.tw.AddChannel(t) }
