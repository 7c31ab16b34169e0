package inbox

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/screentest"
)

// TestContactPanelShowsLabelsAndOptOut: the contact panel shows the
// conversation's labels as the owner sets them, and whether the customer
// receives marketing; its button stops and allows marketing again.
func TestContactPanelShowsLabelsAndOptOut(t *testing.T) {
	sw := newSpaceWorld(t)
	v, p := openPanel(t, sw)
	if !screentest.ShowsText(p.content, "No labels yet") || !screentest.ShowsText(p.content, "Receives marketing templates.") {
		t.Fatalf("a fresh contact's panel shows %q", screentest.VisibleTexts(p.content))
	}

	sw.menu(t, "Anna Schmidt", menuLabels, "Paid")
	if !screentest.ShowsText(p.content, "Paid") || screentest.ShowsText(p.content, "No labels yet") {
		t.Errorf("after labelling Anna Paid the panel shows %q", screentest.VisibleTexts(p.content))
	}

	test.Tap(v.side.extras.toggle)
	if !v.conv.OptOut.Active() || !screentest.ShowsText(p.content, textPanelAllowMarketing) {
		t.Fatalf("after Stop marketing the panel shows %q", screentest.VisibleTexts(p.content))
	}
	test.Tap(v.side.extras.toggle)
	if v.conv.OptOut.Active() || !screentest.ShowsText(p.content, "Receives marketing templates.") {
		t.Errorf("after Allow again the panel shows %q", screentest.VisibleTexts(p.content))
	}
}

// TestContactPanelNeverWidensTheWindow: opening the panel asks for no
// more room than the conversation, so a window at its size does not grow
// past the screen; the panel lies over the conversation when both do not
// fit, and beside it when they do.
func TestContactPanelNeverWidensTheWindow(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	v := sw.open(t, "Anna Schmidt")
	before := v.content.MinSize()
	test.Tap(v.side.info)
	if got := v.side.panel.body.MinSize().Width; got > contactPanelWidth-20 { // its padding and scroll bar
		t.Errorf("the panel's fields need %v, more than its width %v", got, contactPanelWidth)
	}
	if got := v.content.MinSize(); got.Width > before.Width {
		t.Fatalf("the panel widens the conversation from %v to %v", before.Width, got.Width)
	}
	conv := v.content.(*fyne.Container).Objects[0]
	narrow := fyne.NewSize(before.Width, 600)
	v.content.Resize(narrow)
	if conv.Size().Width != narrow.Width || v.side.slot.Position().X+v.side.slot.Size().Width != narrow.Width {
		t.Errorf("narrow: conversation %v, panel at %v size %v", conv.Size(), v.side.slot.Position(), v.side.slot.Size())
	}
	wide := fyne.NewSize(before.Width+contactPanelWidth+50, 600)
	v.content.Resize(wide)
	if conv.Size().Width+v.side.slot.Size().Width != wide.Width {
		t.Errorf("wide: conversation %v and panel %v do not share the width %v", conv.Size().Width, v.side.slot.Size().Width, wide.Width)
	}
}
