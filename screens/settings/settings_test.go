package settings

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// settingsWorld is the Settings page on a real core in a test window.
type settingsWorld struct {
	*screentest.World
	page *Page
}

func newSettingsWorld(t *testing.T, extra ...Section) *settingsWorld {
	t.Helper()
	w := screentest.NewWorld(t)
	p := NewPage(w.Env(), w.Core, extra...)
	t.Cleanup(p.Close)
	w.Nav.Show(p.Content)
	p.Reload() // as the shell does when it shows the page
	return &settingsWorld{World: w, page: p}
}

// dialogOnTop is the dialog over the page, failing without one.
func (sw *settingsWorld) dialogOnTop(t *testing.T) fyne.CanvasObject {
	t.Helper()
	top := sw.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}

// shownTitles are the quick replies' titles as the section lists them.
func (sw *settingsWorld) shownTitles() []string {
	var out []string
	for _, r := range sw.page.quick.replies {
		out = append(out, r.Title)
	}
	return out
}

// addViaDialog adds a quick reply as the owner would.
func (sw *settingsWorld) addViaDialog(t *testing.T, title, text string) {
	t.Helper()
	test.Tap(screentest.Button(t, sw.page.Content, textAddQuick))
	d := sw.dialogOnTop(t)
	entries := entriesIn(d)
	test.Type(entries[0], title)
	test.Type(entries[1], text)
	test.Tap(screentest.Button(t, d, "Save"))
}

// entriesIn lists the entries shown in o, top to bottom.
func entriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	screentest.WalkVisible(o, func(c fyne.CanvasObject) {
		if e, ok := c.(*widget.Entry); ok {
			out = append(out, e)
		}
	})
	return out
}

// The owner adds quick replies through the dialog, fixes what the core
// refuses at its field, edits one, moves one up and down and deletes one
// after confirming.
func TestQuickRepliesSection(t *testing.T) {
	sw := newSettingsWorld(t)
	if !screentest.ShowsText(sw.page.Content, textQuickEmpty) {
		t.Fatalf("without quick replies the page shows %q", screentest.VisibleTexts(sw.page.Content))
	}
	sw.addViaDialog(t, "Opening hours", "Hi {{name}}, we open at 9.")
	sw.addViaDialog(t, "Where to park", "Behind the shop.")
	if got := sw.shownTitles(); !slices.Equal(got, []string{"Opening hours", "Where to park"}) {
		t.Fatalf("listed %q", got)
	}
	if screentest.ShowsText(sw.page.Content, textQuickEmpty) || !screentest.ShowsText(sw.page.Content, "Hi {{name}}, we open at 9.") {
		t.Fatalf("the page shows %q", screentest.VisibleTexts(sw.page.Content))
	}

	// A duplicate title is refused at the field; the dialog keeps what was typed.
	sw.addViaDialog(t, "opening HOURS", "Again")
	d := sw.dialogOnTop(t)
	if !screentest.ShowsText(d, "You already have a quick reply called “Opening hours”. Choose another title.") {
		t.Fatalf("the dialog shows %q", screentest.VisibleTexts(d))
	}
	entries := entriesIn(d)
	if entries[1].Text != "Again" {
		t.Fatalf("the text field lost what was typed: %q", entries[1].Text)
	}
	entries[0].SetText("Delivery")
	test.Tap(screentest.Button(t, d, "Save"))
	if sw.Window.Canvas().Overlays().Top() != nil {
		t.Fatal("the dialog stayed open after a good save")
	}

	// Edit the first.
	test.Tap(sw.page.quick.buttons[0].edit)
	d = sw.dialogOnTop(t)
	entries = entriesIn(d)
	if entries[0].Text != "Opening hours" {
		t.Fatalf("the editor shows %q", entries[0].Text)
	}
	entries[1].SetText("")
	test.Tap(screentest.Button(t, d, "Save"))
	if !screentest.ShowsText(d, "Write the answer this quick reply puts in the chat.") {
		t.Fatalf("an empty text: the dialog shows %q", screentest.VisibleTexts(d))
	}
	entries[1].SetText("We open at 9, {{name}}.")
	test.Tap(screentest.Button(t, d, "Save"))
	if !screentest.ShowsText(sw.page.Content, "We open at 9, {{name}}.") {
		t.Fatalf("after the edit the page shows %q", screentest.VisibleTexts(sw.page.Content))
	}

	// Reorder: Delivery up twice (the second is disabled at the top), Opening hours down.
	if !sw.page.quick.buttons[0].up.Disabled() || !sw.page.quick.buttons[2].down.Disabled() {
		t.Fatal("the first can move up or the last down")
	}
	test.Tap(sw.page.quick.buttons[2].up)
	test.Tap(sw.page.quick.buttons[1].up)
	if got := sw.shownTitles(); !slices.Equal(got, []string{"Delivery", "Opening hours", "Where to park"}) {
		t.Fatalf("after moving Delivery up: %q", got)
	}
	test.Tap(sw.page.quick.buttons[1].down)
	if got := sw.shownTitles(); !slices.Equal(got, []string{"Delivery", "Where to park", "Opening hours"}) {
		t.Fatalf("after moving Opening hours down: %q", got)
	}

	// Delete, after confirming; "Keep it" keeps it.
	test.Tap(sw.page.quick.buttons[1].del)
	d = sw.dialogOnTop(t)
	if !screentest.ShowsText(d, "“Where to park” will no longer be in the / list. This cannot be undone.") {
		t.Fatalf("the confirmation shows %q", screentest.VisibleTexts(d))
	}
	test.Tap(screentest.Button(t, d, "Keep it"))
	if len(sw.shownTitles()) != 3 {
		t.Fatal("Keep it deleted the quick reply")
	}
	test.Tap(sw.page.quick.buttons[1].del)
	test.Tap(screentest.Button(t, sw.dialogOnTop(t), textDelete))
	if got := sw.shownTitles(); !slices.Equal(got, []string{"Delivery", "Opening hours"}) {
		t.Fatalf("after deleting: %q", got)
	}
	stored, err := sw.Core.QuickReplies(sw.Ctx)
	if err != nil || len(stored) != 2 || stored[1].Title != "Opening hours" || stored[1].Text != "We open at 9, {{name}}." {
		t.Fatalf("the core keeps %+v, %v", stored, err)
	}
}

