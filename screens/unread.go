package screens

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// unreadCounter is the one count of unread customer messages that the
// tray icon, the Space's entry in the navigation and the window title
// show: one query (Core.UnreadTotal) a few times a second at most
// however many show it, read again when messages arrive or are read.
type unreadCounter struct {
	counts *kit.Reloader[int]
	subs   []func(int) // UI goroutine only
	last   int
	known  bool
}

func newUnreadCounter(core *app.Core, run kit.Runner, gap time.Duration) *unreadCounter {
	u := &unreadCounter{}
	u.counts = kit.NewReloader(run, context.Background(), gap, core.UnreadTotal, u.counted)
	core.Events().Subscribe(func(e app.Event) {
		switch e.Kind {
		case app.EventMessagesReceived, app.EventUnreadChanged, app.EventChannelsChanged:
			fyne.Do(u.counts.Request)
		}
	})
	u.counts.Request()
	return u
}

// subscribe calls fn with each new count, and at once with the count
// known.
func (u *unreadCounter) subscribe(fn func(int)) {
	u.subs = append(u.subs, fn)
	if u.known {
		fn(u.last)
	}
}

// counted hands a count to the subscribers when it changed.
func (u *unreadCounter) counted(n int, err error) {
	if err != nil {
		slog.Warn("count unread messages", "err", err)
		return
	}
	if u.known && n == u.last {
		return
	}
	u.known, u.last = true, n
	for _, fn := range u.subs {
		fn(n)
	}
}

// windowTitle is the main window's title with the unread count:
// "Parley (3)".
func windowTitle(base string, unread int) string {
	if unread <= 0 {
		return base
	}
	return fmt.Sprintf("%s (%d)", base, unread)
}
