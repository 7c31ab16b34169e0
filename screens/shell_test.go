package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

func TestFirstStartShowsEmptySpace(t *testing.T) {
	s, w := newTestShell(t, &screentest.FakeChannels{}, false)
	c := w.Content()
	for _, want := range []string{"Space", "No messages yet", "Once a channel is connected,\ncustomer messages appear here.", "Channels", "Parley 9.9.9"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("first start does not show %q; it shows %q", want, screentest.VisibleTexts(c))
		}
	}
	if s.current != pageSpace {
		t.Errorf("first page is %q, want the Space", s.current)
	}
	if screentest.ShowsText(c, "Demo workspace") {
		t.Error("a normal workspace says it is the demo")
	}
}

func TestSpaceLeadsToChannelsWhenNoneIsConnected(t *testing.T) {
	s, w := newTestShell(t, &screentest.FakeChannels{}, false)
	test.Tap(screentest.Button(t, w.Content(), "Connect a WhatsApp number"))
	if s.current != pageChannels {
		t.Fatalf("after tapping Connect the page is %q, want Channels", s.current)
	}
	if !screentest.ShowsText(w.Content(), "No channels yet") {
		t.Errorf("the Channels page does not say it is empty; it shows %q", screentest.VisibleTexts(w.Content()))
	}
	screentest.Button(t, w.Content(), "Add Channel")
}

func TestNavigationSwitchesPagesAndIsRemembered(t *testing.T) {
	s, w := newTestShell(t, &screentest.FakeChannels{}, false)
	s.nav.sections[1].list.Select(0) // the owner clicks Settings → Channels
	if !screentest.ShowsText(w.Content(), "The WhatsApp numbers connected to Parley") {
		t.Fatalf("clicking Channels did not open it; the screen shows %q", screentest.VisibleTexts(w.Content()))
	}
	if screentest.ShowsText(w.Content(), "No messages yet") {
		t.Error("the Space is still on screen beside Channels")
	}

	// The next start opens on the page the owner left.
	again := newShell(w, Deps{Channels: &screentest.FakeChannels{}}, s.prefs, screentest.RunNow)
	if again.current != pageChannels {
		t.Errorf("after a restart the page is %q, want Channels", again.current)
	}

	s.nav.sections[0].list.Select(0) // back to the Space
	if !screentest.ShowsText(w.Content(), "No messages yet") {
		t.Errorf("clicking Space did not open it; the screen shows %q", screentest.VisibleTexts(w.Content()))
	}
}

func TestSpaceWithChannelsHidesConnectButton(t *testing.T) {
	store := &screentest.FakeChannels{List: []app.Channel{{ID: 1, Name: "Shop", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog}}}
	_, w := newTestShell(t, store, false)
	if screentest.ShowsText(w.Content(), "Connect a WhatsApp number") {
		t.Error("the Space offers to connect a number although one is connected")
	}
	if !screentest.ShowsText(w.Content(), "No messages yet") || !screentest.ShowsText(w.Content(), "When a customer writes to one of your numbers") {
		t.Errorf("the Space does not say messages will come; it shows %q", screentest.VisibleTexts(w.Content()))
	}
}

func TestDemoWorkspaceSaysSo(t *testing.T) {
	_, w := newTestShell(t, &screentest.FakeChannels{}, true)
	if !screentest.ShowsText(w.Content(), "Demo workspace") || !screentest.ShowsText(w.Content(), "Parley 9.9.9 · demo") {
		t.Errorf("the demo workspace does not say it is one; it shows %q", screentest.VisibleTexts(w.Content()))
	}
}

// A channel's page gets a context from the navigation that ends when the
// owner leaves it, whichever way: another page, or the sidebar.
func TestLeavingAPageEndsItsContext(t *testing.T) {
	s, _ := newTestShell(t, &screentest.FakeChannels{}, false)
	first := s.Show(widget.NewLabel("Configure"))
	second := s.Show(widget.NewLabel("Templates"))
	if first.Err() == nil {
		t.Error("the page left for another still has a live context")
	}
	s.show(pageSpace)
	if second.Err() == nil {
		t.Error("the page left through the sidebar still has a live context")
	}
}
