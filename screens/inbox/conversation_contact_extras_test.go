package inbox

import (
	"testing"

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
	if !v.conv.OptOut.Active() || !screentest.ShowsText(p.content, textAllowMarketing) {
		t.Fatalf("after Stop marketing the panel shows %q", screentest.VisibleTexts(p.content))
	}
	test.Tap(v.side.extras.toggle)
	if v.conv.OptOut.Active() || !screentest.ShowsText(p.content, "Receives marketing templates.") {
		t.Errorf("after Allow again the panel shows %q", screentest.VisibleTexts(p.content))
	}
}