// The stop and start words show Parley's defaults; the owner's lists are
// saved, a word on both lists is refused at the field, and the defaults
// come back on request.
func TestOptOutWordsSection(t *testing.T) {
	sw := newSettingsWorld(t)
	s := sw.page.words
	if !strings.HasPrefix(s.stop.Text, "STOP\nUNSUBSCRIBE") || !strings.HasPrefix(s.start.Text, "START\n") {
		t.Fatalf("the fields show %q and %q", s.stop.Text, s.start.Text)
	}
	s.stop.SetText("STOP\nNo more")
	s.start.SetText("START\nstop")
	test.Tap(screentest.Button(t, sw.page.Content, textSaveWords))
	if !screentest.ShowsText(sw.page.Content, "“stop” is also a stop word; keep it on one list only.") {
		t.Fatalf("a word on both lists: the page shows %q", screentest.VisibleTexts(sw.page.Content))
	}
	s.start.SetText("START\nAgain")
	test.Tap(screentest.Button(t, sw.page.Content, textSaveWords))
	if !screentest.ShowsText(sw.page.Content, textWordsSaved) {
		t.Fatalf("after saving the page shows %q", screentest.VisibleTexts(sw.page.Content))
	}
	w, err := sw.Core.OptOutWords(sw.Ctx)
	if err != nil || !slices.Equal(w.Stop, []string{"STOP", "No more"}) || !slices.Equal(w.Start, []string{"START", "Again"}) {
		t.Fatalf("the core keeps %+v, %v", w, err)
	}
	test.Tap(screentest.Button(t, sw.page.Content, textDefaultWords))
	if s.stop.Text != strings.Join(app.DefaultOptOutWords().Stop, "\n") {
		t.Fatalf("Use Parley's words put %q", s.stop.Text)
	}
}

// The shell's sections come after Parley's own.
func TestExtraSections(t *testing.T) {
	sw := newSettingsWorld(t, Section{Title: "Back up and restore", Subtitle: "A copy of everything", Content: widget.NewLabel("backup here")})
	texts := screentest.VisibleTexts(sw.page.Content)
	quick, words, extra := slices.Index(texts, textQuickTitle), slices.Index(texts, textWordsTitle), slices.Index(texts, "Back up and restore")
	if quick < 0 || words < quick || extra < words || !slices.Contains(texts, "backup here") {
		t.Fatalf("sections in the wrong order: %q", texts)
	}
}

// TestUnsavedWordsSurviveLeavingThePage: word lists the owner changed but
// did not save are still there when they leave Settings and come back
// (the shell reads the page again each time it shows it).
func TestUnsavedWordsSurviveLeavingThePage(t *testing.T) {
	sw := newSettingsWorld(t)
	s := sw.page.words
	s.stop.SetText("STOP\nGenug")
	sw.page.Reload()
	if s.stop.Text != "STOP\nGenug" {
		t.Fatalf("coming back to Settings replaced the typed words with %q", s.stop.Text)
	}
}
