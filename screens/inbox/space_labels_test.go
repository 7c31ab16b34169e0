package inbox

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// row returns the list's row showing who, failing the test without one.
func (sw *spaceWorld) row(t *testing.T, who string) *conversationRow {
	t.Helper()
	var found *conversationRow
	screentest.WalkVisible(sw.inbox().list, func(o fyne.CanvasObject) {
		if r, ok := o.(*conversationRow); ok && r.shown.name == who {
			found = r
		}
	})
	if found == nil {
		t.Fatalf("no row shows %q; the list shows %q", who, screentest.VisibleTexts(sw.inbox().list))
	}
	return found
}

// menu right-clicks the row of who and taps the menu items named path
// in turn (a submenu, then its item).
func (sw *spaceWorld) menu(t *testing.T, who string, path ...string) {
	t.Helper()
	test.TapSecondary(sw.row(t, who))
	for i, item := range path {
		top := sw.Window.Canvas().Overlays().Top()
		if top == nil {
			t.Fatalf("no menu is open to choose %q from", item)
		}
		if i < len(path)-1 { // a submenu opens as the mouse comes over it
			at := fyne.CurrentApp().Driver().AbsolutePositionForObject(labelled(t, top, item))
			test.MoveMouse(sw.Window.Canvas(), at.Add(fyne.NewPos(4, 4)))
			continue
		}
		tapLabelled(t, top, item)
	}
}

