package inbox

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/screentest"
)

// highlightedWords are the words the results show highlighted.
func highlightedWords(o fyne.CanvasObject) []string {
	var out []string
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if mt, ok := o.(*markedText); ok {
			for _, p := range mt.pieces {
				if p.text.TextStyle.Bold && p.text.Color == theme.Color(theme.ColorNamePrimary) {
					out = append(out, p.text.Text)
				}
			}
		}
		if rt, ok := o.(*widget.RichText); ok {
			for _, seg := range rt.Segments {
				if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.ColorName == theme.ColorNamePrimary && ts.Style.TextStyle.Bold {
					out = append(out, ts.Text)
				}
			}
		}
	})
	return out
}

// resultRow is the visible result row whose text contains text.
func resultRow(t *testing.T, s *spaceSearch, text string) *tapRow {
	t.Helper()
	var found *tapRow
	screentest.WalkVisible(s.content, func(o fyne.CanvasObject) {
		if r, ok := o.(*tapRow); ok && found == nil && screentest.ShowsText(r.content, text) {
			found = r
		}
	})
	if found == nil {
		t.Fatalf("no result shows %q; the results show %q", text, screentest.VisibleTexts(s.content))
	}
	return found
}

// holdMarks keeps highlights for the whole test: under the test driver
// the timer that ends one would draw from its own goroutine.
func holdMarks(t *testing.T) {
	old := markFor
	markFor = time.Hour
	t.Cleanup(func() { markFor = old })
}

// TestSearchShowsResultsAsTheOwnerTypes: typing in the field at the top
// of Chats shows, in place of the list, the conversations found grouped
// with their matching messages, the matching words highlighted, accents
// ignored; a query nothing matches says so; Esc returns to the list.
func TestSearchShowsResultsAsTheOwnerTypes(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Vocês têm a promoção de sábado?")
	sw.writes(t, benWAID, "Ben", "Quero a PROMOÇÃO do catálogo")
	sw.writes(t, benWAID, "Ben", "Obrigado!")
	in := sw.inbox()

	test.Type(in.search.entry, "promoca")
	if in.list.Visible() || !in.search.content.Visible() {
		t.Fatal("the results do not replace the conversation list")
	}
	texts := strings.Join(screentest.VisibleTexts(in.search.content), " | ")
	for _, want := range []string{"Anna Schmidt", "Vocês têm a promoção de sábado?", "Ben", "Quero a PROMOÇÃO do catálogo"} {
		if !strings.Contains(texts, want) {
			t.Errorf("the results lack %q: %s", want, texts)
		}
	}
	if strings.Contains(texts, "Obrigado") {
		t.Errorf("a message without the word is shown: %s", texts)
	}
	if strings.Index(texts, "Ben") > strings.Index(texts, "Anna Schmidt") {
		t.Errorf("Ben wrote last but comes after Anna: %s", texts)
	}
	if got := highlightedWords(in.search.content); strings.Join(got, ",") != "PROMOÇÃO,promoção" {
		t.Errorf("highlighted %q, want the two promoção", got)
	}

	test.Type(in.search.entry, " xyz")
	if !screentest.ShowsText(in.search.content, "No messages or customers match “promoca xyz”") {
		t.Errorf("an empty result shows %q", screentest.VisibleTexts(in.search.content))
	}

	in.search.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if in.search.entry.Text != "" || !in.list.Visible() || in.search.content.Visible() {
		t.Errorf("Esc left the search: field %q, list shown %v", in.search.entry.Text, in.list.Visible())
	}

	// A name finds its customer; operators are words like any other.
	test.Type(in.search.entry, `"anna OR* -`)
	if !screentest.ShowsText(in.search.content, "No messages or customers match") {
		t.Errorf("a query with operators: %q", screentest.VisibleTexts(in.search.content))
	}
	in.search.entry.SetText("anna")
	if got := highlightedWords(in.search.content); len(got) != 1 || got[0] != "Anna" {
		t.Errorf("searching a name highlights %q", got)
	}
}

