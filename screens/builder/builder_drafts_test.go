package builder

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// TestBuilderDraftReopensFilled saves a draft with an image header and
// dynamic variables, reopens it as the templates list does, finds every
// part back, and renames it without leaving the old draft behind.
func TestBuilderDraftReopensFilled(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	fillBasics(b, "bread_ready")
	test.Tap(b.header.format.button("Image"))
	pickFilesFrom(t, b, writePNG(t, t.TempDir(), "bread.png"), nil)
	test.Tap(b.header.media.choose)
	test.Type(b.body.entry, "Hello ")
	test.Tap(b.body.param)
	test.Type(b.body.entry, ", your bread is ready at ")
	test.Tap(b.body.param)
	test.Type(b.body.entry, " today.")
	test.Type(b.params.row(bodyParamKey(1)).sample, "Anna")
	test.Type(b.params.row(bodyParamKey(2)).sample, "noon")
	b.params.row(bodyParamKey(1)).source.SetSelected("Contact's name")
	b.params.row(bodyParamKey(2)).source.SetSelected("Fixed text")
	test.Type(b.params.row(bodyParamKey(2)).fixed, "5 pm")

	test.Tap(b.save)
	if msg := b.banner.message(); !strings.Contains(msg, "Saved as a draft") {
		t.Fatalf("banner = %q", msg)
	}
	list, _ := cw.Core.Templates(cw.Ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateDraft {
		t.Fatalf("stored: %+v", list.Templates)
	}
	draft := list.Templates[0]

	r := openBuilder(t, cw, ch, &draft)
	if !screentest.ShowsText(r.content, "Edit Draft") || !r.remove.Visible() {
		t.Fatal("a reopened draft is not shown as one")
	}
	if r.basics.name.Text != "bread_ready" || r.basics.category.selected != app.CategoryUtility ||
		r.basics.language.code != "en_US" || r.basics.language.entry.Text != "English (US) · en_US" {
		t.Fatalf("basics: %q %q %q", r.basics.name.Text, r.basics.category.selected, r.basics.language.code)
	}
	if r.header.format.Selected != "Image" || r.header.media.name.Text != "bread.png" || !r.header.media.file.Visible() {
		t.Fatalf("header: %q, file %q", r.header.format.Selected, r.header.media.name.Text)
	}
	if got := r.preview.Template().Header.Media; !bytes.Equal(got, draft.Header.Media) || len(got) == 0 {
		t.Fatal("the preview lacks the sample image")
	}
	if got := r.params.row(bodyParamKey(1)).source.Selected; got != "Contact's name" {
		t.Fatalf("{{1}} filled with %q", got)
	}
	if got := r.params.row(bodyParamKey(2)); got.source.Selected != "Fixed text" || got.fixed.Text != "5 pm" || got.sample.Text != "noon" {
		t.Fatalf("{{2}}: %q %q %q", got.source.Selected, got.fixed.Text, got.sample.Text)
	}
	if r.dirty() {
		t.Fatalf("a freshly opened draft counts as changed: %+v", r.template())
	}
	for _, n := range r.notes() {
		if n.visible() {
			t.Fatalf("a reopened draft shows a problem: %q", n.label.Text)
		}
	}

	// Renaming and saving keeps one draft, under the new name.
	retypeInto(r.basics.name, "bread_ready_today")
	test.Tap(r.save)
	list, _ = cw.Core.Templates(cw.Ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Name != "bread_ready_today" {
		t.Fatalf("after renaming: %+v", list.Templates)
	}
}

// TestBuilderMediaFileIsCheckedAndPreviewed picks sample files: the dialog
// lists only the header's kinds, wrong and oversized files are refused
// with the reason, and a good image is named, sized and previewed.
func TestBuilderMediaFileIsCheckedAndPreviewed(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	dir := t.TempDir()
	test.Tap(b.header.format.button("Image"))
	if !screentest.ShowsText(b.header.content, "JPG or PNG, up to 5 MB") {
		t.Fatalf("no hint: %q", screentest.VisibleTexts(b.header.content))
	}

	var filter []string
	pickFilesFrom(t, b, writeFile(t, dir, "notes.png", []byte("just some text, not a picture")), &filter)
	test.Tap(b.header.media.choose)
	if strings.Join(filter, " ") != strings.Join(app.HeaderMediaExtensions(app.HeaderImage), " ") {
		t.Fatalf("file dialog filter = %v", filter)
	}
	if !noteShows(b.header.media.note, "must be a JPG or PNG file") || b.header.media.file.Visible() {
		t.Fatalf("wrong kind accepted: note %q", b.header.media.note.label.Text)
	}

	big := append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 6<<20)...)
	pickFilesFrom(t, b, writeFile(t, dir, "huge.png", big), nil)
	test.Tap(b.header.media.choose)
	if !noteShows(b.header.media.note, "at most 5 MB") {
		t.Fatalf("oversized image accepted: note %q", b.header.media.note.label.Text)
	}

	pickFilesFrom(t, b, writePNG(t, dir, "bread.png"), nil)
	test.Tap(b.header.media.choose)
	if b.header.media.note.visible() || b.header.media.name.Text != "bread.png" || !strings.Contains(b.header.media.size.String(), "bytes") {
		t.Fatalf("good image: note %q, name %q, size %q", b.header.media.note.label.Text, b.header.media.name.Text, b.header.media.size.String())
	}
	if len(b.header.media.thumb.Objects) != 1 {
		t.Fatal("no thumbnail of the image")
	}
	if h := b.preview.Template().Header; h.Format != app.HeaderImage || h.MediaName != "bread.png" || h.MediaMIME != "image/png" {
		t.Fatalf("preview header = %+v", h)
	}

	// A document over the 20 MB upload limit is refused without reading it.
	test.Tap(b.header.format.button("Document"))
	pdf := filepath.Join(dir, "menu.pdf")
	if f, err := os.Create(pdf); err != nil {
		t.Fatal(err)
	} else {
		if err := f.Truncate(app.MaxTemplateUpload + 1<<20); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	pickFilesFrom(t, b, pdf, nil)
	test.Tap(b.header.media.choose)
	if !noteShows(b.header.media.note, "menu.pdf is 21.0 MB, too big") {
		t.Fatalf("oversized document: note %q", b.header.media.note.label.Text)
	}

	// Each format keeps its own file.
	test.Tap(b.header.format.button("Image"))
	if b.header.media.name.Text != "bread.png" || b.header.media.note.visible() {
		t.Fatal("the image was lost after trying a document")
	}
}

// TestBuilderLeavingWithChangesAsks offers to save a draft before
// leaving with unsaved changes, and leaves at once without them.
func TestBuilderLeavingWithChangesAsks(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	test.Tap(b.back)
	if cw.shown(b) {
		t.Fatal("an untouched builder did not leave")
	}

	b = openBuilder(t, cw, ch, nil)
	fillMinimal(b, "pickup_ready")
	test.Tap(b.back)
	if !cw.shown(b) {
		t.Fatal("left without asking about the changes")
	}
	tapDialogButton(t, cw.Window, "Save draft")
	if cw.shown(b) {
		t.Fatal("still on the builder after saving")
	}
	list, _ := cw.Core.Templates(cw.Ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateDraft {
		t.Fatalf("stored: %+v", list.Templates)
	}

	b = openBuilder(t, cw, ch, &list.Templates[0])
	test.Type(b.footer.entry, "See you soon")
	test.Tap(b.back)
	tapDialogButton(t, cw.Window, "Discard changes")
	list, _ = cw.Core.Templates(cw.Ctx, ch.ID)
	if cw.shown(b) || list.Templates[0].Footer != "" {
		t.Fatalf("discarding: shown %v, stored footer %q", cw.shown(b), list.Templates[0].Footer)
	}
}

// TestBuilderDeletesTheDraft deletes a reopened draft after asking and
// returns to the templates list.
func TestBuilderDeletesTheDraft(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	draft := app.Template{Name: "pickup_ready", Language: "en_US", Category: app.CategoryUtility, Body: "Your bread is ready."}
	if err := cw.Core.SaveTemplateDraft(cw.Ctx, ch.ID, draft); err != nil {
		t.Fatal(err)
	}
	list, _ := cw.Core.Templates(cw.Ctx, ch.ID)
	b := openBuilder(t, cw, ch, &list.Templates[0])
	test.Tap(b.remove)
	tapDialogButton(t, cw.Window, "Keep it")
	if list, _ = cw.Core.Templates(cw.Ctx, ch.ID); len(list.Templates) != 1 || !cw.shown(b) {
		t.Fatal("the draft went although the owner kept it")
	}
	test.Tap(b.remove)
	tapDialogButton(t, cw.Window, "Delete")
	if list, _ = cw.Core.Templates(cw.Ctx, ch.ID); len(list.Templates) != 0 || cw.shown(b) {
		t.Fatalf("after deleting: %+v, builder shown %v", list.Templates, cw.shown(b))
	}
}

// TestBuilderDuplicateGetsANewName opens a copy of a synced template
// under a new name, unsaved until the owner saves or submits it.
func TestBuilderDuplicateGetsANewName(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	orig := app.Template{Name: "weekly_offer", Language: "de", Category: app.CategoryMarketing,
		Body: "Diese Woche: {{1}} zum halben Preis!", BodyExamples: []string{"Brezeln"}}
	if err := cw.Emu.AddTemplate(screentest.WorldKey, orig); err != nil {
		t.Fatal(err)
	}
	if _, err := cw.Core.SyncTemplates(cw.Ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, _ := cw.Core.Templates(cw.Ctx, ch.ID)
	openTemplateBuilder(cw.env(), ch, &list.Templates[0])
	if !screentest.ShowsText(cw.Nav.Stage, "Submit Template") {
		t.Fatalf("a copy is not a new template: %q", screentest.VisibleTexts(cw.Nav.Stage))
	}
	if !screentest.ShowsText(cw.Nav.Stage, "weekly_offer_copy") || !screentest.ShowsText(cw.Nav.Stage, "Brezeln") {
		t.Fatalf("copy not filled: %q", screentest.VisibleTexts(cw.Nav.Stage))
	}
	stage := cw.Nav.Stage.Objects[0]
	test.Tap(screentest.Button(t, stage, "Templates"))
	if cw.Nav.Stage.Objects[0] != stage || cw.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("an unsaved copy was left without asking")
	}
}

// TestBuilderLanguageSearch narrows the list as the owner types and picks
// the first match with Enter.
func TestBuilderLanguageSearch(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	lp := b.basics.language
	test.Type(lp.entry, "portu")
	if len(lp.matches) != 2 || lp.matches[0].Code != "pt_BR" || !lp.results.Visible() {
		t.Fatalf("matches = %+v", lp.matches)
	}
	lp.list.Select(1)
	if lp.code != "pt_PT" || lp.entry.Text != "Portuguese (Portugal) · pt_PT" || lp.results.Visible() {
		t.Fatalf("picked %q, entry %q", lp.code, lp.entry.Text)
	}
	retypeInto(lp.entry, "klingon")
	if lp.code != "" || !screentest.ShowsText(lp.results, "No language matches") {
		t.Fatalf("no match: code %q, %q", lp.code, screentest.VisibleTexts(lp.results))
	}
	retypeInto(lp.entry, "de")
	lp.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if lp.code != "de" || lp.entry.Text != "German · de" {
		t.Fatalf("Enter picked %q", lp.code)
	}
}
