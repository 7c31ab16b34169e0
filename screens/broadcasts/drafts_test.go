package broadcasts

import (
	"testing"

	"fyne.io/fyne/v2/test"
)

// An owner who leaves a new broadcast half done (to look something up in
// the Space, say) finds it as they left it when they come back to New
// broadcast; Discard, after asking, starts again from nothing.
func TestUnfinishedBroadcastWaitsForTheOwner(t *testing.T) {
	p, w := newWizard(t)
	toCompose(t, p, w)
	chosen := w.compose.picker.Selected
	w.compose.body[1].source.SetSelected(optionFixed)

	openList(p.env)
	if p.shows("Who gets this broadcast?") || p.shows("Values") {
		t.Fatal("the list still shows the new broadcast")
	}
	test.Tap(p.button(t, textContinueDraft))
	if got := p.env.wizard; got != w || w.step != stepCompose {
		t.Fatalf("coming back opened step %d of a new broadcast, want the message step of the one left", w.step)
	}
	if w.compose.picker.Selected != chosen || w.compose.body[1].source.Selected != optionFixed {
		t.Errorf("coming back lost the template (%q) or a value's source (%q)", w.compose.picker.Selected, w.compose.body[1].source.Selected)
	}
	if !p.shows("Hallo Anna") {
		t.Error("the preview of the message left is not shown again")
	}

	test.Tap(p.button(t, textDiscard))
	if !p.overlayShows(textDiscardAsk) {
		t.Fatal("Discard did not ask first")
	}
	test.Tap(p.overlayButton(t, "Discard"))
	fresh := p.env.wizard
	if fresh == w || fresh.step != stepAudience || fresh.audience.audience != nil {
		t.Error("after Discard the new broadcast did not start from nothing")
	}
	openList(p.env)
	test.Tap(p.button(t, textContinueDraft))
	if p.env.wizard != fresh {
		t.Error("the broadcast started after Discard is not kept either")
	}
}
