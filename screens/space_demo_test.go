package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// newDemoOfferShell shows the shell as main builds it outside the demo:
// with a way to open the demo.
func newDemoOfferShell(t *testing.T, store app.ChannelStore, onTryDemo func()) *shell {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(w, Deps{Channels: store, Version: "9.9.9", OnTryDemo: onTryDemo}, uiPrefs{p: a.Preferences()}, screentest.RunNow)
	t.Cleanup(s.space.StopTimers) // its timer must not fire into a later test
	w.SetContent(s.content)
	w.Resize(defaultWindowSize)
	return s
}

func TestEmptySpaceOffersTheDemo(t *testing.T) {
	opened := 0
	s := newDemoOfferShell(t, &screentest.FakeChannels{}, func() { opened++ })
	c := s.space.Content // under the welcome, which the owner has left
	if !screentest.ShowsText(c, "Connect a WhatsApp number") || !screentest.ShowsText(c, "Try the demo") {
		t.Fatalf("the empty Space does not offer both ways in; it shows %q", screentest.VisibleTexts(c))
	}

	try := screentest.Button(t, c, "Try the demo")
	test.Tap(try)
	if opened != 1 {
		t.Fatalf("tapping Try the demo opened the demo %d times", opened)
	}
	if !try.Disabled() || try.Text != "Opening the demo…" {
		t.Errorf("after the tap the button reads %q (disabled %v); a second tap could open a second demo", try.Text, try.Disabled())
	}
	test.Tap(try)
	if opened != 1 {
		t.Errorf("a double click opened the demo %d times", opened)
	}
}

func TestDemoOfferOnlyWithoutChannels(t *testing.T) {
	store := &screentest.FakeChannels{List: []app.Channel{{ID: 1, Name: "Shop", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog}}}
	s := newDemoOfferShell(t, store, func() {})
	if screentest.ShowsText(s.space.Content, "Try the demo") {
		t.Errorf("the Space offers the demo although a channel is connected; it shows %q", screentest.VisibleTexts(s.space.Content))
	}
}

func TestDemoWorkspaceDoesNotOfferItself(t *testing.T) {
	_, w := newTestShell(t, &screentest.FakeChannels{}, true)
	if screentest.ShowsText(w.Content(), "Try the demo") {
		t.Errorf("the demo offers to open the demo; it shows %q", screentest.VisibleTexts(w.Content()))
	}
}
