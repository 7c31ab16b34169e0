package inbox

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// typeOnFocused types s, rune by rune, into whatever has the keyboard,
// as the window does.
func typeOnFocused(t *testing.T, c fyne.Canvas, s string) {
	t.Helper()
	for _, r := range s {
		f := c.Focused()
		if f == nil {
			t.Fatalf("nothing has the keyboard to type %q", r)
		}
		f.TypedRune(r)
	}
}

// pressOnFocused presses key on whatever has the keyboard.
func pressOnFocused(t *testing.T, c fyne.Canvas, key fyne.KeyName) {
	t.Helper()
	f := c.Focused()
	if f == nil {
		t.Fatalf("nothing has the keyboard to press %s", key)
	}
	f.TypedKey(&fyne.KeyEvent{Name: key})
}

// quickTitles are the titles the open "/" list shows, the chosen one
// marked with ">".
func quickTitles(v *conversationView) []string {
	q := v.composer.quick
	if !q.isOpen() {
		return nil
	}
	var out []string
	for i, r := range q.shown {
		mark := ""
		if i == q.sel {
			mark = ">"
		}
		out = append(out, mark+r.Title)
	}
	return out
}

func addQuickReplies(t *testing.T, sw *spaceWorld, rs ...app.QuickReply) {
	t.Helper()
	for _, r := range rs {
		if _, err := sw.Core.AddQuickReply(sw.Ctx, r); err != nil {
			t.Fatal(err)
		}
	}
}

// Typing "/" lists the quick replies, typing on narrows them, Down and
// Enter put the chosen one, filled for the customer, in place of what
// was typed; Esc closes the list and the text stays as typed.
func TestSlashListsQuickRepliesAndEnterInsertsFilled(t *testing.T) {
	sw := newSpaceWorld(t)
	addQuickReplies(t, sw,
		app.QuickReply{Title: "Opening hours", Text: "Hi {{name}}, we open 9 to 6."},
		app.QuickReply{Title: "Where to park", Text: "Behind the shop."},
		app.QuickReply{Title: "Reopening", Text: "We reopen on Monday, {{name}}."})
	sw.writes(t, annaWAID, "Anna Schmidt", "When are you open?")
	v := sw.open(t, "Anna Schmidt")
	c := sw.Window.Canvas()
	c.Focus(v.composer.entry)

	typeOnFocused(t, c, "Sure! ")
	// On many keyboards "/" is Shift+7: Shift goes up once the list is open.
	v.composer.entry.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	typeOnFocused(t, c, "/")
	c.Focused().(desktop.Keyable).KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := quickTitles(v); len(got) != 3 || got[0] != ">Opening hours" {
		t.Fatalf("after / the list shows %q", got)
	}
	typeOnFocused(t, c, "open")
	if got := quickTitles(v); len(got) != 2 || got[0] != ">Opening hours" || got[1] != "Reopening" {
		t.Fatalf("after /open the list shows %q", got)
	}
	if v.composer.entry.Text != "Sure! /open" {
		t.Fatalf("the field holds %q while the list is open", v.composer.entry.Text)
	}
	pressOnFocused(t, c, fyne.KeyDown)
	pressOnFocused(t, c, fyne.KeyDown) // stays on the last one
	if got := quickTitles(v); got[1] != ">Reopening" {
		t.Fatalf("after Down the list shows %q", got)
	}
	pressOnFocused(t, c, fyne.KeyUp)
	pressOnFocused(t, c, fyne.KeyReturn)
	if v.composer.quick.isOpen() {
		t.Fatal("the list stayed open after Enter")
	}
	if got := v.composer.entry.Text; got != "Sure! Hi Anna Schmidt, we open 9 to 6." {
		t.Fatalf("Enter put %q in the field", got)
	}
	if len(bubbles(v.content)) != 1 {
		t.Fatal("Enter on the list sent the message")
	}
	// The keyboard is the field's again: the next Enter sends.
	if c.Focused() != v.composer.entry {
		t.Fatalf("the keyboard went to %T", c.Focused())
	}
	pressOnFocused(t, c, fyne.KeyReturn)
	if got := lastBubble(t, v.content).Message().Text; got != "Sure! Hi Anna Schmidt, we open 9 to 6." {
		t.Fatalf("Enter after the list sent %q", got)
	}

	v.composer.entry.SetText("")
	typeOnFocused(t, c, "/park")
	if got := quickTitles(v); len(got) != 1 {
		t.Fatalf("/park shows %q", got)
	}
	pressOnFocused(t, c, fyne.KeyEscape)
	typeOnFocused(t, c, "x")
	if v.composer.quick.isOpen() || v.composer.entry.Text != "/parkx" {
		t.Fatalf("after Esc the list is open %v, the field holds %q", v.composer.quick.isOpen(), v.composer.entry.Text)
	}
	v.composer.entry.SetText("")
	typeOnFocused(t, c, "a/b")
	if v.composer.quick.isOpen() {
		t.Fatal("a / inside a word opened the list")
	}
}

// A variable the customer has no value for stays in the text, and a
// note says to replace it.
func TestQuickReplyWithoutValueLeavesPlaceholder(t *testing.T) {
	sw := newSpaceWorld(t)
	addQuickReplies(t, sw, app.QuickReply{Title: "Hello", Text: "Hello {{name}}!"})
	sw.writes(t, annaWAID, "", "Hi")
	v := sw.open(t, app.FormatPhone("+"+annaWAID))
	c := sw.Window.Canvas()
	c.Focus(v.composer.entry)
	typeOnFocused(t, c, "/hel")
	pressOnFocused(t, c, fyne.KeyEnter)
	if got := v.composer.entry.Text; got != "Hello {{name}}!" {
		t.Fatalf("the field holds %q", got)
	}
	if !screentest.ShowsText(v.composer.content, "Parley does not know this customer's name: replace {{name}} before sending.") {
		t.Fatalf("no note; the composer shows %q", screentest.VisibleTexts(v.composer.content))
	}
}

// A click on a quick reply puts it in the field.
func TestQuickReplyClick(t *testing.T) {
	sw := newSpaceWorld(t)
	addQuickReplies(t, sw, app.QuickReply{Title: "Opening hours", Text: "9 to 6"}, app.QuickReply{Title: "Parking", Text: "Behind"})
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	c := sw.Window.Canvas()
	c.Focus(v.composer.entry)
	typeOnFocused(t, c, "/")
	var rows []*quickRow
	screentest.WalkVisible(v.composer.quick.list, func(o fyne.CanvasObject) {
		if r, ok := o.(*quickRow); ok {
			rows = append(rows, r)
		}
	})
	if len(rows) < 2 {
		t.Fatalf("%d rows drawn", len(rows))
	}
	for _, r := range rows {
		if r.title.Text == "Parking" {
			test.Tap(r)
		}
	}
	if got := v.composer.entry.Text; got != "Behind" {
		t.Fatalf("the click put %q in the field", got)
	}
}
