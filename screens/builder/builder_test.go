package builder

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// TestBuilderFullTemplateIsSubmittedThenApproved builds a template with
// every part as an owner would, watching the preview follow, submits it
// to the emulator and sees it Submitted, then Approved after review.
func TestBuilderFullTemplateIsSubmittedThenApproved(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	cw.Emu.SetReviewDelay(10 * time.Minute)
	b := openBuilder(t, cw, ch, nil)
	if !screentest.ShowsText(b.content, "Submit Template") || !screentest.ShowsText(b.content, "WhatsApp's template guidelines") {
		t.Fatalf("builder page shows %q", screentest.VisibleTexts(b.content))
	}

	fillBasics(b, "order_ready")
	if got := b.basics.language.entry.Text; got != "English (US) · en_US" {
		t.Fatalf("language entry = %q after picking", got)
	}

	// Header: text with a parameter, whose sample row appears.
	test.Tap(b.header.format.button("Text"))
	test.Type(b.header.text, "Order {{1}}")
	if !screentest.ShowsText(b.params.content, "{{1}} in the header") {
		t.Fatalf("no sample row for the header parameter: %q", screentest.VisibleTexts(b.params.content))
	}
	test.Type(b.params.row(paramHeader).sample, "#1043")
	if !screentest.ShowsText(b.preview, "Order #1043") {
		t.Fatalf("preview header = %q", screentest.VisibleTexts(b.preview))
	}

	// Body: formatting from the toolbar and two parameters.
	test.Type(b.body.entry, "Fresh bread")
	b.body.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Tap(b.body.bold)
	test.Type(b.body.entry, " is waiting, ")
	test.Tap(b.body.param)
	test.Type(b.body.entry, "! Your order ")
	test.Tap(b.body.param)
	test.Type(b.body.entry, " is ready for pickup.")
	const body = "*Fresh bread* is waiting, {{1}}! Your order {{2}} is ready for pickup."
	if got := b.body.entry.Text; got != body {
		t.Fatalf("body = %q, want %q", got, body)
	}
	if got := b.preview.Template().Body; got != body {
		t.Fatalf("preview body = %q", got)
	}
	if !screentest.ShowsText(b.params.content, "{{1}} in the message") || !screentest.ShowsText(b.params.content, "{{2}} in the message") {
		t.Fatalf("sample rows: %q", screentest.VisibleTexts(b.params.content))
	}
	test.Type(b.params.row(bodyParamKey(1)).sample, "Anna")
	test.Type(b.params.row(bodyParamKey(2)).sample, "#1043")
	b.params.row(bodyParamKey(1)).source.SetSelected("Contact's name")
	if !screentest.ShowsText(b.preview, "Anna") || screentest.ShowsText(b.preview, "{{1}}") {
		t.Fatalf("preview does not show the sample: %q", screentest.VisibleTexts(b.preview))
	}

	test.Type(b.footer.entry, "Bäckerei Müller")

	// Buttons: a website with a parameter and a phone number.
	test.Tap(b.buttons.kind.button(buttonsCTA))
	test.Tap(b.buttons.website.use)
	test.Type(b.buttons.website.target, "https://shop.example/orders/{{1}}")
	if !screentest.ShowsText(b.params.content, "{{1}} at the end of the web address") {
		t.Fatalf("no sample row for the web address: %q", screentest.VisibleTexts(b.params.content))
	}
	test.Type(b.params.row(paramURL).sample, "1043")
	test.Tap(b.buttons.phone.use)
	test.Type(b.buttons.phone.target, "+4930123456")

	shown := b.preview.Template()
	if shown.Footer != "Bäckerei Müller" || len(shown.Buttons) != 2 || shown.Buttons[0].Example != "1043" {
		t.Fatalf("preview template = %+v", shown)
	}
	for _, want := range []string{"Bäckerei Müller", defaultWebsiteText, defaultPhoneText} {
		if !screentest.ShowsText(b.preview, want) {
			t.Fatalf("preview lacks %q: %q", want, screentest.VisibleTexts(b.preview))
		}
	}
	if errs := b.problems(shown); len(errs) > 0 {
		t.Fatalf("complete template has problems: %v", errs)
	}

	test.Tap(b.submit)
	if cw.shown(b) {
		t.Fatalf("builder still shown after submitting; banner: %q", b.banner.message())
	}
	list, err := cw.Core.Templates(cw.Ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateSubmitted {
		t.Fatalf("local templates after submit: %+v", list.Templates)
	}
	local := list.Templates[0]
	if len(local.Variables) != 1 || local.Variables[0].Source != app.VarContactName {
		t.Fatalf("dynamic variables not kept: %+v", local.Variables)
	}
	remote := cw.Emu.Templates(screentest.WorldKey)
	if len(remote) != 1 || remote[0].Name != "order_ready" || remote[0].Header.Text != "Order {{1}}" ||
		remote[0].Body != body || len(remote[0].Buttons) != 2 {
		t.Fatalf("on WhatsApp: %+v", remote)
	}

	cw.Clock.Advance(time.Hour)
	cw.Emu.Tick()
	if _, err := cw.Core.SyncTemplates(cw.Ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, _ = cw.Core.Templates(cw.Ctx, ch.ID)
	if list.Templates[0].Status != app.TemplateApproved {
		t.Fatalf("after review: %s", list.Templates[0].Status)
	}
}

// TestBuilderOfflineSubmitKeepsADraft submits without a network: the
// template is kept as a draft and the owner stays on the form.
func TestBuilderOfflineSubmitKeepsADraft(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	fillMinimal(b, "pickup_ready")
	cw.Emu.SetOffline(true)

	test.Tap(b.submit)
	if !cw.shown(b) {
		t.Fatal("builder left although the template was not submitted")
	}
	if msg := b.banner.message(); !strings.Contains(msg, "saved as a draft") {
		t.Fatalf("banner = %q", msg)
	}
	list, _ := cw.Core.Templates(cw.Ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateDraft || list.Templates[0].Name != "pickup_ready" {
		t.Fatalf("stored: %+v", list.Templates)
	}
	if b.dirty() {
		t.Fatal("the stored draft still counts as unsaved")
	}
	if !b.remove.Visible() {
		t.Fatal("no Delete draft for the stored draft")
	}
	if got := b.body.entry.Text; got != "Your bread is ready for pickup." {
		t.Fatalf("form lost the body: %q", got)
	}

	// Online again, the same form submits it.
	cw.Emu.SetOffline(false)
	test.Tap(b.submit)
	if cw.shown(b) {
		t.Fatalf("not submitted once online: %q", b.banner.message())
	}
	list, _ = cw.Core.Templates(cw.Ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateSubmitted {
		t.Fatalf("after submitting the draft: %+v", list.Templates)
	}
}

// TestBuilderRejectionShowsTheReasonAndKeepsTheForm submits a name
// WhatsApp already has (this laptop never synced it).
func TestBuilderRejectionShowsTheReasonAndKeepsTheForm(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	if err := cw.Emu.AddTemplate(screentest.WorldKey, app.Template{Name: "pickup_ready", Language: "en_US", Category: app.CategoryUtility, Body: "Hi"}); err != nil {
		t.Fatal(err)
	}
	b := openBuilder(t, cw, ch, nil)
	fillMinimal(b, "pickup_ready")

	test.Tap(b.submit)
	if !cw.shown(b) {
		t.Fatal("builder left after a rejection")
	}
	if msg := b.banner.message(); !strings.Contains(msg, "WhatsApp did not accept the template") {
		t.Fatalf("banner = %q", msg)
	}
	if b.basics.name.Text != "pickup_ready" || b.body.entry.Text != "Your bread is ready for pickup." || b.basics.language.code != "en_US" {
		t.Fatal("the form was not kept filled")
	}
	if !b.banner.content.Visible() {
		t.Fatal("the reason is not shown above the form")
	}
}

// TestBuilderWarnsWhenTheNameIsTaken warns under the name as soon as a
// synced template has the same name and language.
func TestBuilderWarnsWhenTheNameIsTaken(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	if err := cw.Emu.AddTemplate(screentest.WorldKey, app.Template{Name: "pickup_ready", Language: "en_US", Category: app.CategoryUtility, Body: "Hi"}); err != nil {
		t.Fatal(err)
	}
	if _, err := cw.Core.SyncTemplates(cw.Ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	b := openBuilder(t, cw, ch, nil)
	fillBasics(b, "pickup_ready")
	if !b.basics.nameWarning.Visible() || !strings.Contains(b.basics.nameWarning.Text, "already exists in English (US)") {
		t.Fatalf("no warning under the name: %q", b.basics.nameWarning.Text)
	}
	// Another language is free.
	retypeInto(b.basics.language.entry, "German")
	if b.basics.language.code != "de" || b.basics.nameWarning.Visible() {
		t.Fatalf("language %q, warning %q", b.basics.language.code, b.basics.nameWarning.Text)
	}
}

// TestBuilderValidationAtFields shows each problem under its field: live
// for fields the owner changed, all of them after a submit attempt.
func TestBuilderValidationAtFields(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)

	test.Type(b.basics.name, "order ready")
	if !noteShows(b.basics.nameNote, "no spaces") {
		t.Fatalf("name note = %q", b.basics.nameNote.label.Text)
	}
	if b.body.note.visible() || b.basics.categoryNote.visible() {
		t.Fatal("untouched fields shout before the first submit")
	}

	test.Type(b.body.entry, "Hi {{1}}, see {{3}} now")
	if !noteShows(b.body.note, "{{2}} is missing") {
		t.Fatalf("body note = %q", b.body.note.label.Text)
	}

	test.Tap(b.buttons.kind.button(buttonsQuick))
	test.Tap(b.buttons.addQuick)
	test.Type(b.buttons.quick[0].entry, "Yes please, put it aside")
	if !noteShows(b.buttons.quick[0].note, "at most 20 characters") {
		t.Fatalf("quick reply note = %q", b.buttons.quick[0].note.label.Text)
	}

	test.Tap(b.submit)
	if !cw.shown(b) {
		t.Fatal("an invalid template left the builder")
	}
	if !noteShows(b.basics.categoryNote, "Choose a category") || !noteShows(b.basics.languageNote, "Choose the language") {
		t.Fatal("untouched fields not marked after the submit attempt")
	}
	if !noteShows(b.params.row(bodyParamKey(1)).sampleNote, "Add a sample value for {{1}}") {
		t.Fatal("missing sample not marked")
	}
	if msg := b.banner.message(); !strings.Contains(msg, "need your attention") {
		t.Fatalf("banner = %q", msg)
	}
	if len(cw.Emu.Templates(screentest.WorldKey)) != 0 {
		t.Fatal("an invalid template reached WhatsApp")
	}

	// Fixing a field clears its note at once.
	retypeInto(b.basics.name, "order_ready")
	if b.basics.nameNote.visible() {
		t.Fatalf("name note still shown: %q", b.basics.nameNote.label.Text)
	}
}

// TestBuilderButtonsPreventForbiddenCombinations lets the owner add at
// most three quick replies and never mix them with website or phone
// buttons, saying why.
func TestBuilderButtonsPreventForbiddenCombinations(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	test.Tap(b.buttons.kind.button(buttonsQuick))
	for i, text := range []string{"Yes", "No", "Later"} {
		test.Tap(b.buttons.addQuick)
		test.Type(b.buttons.quick[i].entry, text)
	}
	if !b.buttons.addQuick.Disabled() || !screentest.ShowsText(b.buttons.content, "at most 3 quick replies") {
		t.Fatal("a fourth quick reply can be added without a reason")
	}
	if n := len(b.preview.Template().Buttons); n != 3 {
		t.Fatalf("preview has %d buttons", n)
	}

	test.Tap(b.buttons.kind.button(buttonsCTA))
	test.Tap(b.buttons.website.use)
	test.Type(b.buttons.website.target, "https://shop.example")
	for _, bt := range b.template().Buttons {
		if bt.Type == app.ButtonQuickReply {
			t.Fatalf("quick replies mixed with a call to action: %+v", b.template().Buttons)
		}
	}
	if !screentest.ShowsText(b.buttons.content, "does not allow quick replies next to them, so the 3 quick replies you typed are left out") {
		t.Fatalf("no reason given: %q", screentest.VisibleTexts(b.buttons.content))
	}
	if !screentest.ShowsText(b.buttons.content, "one website button and one phone button") {
		t.Fatal("the limit of call-to-action buttons is not explained")
	}

	// The quick replies come back when chosen again.
	test.Tap(b.buttons.kind.button(buttonsQuick))
	if got := b.template().Buttons; len(got) != 3 || got[2].Text != "Later" {
		t.Fatalf("quick replies lost: %+v", got)
	}
	test.Tap(b.buttons.addQuick) // disabled: nothing happens
	if len(b.buttons.quick) != 3 {
		t.Fatal("a fourth quick reply was added")
	}
}

// TestBuilderToolbarFormatsTheSelection wraps a selection in markers
// (leaving spaces outside) and inserts a pair of markers without one.
func TestBuilderToolbarFormatsTheSelection(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)

	test.Type(b.body.entry, "Today ")
	test.Tap(b.body.italic)
	test.Type(b.body.entry, "only")
	if got := b.body.entry.Text; got != "Today _only_" {
		t.Fatalf("markers without a selection: %q", got)
	}

	retypeInto(b.body.entry, "big sale ")
	b.body.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Tap(b.body.strike)
	if got := b.body.entry.Text; got != "~big sale~ " {
		t.Fatalf("strike over a selection: %q", got)
	}
	b.body.entry.TypedShortcut(&fyne.ShortcutSelectAll{})
	test.Tap(b.body.mono)
	if got := b.body.entry.Text; got != "```~big sale~``` " {
		t.Fatalf("mono over a selection: %q", got)
	}
	if got := b.body.counter.text.String(); got != "17/1024" {
		t.Fatalf("counter = %q", got)
	}
}
