package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// newWelcomeShell starts the shell as main does outside the demo, on the
// given preferences, so a second call is the next start of the app.
func newWelcomeShell(t *testing.T, prefs fyne.Preferences, store app.ChannelStore, demo bool, onTryDemo func()) *shell {
	t.Helper()
	w := test.NewTempWindow(t, nil)
	s := newShell(w, Deps{Channels: store, Version: "9.9.9", Demo: demo, OnTryDemo: onTryDemo}, uiPrefs{p: prefs}, screentest.RunNow)
	t.Cleanup(s.space.StopTimers) // its timer must not fire into a later test
	w.SetContent(s.content)
	w.Resize(defaultWindowSize)
	return s
}

func TestWelcomeGreetsTheOwnerOnFirstStart(t *testing.T) {
	a := test.NewTempApp(t)
	s := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, false, func() {})
	if !s.welcome.content.Visible() {
		t.Fatal("the first start with no channel shows no welcome")
	}
	c := s.welcome.content
	for _, want := range []string{textWelcomeTitle, "Parley lets you answer the WhatsApp messages", "Add my WhatsApp channel", "Try the demo"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("the welcome does not show %q; it shows %q", want, screentest.VisibleTexts(c))
		}
	}
}

func TestWelcomeAddChannelOpensTheWizardOverChannels(t *testing.T) {
	cw := newCoreWorld(t)
	if !cw.shell.welcome.content.Visible() {
		t.Fatal("the first start with no channel shows no welcome")
	}
	test.Tap(screentest.Button(t, cw.shell.welcome.content, "Add my WhatsApp channel"))

	if cw.shell.welcome.content.Visible() {
		t.Error("the welcome stays over the wizard")
	}
	top := cw.Window.Canvas().Overlays().Top()
	if top == nil || !screentest.ShowsText(top, "Step 1 of 5") {
		t.Fatalf("Add my WhatsApp channel did not open the Add Channel wizard; the window shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
	if cw.shell.current != pageChannels {
		t.Errorf("behind the wizard the page is %q, want Channels, where the new channel will be listed", cw.shell.current)
	}
}

func TestWelcomeTryDemoOpensTheDemoOnce(t *testing.T) {
	a := test.NewTempApp(t)
	opened := 0
	s := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, false, func() { opened++ })
	test.Tap(screentest.Button(t, s.welcome.content, "Try the demo"))
	if opened != 1 {
		t.Fatalf("Try the demo opened the demo %d times, want once", opened)
	}
	if s.welcome.content.Visible() {
		t.Error("the welcome stays on screen after opening the demo")
	}
	if try := screentest.Button(t, s.space.Content, "Opening the demo…"); !try.Disabled() {
		t.Error("the Space offers the demo again at once; a second tap would open a second window")
	}
}

func TestWelcomeIsNotShownAgainOnceLeft(t *testing.T) {
	a := test.NewTempApp(t)
	first := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, false, func() {})
	test.Tap(screentest.Button(t, first.welcome.content, "Look around first"))
	if first.welcome.content.Visible() {
		t.Fatal("Look around first left the welcome on screen")
	}
	if !screentest.ShowsText(first.content, "No messages yet") {
		t.Errorf("after the welcome the Space is not shown; the window shows %q", screentest.VisibleTexts(first.content))
	}

	next := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, false, func() {})
	if next.welcome.content.Visible() {
		t.Error("the welcome came back on the next start")
	}
}

func TestWelcomeIsNotShownWithChannelsOrInTheDemo(t *testing.T) {
	a := test.NewTempApp(t)
	store := &screentest.FakeChannels{List: []app.Channel{{ID: 1, Name: "Shop", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog}}}
	if s := newWelcomeShell(t, a.Preferences(), store, false, func() {}); s.welcome.content.Visible() {
		t.Error("the welcome is shown although a channel is connected")
	}
	if s := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, true, nil); s.welcome.content.Visible() {
		t.Error("the welcome is shown in the demo workspace")
	}
}

func TestWelcomeStepsAsideForTheFirstChannel(t *testing.T) {
	cw := newCoreWorld(t)
	if !cw.shell.welcome.content.Visible() {
		t.Fatal("the first start with no channel shows no welcome")
	}
	cw.AddChannel(t) // e.g. from a second window, or the wizard
	if cw.shell.welcome.content.Visible() {
		t.Error("the welcome stays over the window although a channel now exists")
	}
}

func TestWelcomeWithoutDemoOffersOnlyTheChannel(t *testing.T) {
	a := test.NewTempApp(t)
	s := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, false, nil)
	if !s.welcome.content.Visible() || !screentest.ShowsText(s.welcome.content, "Add my WhatsApp channel") {
		t.Fatalf("the welcome does not offer to add a channel; it shows %q", screentest.VisibleTexts(s.welcome.content))
	}
	if screentest.ShowsText(s.welcome.content, "Try the demo") {
		t.Error("the welcome offers a demo that cannot be opened")
	}
}

func TestWelcomeKeepsClicksFromThePageBehind(t *testing.T) {
	a := test.NewTempApp(t)
	s := newWelcomeShell(t, a.Preferences(), &screentest.FakeChannels{}, false, func() {})
	c := fyne.CurrentApp().Driver().CanvasForObject(s.content)
	channels := s.nav.sections[1].list
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(channels).Add(fyne.NewPos(20, 10))
	test.TapCanvas(c, at) // where "Channels" is, under the welcome
	if s.current != pageSpace || !s.welcome.content.Visible() {
		t.Errorf("a click on the welcome reached the navigation behind it (page %q)", s.current)
	}

	skip := s.welcome.skip
	test.TapCanvas(c, fyne.CurrentApp().Driver().AbsolutePositionForObject(skip).Add(fyne.NewPos(5, 5)))
	if s.welcome.content.Visible() {
		t.Error("a click on Look around first did not leave the welcome")
	}
}
