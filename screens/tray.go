package screens

import (
	"context"
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// prefToldAboutTray remembers that the owner was told, the first time they
// closed the window, that Parley keeps receiving in the tray.
const prefToldAboutTray = "toldAboutTray"

// Texts of the tray.
const (
	textOpenParley    = "Open Parley"
	textQuitParley    = "Quit Parley"
	textStillRunning  = "Parley is still receiving"
	textStillRunning2 = "Parley keeps receiving your customers' messages in the background. " +
		"Open it again from its icon in the system tray; choose Quit Parley there to stop it."
)

// systemTray is Parley's icon in the system tray: the app icon with the
// number of unread customer messages, a menu to open the window again
// and to quit. Closing the window only hides it, so Parley keeps
// receiving.
type systemTray struct {
	desk   desktop.App
	window fyne.Window
	core   *app.Core
	prefs  uiPrefs
	icon   fyne.Resource
	notify func(*fyne.Notification)

	counts *kit.Reloader[int] // the unread count, a few times a second at most
	open   *fyne.MenuItem
	menu   *fyne.Menu
	shown  bool // whether a count is shown yet; UI goroutine only
	unread int  // the count shown; UI goroutine only
	// notReceiving marks the icon while customers' messages do not
	// arrive; UI goroutine only.
	notReceiving bool
	// stopCounting ends the tray's own counting (countWith).
	stopCounting func()
}

// installTray puts Parley in the tray of a desktop app and makes closing
// the window hide it. It returns nil (and changes nothing) when the app
// has no tray, the desktop shows no tray icons (hostAvailable), or there
// is no core.
func installTray(a fyne.App, w fyne.Window, d Deps, prefs uiPrefs, run kit.Runner, hostAvailable func() bool) *systemTray {
	desk, ok := a.(desktop.App)
	if !ok || d.Core == nil || d.Icon == nil || !hostAvailable() {
		return nil
	}
	t := &systemTray{desk: desk, window: w, core: d.Core, prefs: prefs, icon: d.Icon, notify: a.SendNotification}
	t.open = fyne.NewMenuItem(textOpenParley, t.showWindow)
	quit := fyne.NewMenuItem(textQuitParley, func() { kit.Quit(a) })
	quit.IsQuit = true
	t.menu = fyne.NewMenu("Parley", t.open, fyne.NewMenuItemSeparator(), quit)
	desk.SetSystemTrayMenu(t.menu)
	desk.SetSystemTrayIcon(d.Icon)
	desk.SetSystemTrayWindow(w)
	w.SetCloseIntercept(t.closeToTray)
	t.counts = kit.NewReloader(run, context.Background(), d.ReloadGap, d.Core.UnreadTotal, t.counted)
	t.stopCounting = d.Core.Events().Subscribe(func(e app.Event) {
		switch e.Kind {
		case app.EventMessagesReceived, app.EventUnreadChanged, app.EventChannelsChanged:
			fyne.Do(t.refresh)
		}
	})
	t.refresh()
	return t
}

// countWith makes the tray show u's count instead of counting itself:
// one count for the tray, the navigation and the window title.
func (t *systemTray) countWith(u *unreadCounter) {
	t.stopCounting()
	u.subscribe(t.show)
}

// showWindow brings the window back.
func (t *systemTray) showWindow() {
	t.window.Show()
	t.window.RequestFocus()
}

// closeToTray hides the window instead of quitting, and the first time
// tells the owner where Parley went.
func (t *systemTray) closeToTray() {
	hideTellingOnce(t.window, t.prefs, prefToldAboutTray, t.notify, fyne.NewNotification(textStillRunning, textStillRunning2))
}

// refresh counts the unread messages in the background (one query,
// paced by kit.Reloader) and shows the count on the icon and in the menu.
func (t *systemTray) refresh() { t.counts.Request() }

// counted shows a count read by refresh.
func (t *systemTray) counted(n int, err error) {
	if err != nil {
		slog.Warn("tray: count unread messages", "err", err)
		return
	}
	t.show(n)
}

// show puts unread on the icon and the menu; nothing changes when the
// count is the same.
func (t *systemTray) show(unread int) {
	if t.shown && unread == t.unread {
		return
	}
	t.shown, t.unread = true, unread
	t.open.Label = textOpenParley
	if unread > 0 {
		t.open.Label = fmt.Sprintf("%s — %d unread", textOpenParley, unread)
	}
	t.menu.Refresh()
	t.desk.SetSystemTrayIcon(trayIcon(t.icon, unread, t.notReceiving))
}

// setNotReceiving marks the icon while messages do not arrive (the
// receiving banner calls it on the UI goroutine).
func (t *systemTray) setNotReceiving(down bool) {
	if down == t.notReceiving {
		return
	}
	t.notReceiving = down
	t.desk.SetSystemTrayIcon(trayIcon(t.icon, t.unread, down))
}
