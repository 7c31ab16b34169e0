package profile

import (
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

var bakery = app.Profile{
	About:       "Fresh bread every morning",
	Address:     "Hauptstraße 5, 10115 Berlin",
	Description: "Family bakery since 1920. Open Mon–Sat 7–18.",
	Email:       "hallo@baeckerei-mueller.de",
	Vertical:    "GROCERY",
	Websites:    []string{"https://baeckerei-mueller.de"},
}

func TestProfileSyncFillsTheFields(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)

	f := p.form
	got := []string{f.about.entry.Text, f.address.entry.Text, f.description.entry.Text, f.email.entry.Text, f.websites[0].entry.Text, f.vertical.Selected}
	want := []string{bakery.About, bakery.Address, bakery.Description, bakery.Email, bakery.Websites[0], "Food and Grocery"}
	if !slices.Equal(got, want) {
		t.Errorf("the fields show %q, want %q", got, want)
	}
	pageShows(t, p, "Last synced: "+profileWhen(cw.Clock.Now()), "25 / 139", "44 / 256", "Profile synced from WhatsApp")
	pageHides(t, p, "has not been synced")
	// The preview shows what customers will see.
	if !screentest.ShowsText(p.preview.content, bakery.About) || !screentest.ShowsText(p.preview.content, "Food and Grocery") {
		t.Errorf("the preview shows %q", screentest.VisibleTexts(p.preview.content))
	}
	// Once an industry is set, WhatsApp cannot clear it: no empty choice.
	if slices.Contains(f.vertical.Options, verticalNotChosen) || len(f.vertical.Options) != len(app.Verticals) {
		t.Errorf("industry choices = %q", f.vertical.Options)
	}
}

func TestProfileEditSaveReachesWhatsApp(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)

	retype(p.form.about.entry, "Fresh bread and cakes every morning")
	p.form.about.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // About is one paragraph
	retype(p.form.websites[1].entry, "https://instagram.com/baeckerei")
	p.form.vertical.SetSelected("Restaurant")
	pageShows(t, p, "You have changes that are not saved yet.")
	if !screentest.ShowsText(p.preview.content, "Fresh bread and cakes every morning") {
		t.Error("the preview does not follow the typing")
	}
	test.Tap(screentest.Button(t, p.content, "Save"))

	got := cw.Emu.Profile(screentest.WorldKey)
	if got.About != "Fresh bread and cakes every morning" || got.Vertical != "RESTAURANT" ||
		!slices.Equal(got.Websites, []string{"https://baeckerei-mueller.de", "https://instagram.com/baeckerei"}) {
		t.Fatalf("WhatsApp has %+v", got)
	}
	if got.Address != bakery.Address {
		t.Errorf("an untouched field changed on WhatsApp: %q", got.Address)
	}
	pageShows(t, p, "Your profile changes are live on WhatsApp")
	pageHides(t, p, "not saved yet", "Pending")
	// Typing again makes the good news stale.
	test.Type(p.form.address.entry, " (Hinterhof)")
	pageShows(t, p, "You have changes that are not saved yet.")
	pageHides(t, p, "live on WhatsApp")
}

func TestProfileOverLimitAboutIsExplainedAndNotSaved(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, bakery)

	retype(p.form.about.entry, overLimit(152))
	const msg = "About can be at most 139 characters (now 152)."
	pageShows(t, p, msg, "152 / 139")
	test.Tap(screentest.Button(t, p.content, "Save"))

	pageShows(t, p, msg, "Nothing was saved. Please correct what is marked in red.")
	if cw.Emu.Profile(screentest.WorldKey).About != bakery.About {
		t.Error("an over-long About reached WhatsApp")
	}
	if rec, _ := cw.Core.Profile(cw.Ctx, ch.ID); rec.Pending != nil {
		t.Error("an over-long About was stored")
	}
	if p.form.about.entry.Text != overLimit(152) {
		t.Error("the owner's text was changed")
	}
	// Shortening it clears the message at once.
	retype(p.form.about.entry, overLimit(139))
	pageHides(t, p, "About can be at most")
}

func TestProfileFormatProblemsShowOnceTheFieldIsLeft(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)

	retype(p.form.email.entry, "hallo@baecker")
	pageHides(t, p, "not a valid email address") // still typing
	p.form.email.entry.FocusLost()
	pageShows(t, p, "This is not a valid email address (for example hello@myshop.com).")
	test.Type(p.form.email.entry, "ei.de")
	pageHides(t, p, "not a valid email address")

	retype(p.form.websites[1].entry, "www.baeckerei.de")
	test.Tap(screentest.Button(t, p.content, "Save"))
	pageShows(t, p, "The address must start with http:// or https://.")
	if p.formScroll.Offset.Y == 0 {
		t.Error("Save did not bring the problem at the bottom of the form into view")
	}
	if len(cw.Emu.Profile(screentest.WorldKey).Websites) != 1 {
		t.Error("an invalid website reached WhatsApp")
	}
}

func TestProfileIndustryChoices(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, app.Profile{About: "Hello", Vertical: "NOT_A_BIZ"})
	// A reported-only industry is shown, but not offered.
	if p.form.vertical.Selected != "Not a business" || slices.Contains(p.form.vertical.Options, "Not a business") {
		t.Errorf("selected %q of %q", p.form.vertical.Selected, p.form.vertical.Options)
	}
	if p.form.vertical.Options[0] == verticalNotChosen {
		t.Error("the empty choice is offered although WhatsApp has an industry")
	}

	cw2 := newCoreWorld(t)
	p2, _ := syncedProfilePage(t, cw2, app.Profile{About: "Hello"})
	if p2.form.vertical.Options[0] != verticalNotChosen || len(p2.form.vertical.Options) != 18 {
		t.Errorf("a profile without industry offers %q", p2.form.vertical.Options)
	}
	p2.form.vertical.SetSelected("Education")
	test.Tap(screentest.Button(t, p2.content, "Save"))
	if cw2.Emu.Profile(screentest.WorldKey).Vertical != "EDU" {
		t.Errorf("WhatsApp has industry %q", cw2.Emu.Profile(screentest.WorldKey).Vertical)
	}
	if slices.Contains(p2.form.vertical.Options, verticalNotChosen) {
		t.Error("once set, the industry can still be cleared")
	}
}

func TestProfileSyncKeepsWhatTheOwnerIsTyping(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)

	retype(p.form.about.entry, "Typed but not saved")
	changed := bakery
	changed.Address = "Marktplatz 1, 10115 Berlin"
	cw.Emu.SetProfile(screentest.WorldKey, changed)
	test.Tap(screentest.Button(t, p.content, "Sync Profile"))

	if p.form.about.entry.Text != "Typed but not saved" {
		t.Errorf("Sync Profile overwrote the owner's typing with %q", p.form.about.entry.Text)
	}
	if p.form.address.entry.Text != changed.Address {
		t.Errorf("an untouched field was not refreshed: %q", p.form.address.entry.Text)
	}
	pageShows(t, p, "You have changes that are not saved yet.")
}
