package screens

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/screens/screentest"
)

// closingWindow is a test window that records what closing it does: the
// test driver never calls a close intercept, the desktop driver does.
type closingWindow struct {
	fyne.Window
	intercept func()
	hidden    bool
	closed    bool
}

func (w *closingWindow) SetCloseIntercept(f func()) { w.intercept = f }
func (w *closingWindow) Hide()                      { w.hidden = true; w.Window.Hide() }
func (w *closingWindow) Show()                      { w.hidden = false; w.Window.Show() }

// Close only records: the test closes the real window when it ends.
func (w *closingWindow) Close() { w.closed = true }

// closeByOwner is the window's close button, as Fyne's desktop driver
// handles it: the intercept if there is one, else Close (which quits
// Parley, the window being the master).
func (w *closingWindow) closeByOwner() {
	if w.intercept != nil {
		w.intercept()
		return
	}
	w.Close()
}

// The demo workspace receives nothing real: without a tray, closing its
// window still quits it, and says nothing.
func TestDemoWithoutATrayQuitsOnClose(t *testing.T) {
	cw := newCoreWorld(t)
	desk := &fakeDesktop{App: cw.App}
	w := &closingWindow{Window: cw.Window}
	installTrayOrBackground(desk, w, Deps{Core: cw.Core, Icon: plainIcon(t), Demo: true}, uiPrefs{p: desk.Preferences()}, screentest.RunNow, func() bool { return false })
	w.closeByOwner()
	if !w.closed || w.hidden || len(desk.told) != 0 {
		t.Errorf("closing the demo without a tray: closed %v, hidden %v, %d notifications", w.closed, w.hidden, len(desk.told))
	}
}

// With a tray, closing hides the window there and tells the tray's own
// notice, not the one for desktops without a tray.
func TestClosingWithATrayHidesToTheTray(t *testing.T) {
	cw := newCoreWorld(t)
	desk := &fakeDesktop{App: cw.App}
	w := &closingWindow{Window: cw.Window}
	prefs := uiPrefs{p: desk.Preferences()}
	if installTrayOrBackground(desk, w, Deps{Core: cw.Core, Icon: plainIcon(t)}, prefs, screentest.RunNow, func() bool { return true }) == nil {
		t.Fatal("no tray on a desktop with a tray host")
	}
	w.closeByOwner()
	if w.closed || !w.hidden || desk.quits != 0 {
		t.Fatalf("closing with a tray: closed %v, hidden %v, quit %d times", w.closed, w.hidden, desk.quits)
	}
	if len(desk.told) != 1 || desk.told[0].Content != textStillRunning2 {
		t.Errorf("closing with a tray told %v, want the tray's notice", desk.told)
	}
}
