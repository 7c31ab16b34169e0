package templates

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

// While 360dialog does not answer (the network is stalled), the window
// stays usable: Sync Templates returns at once with the sync shown as
// running and Cancel offered, and the result arrives when the network
// does.
func TestWindowStaysUsableWhileWhatsAppIsSlow(t *testing.T) {
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	ch := cw.AddChannel(t)
	finished := make(chan struct{}, 4)
	background := func(work func()) {
		go func() { work(); finished <- struct{}{} }()
	}
	w := test.NewTempWindow(t, nil)
	page := newTemplatesPage(env{Env: kit.Env{Window: w, Run: screentest.RunNow, Nav: &screentest.Nav{Stage: container.NewStack()}}, core: cw.Core}, ch)
	w.SetContent(page.content)
	w.Resize(screentest.WindowSize)
	page.reload()
	page.env.Run = background // from here on, as in the app

	release := cw.Emu.Hold()
	defer release()
	test.Tap(page.syncButton) // returns while 360dialog has not answered
	if !page.syncButton.Disabled() || !page.syncBusy.Visible() || !screentest.ShowsText(w.Content(), "Cancel") {
		t.Fatalf("during the stalled sync the page shows %q", screentest.VisibleTexts(w.Content()))
	}
	release()
	select {
	case <-finished:
	case <-time.After(30 * time.Second):
		t.Fatal("the sync did not finish after the network came back")
	}
	if page.syncButton.Disabled() || page.syncBusy.Visible() {
		t.Errorf("after the network came back the page shows %q", screentest.VisibleTexts(w.Content()))
	}
}
