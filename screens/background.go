package screens

import (
	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/screens/kit"
)

// prefToldAboutBackground remembers that the owner was told, the first
// time they closed the window on a desktop without a tray, that Parley
// keeps receiving in the background.
const prefToldAboutBackground = "toldAboutBackground"

// Texts of the notice when the window closes without a tray.
const (
	textStillReceiving = "Parley keeps receiving your customers' messages in the background. " +
		"To open it again, choose Parley in your apps menu or start Parley again. " +
		"To quit, click “Parley” at the bottom left of its window and choose Quit Parley."
)

// installTrayOrBackground decides what closing the main window does, so
// that it never silently stops receiving: with a tray the window hides
// there (installTray); on a desktop without one (GNOME without the
// AppIndicator extension) it hides too and Parley keeps receiving in the
// background, found again from the apps menu or by starting Parley again
// (the single-instance guard shows the window). The demo workspace
// receives nothing real, so without a tray closing it still quits. It
// returns the tray, or nil.
func installTrayOrBackground(a fyne.App, w fyne.Window, d Deps, prefs uiPrefs, run kit.Runner, hostAvailable func() bool) *systemTray {
	if t := installTray(a, w, d, prefs, run, hostAvailable); t != nil {
		return t
	}
	if d.Core != nil && !d.Demo {
		w.SetCloseIntercept(func() {
			hideTellingOnce(w, prefs, prefToldAboutBackground, a.SendNotification,
				fyne.NewNotification(textStillRunning, textStillReceiving))
		})
	}
	return nil
}

// hideTellingOnce hides w instead of closing it; the first time ever
// (remembered under key) it posts n to tell the owner where Parley went.
// A notification blocks nothing: the owner who misses it finds the
// window again by starting Parley.
func hideTellingOnce(w fyne.Window, prefs uiPrefs, key string, notify func(*fyne.Notification), n *fyne.Notification) {
	w.Hide()
	if prefs.p.BoolWithFallback(key, false) {
		return
	}
	prefs.p.SetBool(key, true)
	notify(n)
}