// TestPickingAResultOpensTheConversationThere: tapping a message found
// opens its conversation at that message, highlighted and in view, with
// the messages around it; scrolling down loads newer ones until the view
// reaches the newest again.
func TestPickingAResultOpensTheConversationThere(t *testing.T) {
	holdMarks(t)
	sw := newSpaceWorld(t)
	sw.bulk(t, 160)
	sw.writes(t, benWAID, "Ben", "Hello")
	in := sw.inbox()
	sw.open(t, "Ben")

	test.Type(in.search.entry, "message 40")
	test.Tap(resultRow(t, in.search, "message 40"))
	v := sw.conv(t)
	if conversationName(v.conv) != "Anna Schmidt" {
		t.Fatalf("the tap opened %q", conversationName(v.conv))
	}
	loaded := loadedTexts(v)
	if len(loaded) != 90 || loaded[0] != "message 1" || loaded[89] != "message 90" {
		t.Fatalf("around message 40 it loaded %d messages, %q … %q; want 1 to 90", len(loaded), loaded[0], loaded[len(loaded)-1])
	}
	target := bubbleWith(t, v.content, "message 40")
	y, _ := v.rowTop(target.Message().ID)
	if y < v.scroll.Offset.Y || y > v.scroll.Offset.Y+v.scroll.Size().Height {
		t.Errorf("message 40 at %v is out of view (%v to %v)", y, v.scroll.Offset.Y, v.scroll.Offset.Y+v.scroll.Size().Height)
	}
	if !isMarked(v, target.Message().ID) {
		t.Error("message 40 is not highlighted")
	}
	if !in.search.content.Visible() || in.search.entry.Text != "message 40" {
		t.Error("the results went away when a result was picked")
	}

	// The owner scrolls down: newer pages load until the newest.
	for range 5 {
		if !v.hasNewer {
			break
		}
		v.scroll.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.Delta{DY: -v.column.MinSize().Height}})
	}
	loaded = loadedTexts(v)
	if v.hasNewer || loaded[len(loaded)-1] != "message 160" {
		t.Fatalf("scrolling down did not reach the newest message; loaded up to %q", loaded[len(loaded)-1])
	}
	sw.writes(t, annaWAID, "Anna Schmidt", "One more thing")
	if !screentest.ShowsText(v.content, "One more thing") {
		t.Error("back at the newest message, a new one did not appear")
	}
}

// TestJumpInTheOpenConversationAndReply: a result in the conversation
// already open moves it to the message; a reply sent from there shows
// the newest messages with the reply.
func TestJumpInTheOpenConversationAndReply(t *testing.T) {
	holdMarks(t)
	sw := newSpaceWorld(t)
	sw.bulk(t, 160)
	in := sw.inbox()
	v := sw.open(t, "Anna Schmidt")
	test.Type(in.search.entry, "message 7") // one digit: the whole number
	test.Tap(resultRow(t, in.search, "message 7"))
	if sw.conv(t) != v || !isMarked(v, v.msgs[6].ID) || !v.hasNewer {
		t.Fatalf("the open conversation did not move to message 7; it holds %q", loadedTexts(v))
	}
	v.composer.entry.SetText("Thanks, noted")
	v.onSend()
	loaded := loadedTexts(v)
	if v.hasNewer || loaded[len(loaded)-1] != "Thanks, noted" || !v.atBottom() {
		t.Errorf("after the reply the view holds %q … %q", loaded[0], loaded[len(loaded)-1])
	}
}

// isMarked reports whether message id's row is drawn highlighted.
func isMarked(v *conversationView, id int64) bool {
	row, ok := v.rows[messageKey(id)]
	if !ok || v.markID != id {
		return false
	}
	c, ok := row.obj.(*fyne.Container)
	if !ok || len(c.Objects) != 2 {
		return false
	}
	_, tinted := c.Objects[0].(*canvas.Rectangle)
	return tinted
}

// messageKey is the row key of message id (see buildItems).
func messageKey(id int64) string { return fmt.Sprintf("m:%d", id) }

// TestSearchResultsFollowNewMessages: a customer's message that matches
// joins the results shown, without the owner typing again.
func TestSearchResultsFollowNewMessages(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is the promoção still on?")
	in := sw.inbox()
	test.Type(in.search.entry, "promo")
	if screentest.ShowsText(in.search.content, "Ben") {
		t.Fatal("Ben is found before he wrote")
	}
	sw.writes(t, benWAID, "Ben", "I saw the promo in your window")
	if !screentest.ShowsText(in.search.content, "I saw the promo in your window") {
		t.Errorf("the new message does not join the results: %q", screentest.VisibleTexts(in.search.content))
	}
}
