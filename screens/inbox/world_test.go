package inbox

import (
	"context"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

// testPage is what spaceShell shows: the Space or some other page.
type testPage int

const pageSpace testPage = iota

// spaceShell stands in for the main window's shell in these tests: it
// shows the Space attached to the core, and tells it how many channels
// there are, as the shell does from the Channels list.
type spaceShell struct {
	nav   *screentest.Nav
	space *Page
	env   env
}

// show puts the Space on screen.
func (s *spaceShell) show(testPage) { s.nav.Show(s.space.Content) }

// countChannels tells the Space how many channels the core has.
func (s *spaceShell) countChannels() {
	chs, err := s.env.core.Channels(context.Background())
	if err == nil {
		s.space.SetChannelCount(len(chs))
	}
}

// coreWorld is screentest's world with the Space in its window.
type coreWorld struct {
	*screentest.World
	shell *spaceShell
}

// shellFor puts the Space of tw's core in a test window of the given
// size.
func shellFor(t *testing.T, tw *testworld.World, size fyne.Size) *coreWorld {
	t.Helper()
	w := screentest.WorldFor(t, tw, size)
	s := &spaceShell{nav: w.Nav, space: NewPage(func() {}, nil)}
	s.env = env{Env: kit.Env{Window: w.Window, Run: screentest.RunNow, Nav: w.Nav}, core: w.Core}
	s.space.Attach(s.env.Env, w.Core)
	w.Core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventChannelsChanged {
			fyne.Do(s.countChannels)
		}
	})
	s.countChannels()
	s.show(pageSpace)
	return &coreWorld{World: w, shell: s}
}
