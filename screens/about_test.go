package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

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
	for _, want := range []string{textAboutTitle, "Version 9.9.9", "WhatsApp Business inbox", "360dialog"} {
		if !screentest.ShowsText(top, want) {
			t.Errorf("About does not show %q; it shows %q", want, screentest.VisibleTexts(top))
		}
	}

	test.Tap(screentest.Button(t, top, "Close"))
	if w.Canvas().Overlays().Top() != nil {
		t.Error("Close left the About dialog open")
	}
}
