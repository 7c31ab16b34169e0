package templates

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// seedTemplates puts screentest.BakeryTemplates on the emulator.
func seedTemplates(t *testing.T, cw *coreWorld) {
	t.Helper()
	screentest.SeedTemplates(t, cw.Emu)
}

// openTemplatesOf opens the Templates page of the first channel, as
// Templates on its row in the Channels list does.
func openTemplatesOf(t *testing.T, cw *coreWorld) fyne.CanvasObject {
	t.Helper()
	chs, err := cw.Core.Channels(cw.Ctx)
	if err != nil || len(chs) == 0 {
		t.Fatalf("no channel to open (%v)", err)
	}
	openTemplates(cw.env(), chs[0])
	c := cw.Window.Content()
	if !screentest.ShowsText(c, "Sync Templates") {
		t.Fatalf("Templates did not open; the window shows %q", screentest.VisibleTexts(c))
	}
	return c
}

// syncedTemplatesWorld is a connected number with screentest.BakeryTemplates, its
// Templates page open and synced once.
func syncedTemplatesWorld(t *testing.T) (*coreWorld, fyne.CanvasObject) {
	t.Helper()
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	cw.AddChannel(t)
	c := openTemplatesOf(t, cw)
	test.Tap(screentest.Button(t, c, "Sync Templates"))
	return cw, c
}

// findWidget returns the first visible widget of type T under o that
// matches, failing the test if there is none.
func findWidget[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, what string, match func(T) bool) T {
	t.Helper()
	var found T
	ok := false
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if w, is := o.(T); is && !ok && match(w) {
			found, ok = w, true
		}
	})
	if !ok {
		t.Fatalf("no visible %s; the screen shows %q", what, screentest.VisibleTexts(o))
	}
	return found
}

// searchEntry is the search box of the Templates page.
func searchEntry(t *testing.T, o fyne.CanvasObject) *widget.Entry {
	return findWidget(t, o, "search entry", func(e *widget.Entry) bool { return e.PlaceHolder == "Search name or text" })
}

// filterSelect is the filter whose "everything" choice is all.
func filterSelect(t *testing.T, o fyne.CanvasObject, all string) *widget.Select {
	return findWidget(t, o, all+" filter", func(s *widget.Select) bool { return s.PlaceHolder == all })
}

// listedTemplates is what the list shows, one "name language status"
// line per visible row.
func listedTemplates(o fyne.CanvasObject) []string {
	var out []string
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if r, ok := o.(*templateRow); ok {
			out = append(out, r.name.Text+" "+r.language.String()+" "+app.StatusLabel(r.badge.status))
		}
	})
	return out
}

// tapTemplate taps the list row of name in language.
func tapTemplate(t *testing.T, o fyne.CanvasObject, name, language string) {
	t.Helper()
	var target fyne.Tappable
	var walk func(o fyne.CanvasObject, tappable fyne.Tappable)
	walk = func(o fyne.CanvasObject, tappable fyne.Tappable) {
		if o == nil || !o.Visible() || target != nil {
			return
		}
		if tp, ok := o.(fyne.Tappable); ok {
			tappable = tp
		}
		if r, ok := o.(*templateRow); ok && r.name.Text == name && r.language.String() == app.LanguageLabel(language) {
			target = tappable
			return
		}
		switch v := o.(type) {
		case *fyne.Container:
			for _, c := range v.Objects {
				walk(c, tappable)
			}
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(v).Objects() {
				walk(c, tappable)
			}
		}
	}
	walk(o, nil)
	if target == nil {
		t.Fatalf("no row for %s (%s); the list shows %q", name, language, listedTemplates(o))
	}
	test.Tap(target)
}

// dialogButton taps the button labelled text in the top dialog.
func dialogButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is open")
	}
	return screentest.Button(t, top, text)
}
