package inbox

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

// menuItem finds the item labelled label in menu, failing without one.
func menuItem(t *testing.T, menu *fyne.Menu, label string) *fyne.MenuItem {
	t.Helper()
	if menu != nil {
		for _, it := range menu.Items {
			if it.Label == label {
				return it
			}
		}
	}
	var labels []string
	if menu != nil {
		for _, it := range menu.Items {
			labels = append(labels, it.Label)
		}
	}
	t.Fatalf("no menu item %q among %q", label, labels)
	return nil
}

// reactWith chooses React ▸ emoji in the bubble's right-click menu.
func reactWith(t *testing.T, b *widgets.ChatBubble, emoji string) {
	t.Helper()
	menuItem(t, menuItem(t, b.Menu(), "React").ChildMenu, emoji).Action()
}

// The owner right-clicks the customer's message and reacts ❤️: the heart
// sits on the bubble beside the customer's own 👍, WhatsApp gets the
// reaction; choosing ❤️ again takes it back, on the bubble and at
// WhatsApp.
func TestOwnerReactsFromTheBubbleMenu(t *testing.T) {
	sw := newSpaceWorld(t)
	wamid := sw.writes(t, annaWAID, "Anna Schmidt", "The cake was wonderful!")
	thumbs := app.InboundBatch{Messages: []app.Message{{WAMessageID: "wamid.react1", From: annaWAID, Type: app.MsgReaction,
		RawType: "reaction", Text: "👍", ReplyTo: wamid, Timestamp: sw.Clock.Now()}}}
	if err := sw.ingest(sw.ch, thumbs); err != nil {
		t.Fatal(err)
	}
	v := sw.open(t, "Anna Schmidt")
	reactWith(t, bubbleWith(t, v.content, "wonderful"), "❤️")
	sw.sendQueued()

	b := bubbleWith(t, v.content, "wonderful")
	if got := texts(b); !strings.Contains(got, "👍") || !strings.Contains(got, "❤️") {
		t.Fatalf("after reacting the bubble shows %q, want the customer's 👍 and the owner's ❤️", got)
	}
	if n := len(bubbles(v.content)); n != 1 {
		t.Errorf("the reaction became a bubble of its own: %d bubbles", n)
	}
	if item := menuItem(t, menuItem(t, b.Menu(), "React").ChildMenu, "❤️"); !item.Checked {
		t.Error("the menu does not mark the owner's ❤️")
	}

	reactWith(t, b, "❤️") // the same again takes it back
	sw.sendQueued()
	if got := texts(bubbleWith(t, v.content, "wonderful")); strings.Contains(got, "❤️") || !strings.Contains(got, "👍") {
		t.Fatalf("after taking it back the bubble shows %q", got)
	}
	sent := sw.Emu.Sent(screentest.WorldKey)
	if len(sent) != 2 || sent[0].Type != "reaction" || sent[0].Text != "❤️" || sent[1].Text != "" || sent[1].ReplyTo != wamid {
		t.Fatalf("WhatsApp got %+v", sent)
	}
}

// "More…" opens the picker; the emoji picked is the reaction.
func TestReactWithAnyEmojiFromThePicker(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Can I pick it up at 5?")
	v := sw.open(t, "Anna Schmidt")
	menuItem(t, menuItem(t, bubbleWith(t, v.content, "pick it up").Menu(), "React").ChildMenu, "More…").Action()
	p := v.reactPicker
	if p == nil || !p.popup.Visible() {
		t.Fatal("More… opened no picker")
	}
	typeInto(p.search, "ok hand")
	cells := shownEmoji(p)
	if len(cells) == 0 || cells[0].glyph.Text != "👌" {
		t.Fatalf("ok hand shows %v", glyphs(cells))
	}
	tapCell(cells[0])
	if p.popup.Visible() {
		t.Error("the picker stays open after reacting")
	}
	sw.sendQueued()
	if got := texts(bubbleWith(t, v.content, "pick it up")); !strings.Contains(got, "👌") {
		t.Fatalf("the bubble shows %q", got)
	}
	if v.composer.entry.Text != "" {
		t.Errorf("the reaction went into the composer: %q", v.composer.entry.Text)
	}
}

// Reactions are offered only on the customer's messages while the
// window is open: WhatsApp refuses them otherwise.
func TestNoReactOnOwnMessages(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	typeAndSend(v, "Hello Anna")
	sw.sendQueued()
	for _, it := range lastBubble(t, v.content).Menu().Items {
		if it.Label == "React" {
			t.Fatal("the owner's own message offers React")
		}
	}
}
