package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// coreWorld is screentest's world with the whole shell in its window:
// the pages reach each other through the shell's navigation, as in the
// app.
type coreWorld struct {
	*screentest.World
	shell *shell
}

func newCoreWorld(t *testing.T) *coreWorld {
	t.Helper()
	w := screentest.NewWorld(t)
	s := newShell(w.Window, Deps{Core: w.Core, Channels: w.Core, Version: "9.9.9"}, uiPrefs{p: w.App.Preferences()}, screentest.RunNow)
	w.Window.SetContent(s.content)
	return &coreWorld{World: w, shell: s}
}

// newTestShell shows the shell in a test window of the default size.
func newTestShell(t *testing.T, store app.ChannelStore, demo bool) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(w, Deps{Channels: store, Version: "9.9.9", Demo: demo}, uiPrefs{p: a.Preferences()}, screentest.RunNow)
	w.SetContent(s.content)
	w.Resize(defaultWindowSize)
	return s, w
}

// syncedTemplatesWorld is a connected number with the bakery's templates,
// its Templates page opened from the Channels list and synced once.
func syncedTemplatesWorld(t *testing.T) (*coreWorld, fyne.CanvasObject) {
	t.Helper()
	cw := newCoreWorld(t)
	screentest.SeedTemplates(t, cw.Emu)
	cw.AddChannel(t)
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.Window.Content(), "Templates"))
	c := cw.Window.Content()
	test.Tap(screentest.Button(t, c, "Sync Templates"))
	return cw, c
}

// listsTemplate reports whether the Templates page in c lists a row
// reading row (name, language, status), as the owner reads it.
func listsTemplate(c fyne.CanvasObject, name, language, status string) bool {
	texts := screentest.VisibleTexts(c)
	for i := 0; i+2 < len(texts); i++ {
		if texts[i] == name && texts[i+1] == status && texts[i+2] == language {
			return true
		}
	}
	return false
}
