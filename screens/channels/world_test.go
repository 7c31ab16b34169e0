package channels

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

// testPage is what listShell shows: the Channels list or some other
// page of the window.
type testPage int

const (
	pageSpace testPage = iota
	pageChannels
)

// listShell stands in for the main window's shell in these tests: it
// shows the Channels list wired as the shell wires it, or another page,
// and Back from a channel's page returns to the list.
type listShell struct {
	nav      *screentest.Nav
	channels *Page
	env      env
	space    fyne.CanvasObject
}

// newListShell builds the list on lister in a window of its own. With a
// nil core the list's actions are the placeholders of the bare shell.
func newListShell(w fyne.Window, nav *screentest.Nav, lister Lister, core Core) *listShell {
	s := &listShell{nav: nav, space: widget.NewLabel("Space")}
	s.env = env{Env: kit.Env{Window: w, Run: screentest.RunNow, Nav: nav}, core: core}
	s.channels = NewPage(w, lister, screentest.RunNow, 0)
	if core != nil {
		s.channels.OnAddChannel = func() { openAddChannel(s.env) }
		s.channels.OnConfigure = func(ch app.Channel) { openConfigure(s.env, ch) }
	}
	nav.OnBack = func() { s.show(pageChannels) }
	return s
}

// show puts p on screen; the Channels list reloads, as in the app.
func (s *listShell) show(p testPage) {
	if p != pageChannels {
		s.nav.Show(s.space)
		return
	}
	s.nav.Show(s.channels.Content)
	s.channels.Reload()
}

// coreWorld is screentest's world with the Channels list in its window.
type coreWorld struct {
	*screentest.World
	shell *listShell
}

func newCoreWorld(t *testing.T) *coreWorld { return newCoreWorldWith(t, nil) }

// newCoreWorldWith is newCoreWorld with the core's parts changed by edit.
func newCoreWorldWith(t *testing.T, edit func(*app.Deps)) *coreWorld {
	t.Helper()
	w := screentest.NewWorldWith(t, edit)
	s := newListShell(w.Window, w.Nav, w.Core, w.Core)
	// Like the shell, the list follows the core's channel changes.
	w.Core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventChannelsChanged {
			fyne.Do(s.channels.Reload)
		}
	})
	return &coreWorld{World: w, shell: s}
}

// openChannels shows the Channels list of store, without a core, in a
// test window.
func openChannels(t *testing.T, store app.ChannelStore) (*listShell, *Page) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	nav := &screentest.Nav{Stage: container.NewStack()}
	w.SetContent(nav.Stage)
	w.Resize(screentest.WindowSize)
	s := newListShell(w, nav, store, nil)
	s.show(pageChannels)
	return s, s.channels
}
