package inbox

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/screentest"
)

// shownEmoji returns the emoji cells the picker's grid draws, in order.
func shownEmoji(p *emojiPicker) []*emojiCell {
	var out []*emojiCell
	screentest.WalkVisible(p.grid, func(o fyne.CanvasObject) {
		if c, ok := o.(*emojiCell); ok && c.glyph.Text != "" {
			out = append(out, c)
		}
	})
	return out
}

// The owner opens the picker, searches "thumbs", taps 👍: it goes into
// the message where the cursor was, and is offered first next time.
func TestEmojiPickerSearchesAndInserts(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Your order is ready?")
	v := sw.open(t, "Anna Schmidt")
	c := v.composer
	test.Type(c.entry, "Great ")

	test.Tap(c.emoji)
	p := c.emojiPicker
	if p == nil || p.popup == nil || !p.popup.Visible() {
		t.Fatal("the emoji button opened no picker")
	}
	if n := len(shownEmoji(p)); n == 0 || n > 200 {
		t.Fatalf("the grid draws %d cells; it should draw a screenful of the %d emoji", n, len(p.shown))
	}
	test.Type(p.search, "thumbs")
	cells := shownEmoji(p)
	if len(cells) != 2 || cells[0].glyph.Text != "👍" || cells[1].glyph.Text != "👎" {
		t.Fatalf("searching thumbs shows %d cells: %v", len(cells), glyphs(cells))
	}
	if p.hint.Text != "2 emoji" {
		t.Errorf("the hint says %q", p.hint.Text)
	}
	test.Tap(cells[0])
	if c.entry.Text != "Great 👍" {
		t.Fatalf("after tapping 👍 the field holds %q", c.entry.Text)
	}
	test.Type(c.entry, "!")
	if c.entry.Text != "Great 👍!" {
		t.Errorf("the cursor did not move past the emoji: %q", c.entry.Text)
	}

	p.hide()
	test.Tap(c.emoji)
	if first := shownEmoji(p); len(first) == 0 || first[0].glyph.Text != "👍" {
		t.Errorf("the picker opens with %v first, want the recently used 👍", glyphs(first[:min(5, len(first))]))
	}
	test.Type(p.search, "zzqx")
	if len(shownEmoji(p)) != 0 || !strings.Contains(p.hint.Text, "No emoji") {
		t.Errorf("nonsense shows %v, hint %q", glyphs(shownEmoji(p)), p.hint.Text)
	}
}

// A tab scrolls the grid to its group.
func TestEmojiPickerTabsJumpToTheGroup(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	test.Tap(v.composer.emoji)
	p := v.composer.emojiPicker
	p.showGroup(len(emojiGroups)-1, "Flags")
	cells := shownEmoji(p)
	found := false
	for _, c := range cells {
		if c.glyph.Text == "🏁" {
			found = true
		}
	}
	if !found {
		t.Errorf("after the Flags tab the grid shows %v", glyphs(cells[:min(8, len(cells))]))
	}
}

func glyphs(cells []*emojiCell) []string {
	var out []string
	for _, c := range cells {
		out = append(out, c.glyph.Text)
	}
	return out
}

// typeInto types text into a field as the owner would.
func typeInto(e *widget.Entry, text string) { test.Type(e, text) }

// tapCell taps an emoji in the grid.
func tapCell(c *emojiCell) { test.Tap(c) }
