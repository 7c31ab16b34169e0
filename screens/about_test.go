package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/screentest"
)

func TestVersionButtonOpensAbout(t *testing.T) {
	s, w := newTestShell(t, &screentest.FakeChannels{}, false)
	s.welcome.dismiss()
	test.Tap(screentest.Button(t, w.Content(), "Parley 9.9.9"))

	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("tapping the version opened nothing")
	}
	for _, want := range []string{textAboutTitle, "Version 9.9.9", "WhatsApp Business inbox", "360dialog", "Quit Parley"} {
		if !screentest.ShowsText(top, want) {
			t.Errorf("About does not show %q; it shows %q", want, screentest.VisibleTexts(top))
		}
	}

	test.Tap(screentest.Button(t, top, "Close"))
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Close left the About dialog open")
	}
}

// Quit Parley in About stops Parley for real (closing the window only
// hides it), and says what quitting means.
func TestAboutQuitsParley(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	ab := newAbout(w, nil, "9.9.9", "Parley 9.9.9")
	quits := 0
	ab.quit = func() { quits++ }
	w.SetContent(ab.over(widget.NewLabel("navigation")))
	w.Resize(defaultWindowSize)

	test.Tap(ab.button)
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("tapping the version opened nothing")
	}
	if !screentest.ShowsText(top, textAboutQuit) {
		t.Errorf("About does not say what quitting does; it shows %q", screentest.VisibleTexts(top))
	}
	test.Tap(screentest.Button(t, top, "Quit Parley"))
	if quits != 1 {
		t.Errorf("Quit Parley quit %d times, want 1", quits)
	}
}
