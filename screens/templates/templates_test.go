package templates

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

func TestTemplatesBeforeFirstSyncSaysSo(t *testing.T) {
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	cw.AddChannel(t)
	c := openTemplatesOf(t, cw)
	for _, want := range []string{"Templates", "Shop", "+49 30 123456", "Never synced — press Sync Templates", "No templates yet", "Submit Template"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("the unsynced Templates page does not show %q; it shows %q", want, screentest.VisibleTexts(c))
		}
	}
	if got := listedTemplates(c); len(got) != 0 {
		t.Errorf("templates listed before any sync: %q", got)
	}
}

func TestTemplatesSyncListsStatusesAndRejectionReason(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	got := listedTemplates(c)
	for _, tpl := range screentest.BakeryTemplates {
		want := tpl.Name + " " + app.LanguageLabel(tpl.Language) + " " + app.StatusLabel(tpl.Status)
		if !slices.Contains(got, want) {
			t.Errorf("the list lacks %q; it shows %q", want, got)
		}
	}
	wantSynced := "Last synced: " + templateTime(cw.Clock.Now())
	for _, want := range []string{wantSynced, "5 templates", "Utility", "Marketing", "Authentication", "English (US) · en_US", "German · de",
		"Why: The template is not formatted correctly"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("after a sync the page does not show %q; it shows %q", want, screentest.VisibleTexts(c))
		}
	}
	if screentest.ShowsText(c, "INVALID_FORMAT") {
		t.Error("the rejection reason is shown as WhatsApp's code, not in plain words")
	}
}

func TestTemplatesShowLocalCopyOffline(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	wantSynced := "Last synced: " + templateTime(cw.Clock.Now())
	test.Tap(screentest.Button(t, c, "Channels"))
	cw.Emu.SetOffline(true)
	cw.Clock.Advance(3 * time.Hour)

	c = openTemplatesOf(t, cw)
	if got := listedTemplates(c); len(got) != len(screentest.BakeryTemplates) {
		t.Fatalf("offline the page lists %q, want all %d saved templates", got, len(screentest.BakeryTemplates))
	}
	if !screentest.ShowsText(c, wantSynced) {
		t.Errorf("offline the page does not show %q; it shows %q", wantSynced, screentest.VisibleTexts(c))
	}
}

func TestTemplatesSearchNarrowsAsTyped(t *testing.T) {
	_, c := syncedTemplatesWorld(t)
	search := searchEntry(t, c)

	test.Type(search, "ord")
	if got := listedTemplates(c); len(got) != 2 || !strings.HasPrefix(got[0], "order_shipped") || !strings.HasPrefix(got[1], "order_shipped") {
		t.Errorf("searching %q lists %q, want both languages of order_shipped", search.Text, got)
	}
	if !screentest.ShowsText(c, "2 of 5 templates") {
		t.Errorf("the count does not say 2 of 5; the page shows %q", screentest.VisibleTexts(c))
	}

	search.SetText("")
	test.Type(search, "torten")
	if got := listedTemplates(c); len(got) != 1 || !strings.HasPrefix(got[0], "winter_sale") {
		t.Errorf("searching the body text %q lists %q, want winter_sale", search.Text, got)
	}

	test.Type(search, "x")
	if got := listedTemplates(c); len(got) != 0 {
		t.Errorf("searching %q lists %q, want nothing", search.Text, got)
	}
	if !screentest.ShowsText(c, "No matching templates") || !screentest.ShowsText(c, "0 of 5 templates") {
		t.Errorf("an empty search result is not explained; the page shows %q", screentest.VisibleTexts(c))
	}
	test.Tap(screentest.Button(t, c, "Clear search and filters"))
	if got := listedTemplates(c); len(got) != 5 || search.Text != "" {
		t.Errorf("after Clear the list shows %q and the search %q, want all 5 and an empty search", got, search.Text)
	}
}

func TestTemplatesFiltersCombine(t *testing.T) {
	_, c := syncedTemplatesWorld(t)
	status := filterSelect(t, c, allStatuses)
	category := filterSelect(t, c, allCategories)
	language := filterSelect(t, c, allLanguages)

	wantLangs := []string{allLanguages, "English (US) · en_US", "German · de"}
	if !slices.Equal(language.Options, wantLangs) {
		t.Errorf("language choices = %q, want the languages present: %q", language.Options, wantLangs)
	}

	status.SetSelected("Approved")
	if got := listedTemplates(c); len(got) != 3 || !screentest.ShowsText(c, "3 of 5 templates") {
		t.Errorf("Approved lists %q", got)
	}
	category.SetSelected("Utility")
	if got := listedTemplates(c); len(got) != 2 {
		t.Errorf("Approved + Utility lists %q, want order_shipped in both languages", got)
	}
	language.SetSelected("German · de")
	want := []string{"order_shipped German · de Approved"}
	if got := listedTemplates(c); !slices.Equal(got, want) || !screentest.ShowsText(c, "1 of 5 templates") {
		t.Errorf("Approved + Utility + German lists %q, want %q", got, want)
	}
	test.Type(searchEntry(t, c), "unterwegs")
	if got := listedTemplates(c); !slices.Equal(got, want) {
		t.Errorf("adding a search for a word of its text lists %q, want %q", got, want)
	}

	status.SetSelected("Rejected")
	if got := listedTemplates(c); len(got) != 0 {
		t.Errorf("Rejected + Utility + German lists %q, want nothing", got)
	}
	status.SetSelected(allStatuses)
	category.SetSelected(allCategories)
	language.SetSelected(allLanguages)
	searchEntry(t, c).SetText("")
	status.SetSelected("Submitted")
	if got := listedTemplates(c); !slices.Equal(got, []string{"winter_sale German · de Submitted"}) {
		t.Errorf("Submitted lists %q, want winter_sale", got)
	}
}

