package screens

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// bakeryTemplates are the templates of the test number on WhatsApp:
// approved, submitted and rejected ones, one name in two languages.
var bakeryTemplates = []app.Template{
	{Name: "order_shipped", Language: "en_US", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Hi {{1}}, your order {{2}} is on its way.", BodyExamples: []string{"Anna", "A-1043"}},
	{Name: "order_shipped", Language: "de", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Hallo {{1}}, deine Bestellung {{2}} ist unterwegs.", BodyExamples: []string{"Anna", "A-1043"}},
	{Name: "winter_sale", Language: "de", Category: app.CategoryMarketing, Status: app.TemplateSubmitted,
		Body: "Unser Winterverkauf beginnt morgen: 20 % auf alle Torten!", Footer: "Bäckerei Müller"},
	{Name: "bad_promo", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateRejected,
		RejectedReason: "INVALID_FORMAT", Body: "{{1}}{{2}} buy now", BodyExamples: []string{"a", "b"}},
	{Name: "login_code", Language: "en_US", Category: app.CategoryAuthentication, Status: app.TemplateApproved,
		Body: "{{1}} is your verification code.", BodyExamples: []string{"123456"}},
}

// reviewDelay is how long the emulator's reviewer takes in these tests.
const reviewDelay = 24 * time.Hour

// seedTemplates puts bakeryTemplates on the emulator.
func seedTemplates(t *testing.T, cw *coreWorld) {
	t.Helper()
	cw.emu.SetReviewDelay(reviewDelay)
	for _, tpl := range bakeryTemplates {
		if err := cw.emu.AddTemplate(worldKey, tpl); err != nil {
			t.Fatal(err)
		}
	}
}

// openTemplatesOf opens Channel → Templates the way the owner does.
func openTemplatesOf(t *testing.T, cw *coreWorld) fyne.CanvasObject {
	t.Helper()
	cw.shell.show(pageChannels)
	test.Tap(button(t, cw.window.Content(), "Templates"))
	c := cw.window.Content()
	if !showsText(c, "Sync Templates") {
		t.Fatalf("Templates did not open; the window shows %q", visibleTexts(c))
	}
	return c
}

// syncedTemplatesWorld is a connected number with bakeryTemplates, its
// Templates page open and synced once.
func syncedTemplatesWorld(t *testing.T) (*coreWorld, fyne.CanvasObject) {
	t.Helper()
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	cw.addChannel(t)
	c := openTemplatesOf(t, cw)
	test.Tap(button(t, c, "Sync Templates"))
	return cw, c
}

// findWidget returns the first visible widget of type T under o that
// matches, failing the test if there is none.
func findWidget[T fyne.CanvasObject](t *testing.T, o fyne.CanvasObject, what string, match func(T) bool) T {
	t.Helper()
	var found T
	ok := false
	walkVisible(o, func(o fyne.CanvasObject) {
		if w, is := o.(T); is && !ok && match(w) {
			found, ok = w, true
		}
	})
	if !ok {
		t.Fatalf("no visible %s; the screen shows %q", what, visibleTexts(o))
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
	walkVisible(o, func(o fyne.CanvasObject) {
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
	return button(t, top, text)
}
