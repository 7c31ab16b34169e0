package screens

import (
	"errors"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/screentest"
)

func TestWindowSizeIsRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	p := uiPrefs{p: a.Preferences()}
	if got := p.windowSize(); got != defaultWindowSize {
		t.Fatalf("first start size = %v, want %v", got, defaultWindowSize)
	}
	p.setWindowSize(fyne.NewSize(1300, 800))
	if got := p.windowSize(); got != fyne.NewSize(1300, 800) {
		t.Errorf("remembered size = %v, want 1300×800", got)
	}
	p.setWindowSize(fyne.NewSize(20, 20)) // a window in the middle of being built
	if got := p.windowSize(); got != fyne.NewSize(1300, 800) {
		t.Errorf("a tiny size replaced the remembered one: %v", got)
	}
}

func TestMainWindowRemembersResize(t *testing.T) {
	a := test.NewTempApp(t)
	w, _ := newMainWindow(a, Deps{Channels: &screentest.FakeChannels{}, Version: "1.0"}, screentest.RunNow)
	defer w.Close()
	if w.Title() != "Parley" {
		t.Errorf("title = %q, want Parley", w.Title())
	}
	w.Resize(fyne.NewSize(900, 600))
	if got := (uiPrefs{p: a.Preferences()}).windowSize(); got != fyne.NewSize(900, 600) {
		t.Errorf("after a resize the remembered size is %v, want 900×600", got)
	}
	if !screentest.ShowsText(w.Content(), "No messages yet") {
		t.Errorf("the main window does not show the Space; it shows %q", screentest.VisibleTexts(w.Content()))
	}
}

func TestDemoWindowTitle(t *testing.T) {
	a := test.NewTempApp(t)
	w, _ := newMainWindow(a, Deps{Channels: &screentest.FakeChannels{}, Demo: true}, screentest.RunNow)
	defer w.Close()
	if w.Title() != "Parley (demo)" {
		t.Errorf("demo title = %q", w.Title())
	}
}

func TestStartupErrorWindowExplains(t *testing.T) {
	a := test.NewTempApp(t)
	w := NewStartupErrorWindow(a, "This data belongs to a newer Parley", "Install the latest version.", errors.New("schema version 9 is newer than 3"))
	defer w.Close()
	for _, want := range []string{"This data belongs to a newer Parley", "Install the latest version.", "schema version 9", "Quit"} {
		if !screentest.ShowsText(w.Content(), want) {
			t.Errorf("the error window does not show %q; it shows %q", want, screentest.VisibleTexts(w.Content()))
		}
	}
}
