package screens

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// stayNav is a navigator for a page shown on its own.
type stayNav struct{}

func (stayNav) showDetail(fyne.CanvasObject) {}
func (stayNav) backToChannels()              {}

// While 360dialog does not answer (the network is stalled), the window
// stays usable: Sync Templates returns at once with the sync shown as
// running and Cancel offered, and the result arrives when the network
// does.
func TestWindowStaysUsableWhileWhatsAppIsSlow(t *testing.T) {
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	ch := cw.addChannel(t)
	finished := make(chan struct{}, 4)
	background := func(work func()) {
		go func() { work(); finished <- struct{}{} }()
	}
	w := test.NewTempWindow(t, nil)
	page := newTemplatesPage(env{window: w, core: cw.core, run: runNow, nav: stayNav{}}, ch)
	w.SetContent(page.content)
	w.Resize(defaultWindowSize)
	page.reload()
	page.env.run = background // from here on, as in the app

	release := cw.emu.Hold()
	defer release()
	test.Tap(page.syncButton) // returns while 360dialog has not answered
	if !page.syncButton.Disabled() || !page.syncBusy.Visible() || !showsText(w.Content(), "Cancel") {
		t.Fatalf("during the stalled sync the page shows %q", visibleTexts(w.Content()))
	}
	release()
	select {
	case <-finished:
	case <-time.After(30 * time.Second):
		t.Fatal("the sync did not finish after the network came back")
	}
	if page.syncButton.Disabled() || page.syncBusy.Visible() {
		t.Errorf("after the network came back the page shows %q", visibleTexts(w.Content()))
	}
}
