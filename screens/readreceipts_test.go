package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/screentest"
)

// aboutCheck opens About and returns its checkbox labelled text.
func aboutCheck(t *testing.T, w *screentest.World, text string) *widget.Check {
	t.Helper()
	test.Tap(screentest.Button(t, w.Window.Content(), "Parley 9.9.9"))
	for _, o := range test.LaidOutObjects(w.Window.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Check); ok && c.Text == text {
			return c
		}
	}
	t.Fatalf("About shows no %q", text)
	return nil
}

// Read receipts are on until the owner unticks them in About; the choice
// reaches the core (the data folder) and About shows it next time.
func TestReadReceiptsSettingInAbout(t *testing.T) {
	w := screentest.NewWorld(t)
	s := newShell(w.Window, Deps{Core: w.Core, Channels: w.Core, Version: "9.9.9", StartAtLogin: &fakeLogin{}}, uiPrefs{p: w.App.Preferences()}, screentest.RunNow)
	w.Window.SetContent(s.content)

	check := aboutCheck(t, w, textReadReceipts)
	if !check.Checked || check.Disabled() {
		t.Fatalf("read receipts: checked %v, disabled %v; want on and changeable", check.Checked, check.Disabled())
	}
	if aboutCheck(t, w, textStartAtLogin) == nil {
		t.Fatal("start at login is gone from About")
	}
	test.Tap(check)
	if on, err := w.Core.ReadReceipts(w.Ctx); err != nil || on {
		t.Fatalf("after unticking, the core says read receipts on = %v, %v", on, err)
	}
	test.Tap(check)
	if on, _ := w.Core.ReadReceipts(w.Ctx); !on {
		t.Fatal("ticking again did not turn read receipts back on")
	}
}
