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
	bg    *background
}

// background runs the pages' background work at once, or, while queued
// is set, keeps it until drain: the order a real window sees, where the
// work finishes later on another goroutine and reaches the UI through
// fyne.Do, never in the middle of what asked for it.
type background struct {
	queued bool
	jobs   []func()
}

func (b *background) run(work func()) {
	if !b.queued {
		work()
		return
	}
	b.jobs = append(b.jobs, work)
}

// drain runs the kept work, and the work it asks for, until none is left.
func (b *background) drain() {
	for len(b.jobs) > 0 {
		job := b.jobs[0]
		b.jobs = b.jobs[1:]
		job()
	}
}

// shellFor puts the Space of tw's core in a test window of the given
// size.
func shellFor(t *testing.T, tw *testworld.World, size fyne.Size) *coreWorld {
	t.Helper()
	w := screentest.WorldFor(t, tw, size)
	s := &spaceShell{nav: w.Nav, space: NewPage(func() {}, nil)}
	bg := &background{}
	s.env = env{Env: kit.Env{Window: w.Window, Run: bg.run, Nav: w.Nav}, core: w.Core}
	s.space.Attach(s.env.Env, w.Core)
	w.Core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventChannelsChanged {
			fyne.Do(s.countChannels)
		}
	})
	s.countChannels()
	s.show(pageSpace)
	return &coreWorld{World: w, shell: s, bg: bg}
}