// labelled is the innermost visible clickable thing under o showing
// label.
func labelled(t *testing.T, o fyne.CanvasObject, label string) fyne.CanvasObject {
	t.Helper()
	var found fyne.CanvasObject
	screentest.WalkVisible(o, func(c fyne.CanvasObject) {
		if _, ok := c.(fyne.Tappable); ok && c != o && screentest.ShowsText(c, label) {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("nothing labelled %q; it shows %q", label, screentest.VisibleTexts(o))
	}
	return found
}

// shownNames are the names the list shows, in order.
func (sw *spaceWorld) shownNames() []string {
	var out []string
	for _, cv := range sw.inbox().shown {
		out = append(out, conversationName(cv))
	}
	return out
}

// chooseView picks a view of the list by its name.
func (sw *spaceWorld) chooseView(t *testing.T, name string) {
	t.Helper()
	box := sw.inbox().viewBox
	for _, o := range box.Options {
		if o == name {
			box.SetSelected(name)
			return
		}
	}
	t.Fatalf("no view %q; the list offers %q", name, box.Options)
}

// TestLabelFromTheContextMenuShowsInTheRow: the owner right-clicks a
// conversation, puts Paid on it from Labels ▸, and the row and the
// header show a Paid chip; the view "Label: Paid" lists only it.
func TestLabelFromTheContextMenuShowsInTheRow(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	sw.menu(t, "Anna Schmidt", menuLabels, "Paid")

	if !screentest.ShowsText(sw.row(t, "Anna Schmidt"), "Paid") {
		t.Errorf("Anna's row does not show Paid: %q", screentest.VisibleTexts(sw.row(t, "Anna Schmidt")))
	}
	if screentest.ShowsText(sw.row(t, "Ben"), "Paid") {
		t.Error("Ben's row shows Paid too")
	}
	v := sw.open(t, "Anna Schmidt")
	if !screentest.ShowsText(v.header.content, "Paid") {
		t.Errorf("the header does not show Paid: %q", screentest.VisibleTexts(v.header.content))
	}
	sw.chooseView(t, viewLabelPrefix+"Paid")
	if got := sw.shownNames(); len(got) != 1 || got[0] != "Anna Schmidt" {
		t.Errorf("the Paid view lists %q, want only Anna", got)
	}

	// Taken off from the header's checklist, it leaves the row.
	sw.chooseView(t, viewTextAll)
	test.Tap(v.header.labels)
	checklist := sw.Window.Canvas().Overlays().Top()
	tapLabelled(t, checklist, "Paid")
	if screentest.ShowsText(sw.row(t, "Anna Schmidt"), "Paid") || screentest.ShowsText(v.header.content, "Paid") {
		t.Error("Paid stays after unticking it in the header's checklist")
	}
	if cv, _ := sw.Core.Conversation(sw.Ctx, v.conv.ID); len(cv.Labels) != 0 {
		t.Errorf("the store keeps labels %v", cv.Labels)
	}
}

// TestViewsUnreadAndWaitingForReply: Unread lists the conversations with
// unread messages, Waiting for my reply those where the customer wrote
// last; answering takes one out of Waiting.
func TestViewsUnreadAndWaitingForReply(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	v := sw.open(t, "Anna Schmidt") // read
	sw.chooseView(t, viewTextUnread)
	if got := sw.shownNames(); len(got) != 2 {
		// Anna stays while open, so the list does not jump under the owner.
		t.Errorf("Unread lists %q, want Ben and the open Anna", got)
	}
	if err := v.env.core.MarkConversationRead(sw.Ctx, v.conv.ID); err != nil {
		t.Fatal(err)
	}
	sw.open(t, "Ben")
	sw.chooseView(t, viewTextAll)
	sw.chooseView(t, viewTextUnread)
	if got := sw.shownNames(); len(got) != 1 || got[0] != "Ben" {
		t.Errorf("Unread lists %q, want only the open Ben", got)
	}

	sw.chooseView(t, viewTextWaiting)
	if got := sw.shownNames(); len(got) != 2 {
		t.Fatalf("Waiting lists %q, want both customers", got)
	}
	sw.Clock.Advance(time.Minute)
	if _, err := sw.Core.SendText(sw.Ctx, sw.inbox().shown[sw.inbox().shownIndex(v.conv.ID)].ID, "Yes, come by at 4", ""); err != nil {
		t.Fatal(err)
	}
	if got := sw.shownNames(); len(got) != 1 || got[0] != "Ben" {
		t.Errorf("after answering Anna, Waiting lists %q, want only Ben", got)
	}
}

// TestArchiveHidesUntilTheCustomerWrites: archived from the context
// menu, a conversation leaves the list for the Archived view; the
// customer's next message brings it back.
func TestArchiveHidesUntilTheCustomerWrites(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	sw.menu(t, "Anna Schmidt", menuArchive)
	if got := sw.shownNames(); len(got) != 1 || got[0] != "Ben" {
		t.Fatalf("after archiving Anna the list shows %q", got)
	}
	sw.chooseView(t, viewTextArchived)
	if got := sw.shownNames(); len(got) != 1 || got[0] != "Anna Schmidt" {
		t.Fatalf("Archived lists %q, want Anna", got)
	}
	sw.chooseView(t, viewTextAll)
	sw.Clock.Advance(time.Minute)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hello?")
	if got := sw.shownNames(); len(got) != 2 || got[0] != "Anna Schmidt" {
		t.Errorf("after Anna wrote again the list shows %q, want her back on top", got)
	}
}

// TestPinnedComesFirstWithAPin: a pinned conversation leads the list
// with a pin, above newer ones, until unpinned.
func TestPinnedComesFirstWithAPin(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.Clock.Advance(time.Minute)
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	sw.menu(t, "Anna Schmidt", menuPin)
	if got := sw.shownNames(); got[0] != "Anna Schmidt" || !sw.row(t, "Anna Schmidt").pin.Visible() || sw.row(t, "Ben").pin.Visible() {
		t.Fatalf("after pinning Anna the list is %q, pin shown: %v", got, sw.row(t, "Anna Schmidt").pin.Visible())
	}
	sw.menu(t, "Anna Schmidt", menuUnpin)
	if got := sw.shownNames(); got[0] != "Ben" || sw.row(t, "Anna Schmidt").pin.Visible() {
		t.Errorf("after unpinning the list is %q", got)
	}
}

// TestMarkAsUnreadFromTheMenu: marked unread, a read conversation shows
// an unread count again.
func TestMarkAsUnreadFromTheMenu(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	sw.open(t, "Ben")
	sw.menu(t, "Anna Schmidt", menuMarkRead)
	sw.menu(t, "Ben", menuMarkUnread)
	if got := sw.inbox().shown; got[0].Unread != 1 || got[1].Unread != 0 {
		t.Errorf("unread counts %d (Ben), %d (Anna); want 1 and 0", got[0].Unread, got[1].Unread)
	}
}

// TestManageLabelsAddsAndRefusesATakenName: a label added in "Manage
// labels…" is offered at once; a taken name is explained at the field.
func TestManageLabelsAddsAndRefusesATakenName(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.menu(t, "Anna Schmidt", menuLabels, menuManageLabels)
	m := sw.inbox().manager
	if m == nil {
		t.Fatal("Manage labels did not open")
	}
	test.Type(m.newName, "Wholesale")
	m.onAdd()
	if _, ok := sw.inbox().labelNamed("Wholesale"); !ok || m.newName.Text != "" {
		t.Fatalf("Wholesale was not added (field %q, problem %q)", m.newName.Text, m.problem.Text)
	}
	test.Type(m.newName, "paid")
	m.onAdd()
	if !m.problem.Visible() || m.newName.Text != "paid" {
		t.Errorf("a second Paid: problem %q (shown %v), field %q kept", m.problem.Text, m.problem.Visible(), m.newName.Text)
	}
}

// TestChipTextReadsOnEveryLabelColour: on each colour of the palette, in
// the light and the dark theme, the chip's text has a contrast of at
// least 4.5:1 (WCAG AA).
func TestChipTextReadsOnEveryLabelColour(t *testing.T) {
	for _, c := range app.LabelColors {
		for _, dark := range []bool{false, true} {
			bg := labelShade(c, dark)
			if r := contrast(bg, chipTextOn(bg)); r < 4.5 {
				t.Errorf("%s (dark %v): contrast %.2f", c, dark, r)
			}
		}
	}
}

// TestEscClosesTheContextMenu: Esc (CloseOverlays) closes an open
// context menu and says so; with nothing open it says nothing was.
func TestEscClosesTheContextMenu(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	test.TapSecondary(sw.row(t, "Anna Schmidt"))
	if sw.Window.Canvas().Overlays().Top() == nil {
		t.Fatal("a right click opened no menu")
	}
	if !sw.shell.space.CloseOverlays() || sw.Window.Canvas().Overlays().Top() != nil {
		t.Error("Esc did not close the context menu")
	}
	if sw.shell.space.CloseOverlays() {
		t.Error("a second Esc says it closed something")
	}
}

// TestClickOnARowOpensItsConversation: a left click on a row opens the
// conversation. The row takes right clicks for its menu, and the window
// then hands it the left clicks as well.
func TestClickOnARowOpensItsConversation(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	sw.writes(t, benWAID, "Ben", "Do you have rye bread?")
	test.Tap(sw.row(t, "Anna Schmidt"))
	if v := sw.conv(t); conversationName(v.conv) != "Anna Schmidt" {
		t.Fatalf("the click opened %q", conversationName(v.conv))
	}
	test.Tap(sw.row(t, "Ben"))
	if v := sw.conv(t); conversationName(v.conv) != "Ben" {
		t.Errorf("the second click opened %q", conversationName(v.conv))
	}
}
