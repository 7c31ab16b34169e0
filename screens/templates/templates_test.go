package screens

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/widgets"
)

func TestTemplatesBeforeFirstSyncSaysSo(t *testing.T) {
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	cw.addChannel(t)
	c := openTemplatesOf(t, cw)
	for _, want := range []string{"Templates", "Shop", "+49 30 123456", "Never synced — press Sync Templates", "No templates yet", "Submit Template"} {
		if !showsText(c, want) {
			t.Errorf("the unsynced Templates page does not show %q; it shows %q", want, visibleTexts(c))
		}
	}
	if got := listedTemplates(c); len(got) != 0 {
		t.Errorf("templates listed before any sync: %q", got)
	}
}

func TestTemplatesSyncListsStatusesAndRejectionReason(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	got := listedTemplates(c)
	for _, tpl := range bakeryTemplates {
		want := tpl.Name + " " + app.LanguageLabel(tpl.Language) + " " + app.StatusLabel(tpl.Status)
		if !slices.Contains(got, want) {
			t.Errorf("the list lacks %q; it shows %q", want, got)
		}
	}
	wantSynced := "Last synced: " + templateTime(cw.clock.Now())
	for _, want := range []string{wantSynced, "5 templates", "Utility", "Marketing", "Authentication", "English (US) · en_US", "German · de",
		"Why: The template is not formatted correctly"} {
		if !showsText(c, want) {
			t.Errorf("after a sync the page does not show %q; it shows %q", want, visibleTexts(c))
		}
	}
	if showsText(c, "INVALID_FORMAT") {
		t.Error("the rejection reason is shown as WhatsApp's code, not in plain words")
	}
}

func TestTemplatesShowLocalCopyOffline(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	wantSynced := "Last synced: " + templateTime(cw.clock.Now())
	test.Tap(button(t, c, "Channels"))
	cw.emu.SetOffline(true)
	cw.clock.Advance(3 * time.Hour)

	c = openTemplatesOf(t, cw)
	if got := listedTemplates(c); len(got) != len(bakeryTemplates) {
		t.Fatalf("offline the page lists %q, want all %d saved templates", got, len(bakeryTemplates))
	}
	if !showsText(c, wantSynced) {
		t.Errorf("offline the page does not show %q; it shows %q", wantSynced, visibleTexts(c))
	}
}

func TestTemplatesSearchNarrowsAsTyped(t *testing.T) {
	_, c := syncedTemplatesWorld(t)
	search := searchEntry(t, c)

	test.Type(search, "ord")
	if got := listedTemplates(c); len(got) != 2 || !strings.HasPrefix(got[0], "order_shipped") || !strings.HasPrefix(got[1], "order_shipped") {
		t.Errorf("searching %q lists %q, want both languages of order_shipped", search.Text, got)
	}
	if !showsText(c, "2 of 5 templates") {
		t.Errorf("the count does not say 2 of 5; the page shows %q", visibleTexts(c))
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
	if !showsText(c, "No matching templates") || !showsText(c, "0 of 5 templates") {
		t.Errorf("an empty search result is not explained; the page shows %q", visibleTexts(c))
	}
	test.Tap(button(t, c, "Clear search and filters"))
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
	if got := listedTemplates(c); len(got) != 3 || !showsText(c, "3 of 5 templates") {
		t.Errorf("Approved lists %q", got)
	}
	category.SetSelected("Utility")
	if got := listedTemplates(c); len(got) != 2 {
		t.Errorf("Approved + Utility lists %q, want order_shipped in both languages", got)
	}
	language.SetSelected("German · de")
	want := []string{"order_shipped German · de Approved"}
	if got := listedTemplates(c); !slices.Equal(got, want) || !showsText(c, "1 of 5 templates") {
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
	if !showsText(c, "Select a template") {
		t.Errorf("with nothing selected the right pane does not ask to pick one; it shows %q", visibleTexts(c))
	}

	tapTemplate(t, c, "bad_promo", "en_US")
	preview := findWidget(t, c, "template preview", func(*widgets.TemplatePreview) bool { return true })
	if got := preview.Template(); got.Name != "bad_promo" || got.Body != "{{1}}{{2}} buy now" {
		t.Errorf("the preview shows %q (%q), want bad_promo", got.Name, got.Body)
	}
	for _, want := range []string{"Category", "Marketing", "Rejected. It cannot be sent", "Why WhatsApp rejected it",
		"The template is not formatted correctly", "Last modified", "Duplicate", "Delete"} {
		if !showsText(c, want) {
			t.Errorf("the selected rejected template does not show %q; the page shows %q", want, visibleTexts(c))
		}
	}

	tapTemplate(t, c, "winter_sale", "de")
	if got := preview.Template().Name; got != "winter_sale" {
		t.Errorf("the preview shows %q after selecting winter_sale", got)
	}
	if !showsText(c, "Submitted (pending review)") || showsText(c, "Why WhatsApp rejected it") {
		t.Errorf("the submitted template's details are wrong; the page shows %q", visibleTexts(c))
	}

	// The selection survives a search that still matches it.
	test.Type(searchEntry(t, c), "winter")
	if got := preview.Template().Name; got != "winter_sale" || !preview.Visible() {
		t.Errorf("a search that keeps winter_sale lost the preview (%q)", got)
	}
}

func TestTemplatesSubmitOpensBuilder(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	test.Tap(button(t, c, "Submit Template"))
	if cw.window.Canvas().Overlays().Top() == nil && showsText(cw.window.Content(), "Sync Templates") {
		t.Errorf("Submit Template does not lead to the builder; the window shows %q", visibleTexts(cw.window.Content()))
	}
}

func TestTemplatesDeleteRemovesAllLanguages(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	tapTemplate(t, c, "order_shipped", "de")
	test.Tap(button(t, c, "Delete"))
	top := cw.window.Canvas().Overlays().Top()
	for _, want := range []string{"order_shipped", "English (US), German", "about 4 weeks"} {
		if !showsText(top, want) {
			t.Errorf("the delete question does not mention %q; it says %q", want, visibleTexts(top))
		}
	}
	test.Tap(dialogButton(t, cw.window, "Keep it"))
	if got := listedTemplates(c); len(got) != 5 {
		t.Fatalf("Keep it changed the list: %q", got)
	}

	test.Tap(button(t, c, "Delete"))
	test.Tap(dialogButton(t, cw.window, "Delete"))
	for _, row := range listedTemplates(c) {
		if strings.HasPrefix(row, "order_shipped") {
			t.Errorf("order_shipped is still listed after Delete: %q", listedTemplates(c))
		}
	}
	if !showsText(c, "3 templates") || !showsText(c, `Deleted the template "order_shipped".`) {
		t.Errorf("after Delete the page shows %q", visibleTexts(c))
	}
	for _, tpl := range cw.emu.Templates(worldKey) {
		if tpl.Name == "order_shipped" {
			t.Errorf("order_shipped (%s) is still on WhatsApp", tpl.Language)
		}
	}
}

func TestTemplatesDeleteOfflineSaysWhy(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	tapTemplate(t, c, "login_code", "en_US")
	cw.emu.SetOffline(true)
	test.Tap(button(t, c, "Delete"))
	test.Tap(dialogButton(t, cw.window, "Delete"))
	if !showsText(c, `Parley could not delete "login_code". Parley could not reach 360dialog.`) {
		t.Errorf("a failed delete is not explained; the page shows %q", visibleTexts(c))
	}
	if got := listedTemplates(c); len(got) != 5 {
		t.Errorf("a failed delete changed the list: %q", got)
	}
}
