package builder

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// TestBuilderDoesNotOfferAuthentication: the builder offers only the
// categories it can make. WhatsApp writes an Authentication template's
// text itself, so a form with a free body would only be rejected.
func TestBuilderDoesNotOfferAuthentication(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)

	for _, want := range []string{"Marketing", "Utility"} {
		if !screentest.ShowsText(b.content, want) {
			t.Errorf("the builder does not offer %q; it shows %q", want, screentest.VisibleTexts(b.content))
		}
	}
	if screentest.ShowsText(b.content, "Authentication") || b.basics.category.row(app.CategoryAuthentication) != nil {
		t.Error("the builder offers Authentication, which WhatsApp rejects with a free body")
	}
}

// TestBuilderAuthenticationDraftAsksForAnotherCategory: a draft saved
// as Authentication before opens with the reason at the category field,
// is not sent to WhatsApp, and is fine once Utility is chosen.
func TestBuilderAuthenticationDraftAsksForAnotherCategory(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	draft := app.Template{Name: "pickup_code", Language: "en_US", Category: app.CategoryAuthentication,
		Status: app.TemplateDraft, Body: "Your pickup code is {{1}}.", BodyExamples: []string{"4711"}}
	b := openBuilder(t, cw, ch, &draft)

	if !noteShows(b.basics.categoryNote, "Parley can't submit Authentication templates") ||
		!noteShows(b.basics.categoryNote, "Choose Marketing or Utility") {
		t.Fatalf("category note = %q (shown %v)", b.basics.categoryNote.label.Text, b.basics.categoryNote.visible())
	}
	test.Tap(b.submit)
	if !cw.shown(b) || len(cw.Emu.Templates(screentest.WorldKey)) != 0 {
		t.Fatal("an Authentication template with a free body was submitted")
	}

	test.Tap(b.basics.category.row(app.CategoryUtility))
	if b.basics.categoryNote.visible() {
		t.Fatalf("category note still shown after choosing Utility: %q", b.basics.categoryNote.label.Text)
	}
	if got := b.template().Category; got != app.CategoryUtility {
		t.Fatalf("category = %q", got)
	}
}
