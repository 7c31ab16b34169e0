package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/screentest"
)

// Ctrl+F from another page shows the Space with the cursor in its search.
func TestCtrlFOpensTheSearch(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	cw.Receive(t, ch)
	if _, err := cw.Emu.Inbound(screentest.WorldKey, "491701234567", "Anna", "Hello"); err != nil {
		t.Fatal(err)
	}
	if err := cw.Emu.Flush(cw.Ctx); err != nil {
		t.Fatal(err)
	}
	cw.shell.show(pageChannels)
	cw.Window.Canvas().(fyne.Shortcutable).TypedShortcut(
		&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if cw.shell.current != pageSpace {
		t.Fatalf("Ctrl+F left the window on %q", cw.shell.current)
	}
	f := cw.Window.Canvas().Focused()
	if f == nil {
		t.Fatal("no field has the cursor after Ctrl+F")
	}
	test.Type(f, "zzz")
	if !screentest.ShowsText(cw.shell.content, "No messages or customers match “zzz”") {
		t.Errorf("typing after Ctrl+F did not search; the window shows %q", screentest.VisibleTexts(cw.shell.content))
	}
}