func TestTemplatesSelectedShowsPreviewAndDetails(t *testing.T) {
	_, c := syncedTemplatesWorld(t)
	if !screentest.ShowsText(c, "Select a template") {
		t.Errorf("with nothing selected the right pane does not ask to pick one; it shows %q", screentest.VisibleTexts(c))
	}

	tapTemplate(t, c, "bad_promo", "en_US")
	preview := findWidget(t, c, "template preview", func(*widgets.TemplatePreview) bool { return true })
	if got := preview.Template(); got.Name != "bad_promo" || got.Body != "{{1}}{{2}} buy now" {
		t.Errorf("the preview shows %q (%q), want bad_promo", got.Name, got.Body)
	}
	for _, want := range []string{"Category", "Marketing", "Rejected. It cannot be sent", "Why WhatsApp rejected it",
		"The template is not formatted correctly", "Last modified", "Duplicate", "Delete"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("the selected rejected template does not show %q; the page shows %q", want, screentest.VisibleTexts(c))
		}
	}

	tapTemplate(t, c, "winter_sale", "de")
	if got := preview.Template().Name; got != "winter_sale" {
		t.Errorf("the preview shows %q after selecting winter_sale", got)
	}
	if !screentest.ShowsText(c, "Submitted (pending review)") || screentest.ShowsText(c, "Why WhatsApp rejected it") {
		t.Errorf("the submitted template's details are wrong; the page shows %q", screentest.VisibleTexts(c))
	}

	// The selection survives a search that still matches it.
	test.Type(searchEntry(t, c), "winter")
	if got := preview.Template().Name; got != "winter_sale" || !preview.Visible() {
		t.Errorf("a search that keeps winter_sale lost the preview (%q)", got)
	}
}

func TestTemplatesSubmitAsksForTheBuilder(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	test.Tap(screentest.Button(t, c, "Submit Template"))
	if n := len(cw.Nav.Pushed); n != 1 || cw.Nav.Pushed[0].Page != kit.PageBuilder || cw.Nav.Pushed[0].Template != nil {
		t.Errorf("Submit Template asked for %+v, want the builder for a new template", cw.Nav.Pushed)
	}
}

func TestTemplatesDeleteRemovesAllLanguages(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	tapTemplate(t, c, "order_shipped", "de")
	test.Tap(screentest.Button(t, c, "Delete"))
	top := cw.Window.Canvas().Overlays().Top()
	for _, want := range []string{"order_shipped", "English (US), German", "about 4 weeks"} {
		if !screentest.ShowsText(top, want) {
			t.Errorf("the delete question does not mention %q; it says %q", want, screentest.VisibleTexts(top))
		}
	}
	test.Tap(dialogButton(t, cw.Window, "Keep it"))
	if got := listedTemplates(c); len(got) != 5 {
		t.Fatalf("Keep it changed the list: %q", got)
	}

	test.Tap(screentest.Button(t, c, "Delete"))
	test.Tap(dialogButton(t, cw.Window, "Delete"))
	for _, row := range listedTemplates(c) {
		if strings.HasPrefix(row, "order_shipped") {
			t.Errorf("order_shipped is still listed after Delete: %q", listedTemplates(c))
		}
	}
	if !screentest.ShowsText(c, "3 templates") || !screentest.ShowsText(c, `Deleted the template "order_shipped".`) {
		t.Errorf("after Delete the page shows %q", screentest.VisibleTexts(c))
	}
	for _, tpl := range cw.Emu.Templates(screentest.WorldKey) {
		if tpl.Name == "order_shipped" {
			t.Errorf("order_shipped (%s) is still on WhatsApp", tpl.Language)
		}
	}
}

func TestTemplatesDeleteOfflineSaysWhy(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	tapTemplate(t, c, "login_code", "en_US")
	cw.Emu.SetOffline(true)
	test.Tap(screentest.Button(t, c, "Delete"))
	test.Tap(dialogButton(t, cw.Window, "Delete"))
	if !screentest.ShowsText(c, `Parley could not delete "login_code". Parley could not reach 360dialog.`) {
		t.Errorf("a failed delete is not explained; the page shows %q", screentest.VisibleTexts(c))
	}
	if got := listedTemplates(c); len(got) != 5 {
		t.Errorf("a failed delete changed the list: %q", got)
	}
}
