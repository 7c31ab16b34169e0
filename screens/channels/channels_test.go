package channels

import (
	"fyne.io/fyne/v2"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

func TestChannelsEmptyStateOffersAddChannel(t *testing.T) {
	_, p := openChannels(t, &screentest.FakeChannels{})
	if !screentest.ShowsText(p.Content, "No channels yet") {
		t.Fatalf("empty Channels page shows %q", screentest.VisibleTexts(p.Content))
	}
	added := 0
	p.OnAddChannel = func() { added++ }
	test.Tap(screentest.Button(t, p.Content, "Add Channel"))
	if added != 1 {
		t.Errorf("Add Channel ran the hook %d times, want once", added)
	}
}

func TestChannelIsListedWithNumberAndProvider(t *testing.T) {
	shop := app.Channel{ID: 7, Name: "Bakery Rosa", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog, KeyState: app.KeyOK}
	_, p := openChannels(t, &screentest.FakeChannels{List: []app.Channel{shop}})

	for _, want := range []string{"Bakery Rosa", app.FormatPhone(shop.PhoneNumber), "360dialog WhatsApp", "Configure", "Profile", "Templates"} {
		if !screentest.ShowsText(p.Content, want) {
			t.Errorf("the channel row does not show %q; the page shows %q", want, screentest.VisibleTexts(p.Content))
		}
	}
	if screentest.ShowsText(p.Content, "No channels yet") {
		t.Error("the empty state is still shown beside a channel")
	}
	if screentest.ShowsText(p.Content, "rejected") {
		t.Error("a channel with a good key is shown as rejected")
	}

	var configured, profiled, templated app.ChannelID
	p.OnConfigure = func(c app.Channel) { configured = c.ID }
	p.OnProfile = func(c app.Channel) { profiled = c.ID }
	p.OnTemplates = func(c app.Channel) { templated = c.ID }
	test.Tap(screentest.Button(t, p.Content, "Configure"))
	test.Tap(screentest.Button(t, p.Content, "Profile"))
	test.Tap(screentest.Button(t, p.Content, "Templates"))
	if configured != 7 || profiled != 7 || templated != 7 {
		t.Errorf("actions opened channels %d/%d/%d, want 7 each", configured, profiled, templated)
	}
	// With channels listed, Add Channel moves to the page heading.
	test.Tap(screentest.Button(t, p.Content, "Add Channel"))
}

func TestRejectedKeyIsPointedOut(t *testing.T) {
	ch := app.Channel{ID: 1, Name: "Salon", PhoneNumber: "+4915112345678", Provider: app.ProviderName360dialog, KeyState: app.KeyRejected}
	_, p := openChannels(t, &screentest.FakeChannels{List: []app.Channel{ch}})
	if !screentest.ShowsText(p.Content, "rejected this channel's API key") {
		t.Errorf("a rejected key is not pointed out; the page shows %q", screentest.VisibleTexts(p.Content))
	}
}

func TestNewChannelAppearsWhenPageIsShownAgain(t *testing.T) {
	store := &screentest.FakeChannels{}
	s, p := openChannels(t, store)
	store.CreateChannel(t.Context(), app.Channel{Name: "Second shop", PhoneNumber: "+441632960961", Provider: app.ProviderName360dialog})
	s.show(pageSpace)
	s.show(pageChannels)
	if !screentest.ShowsText(p.Content, "Second shop") {
		t.Errorf("a channel added meanwhile is missing; the page shows %q", screentest.VisibleTexts(p.Content))
	}
}

func TestLoadFailureIsExplainedAndRetried(t *testing.T) {
	store := &screentest.FakeChannels{Err: screentest.ErrDiskGone}
	_, p := openChannels(t, store)
	if !screentest.ShowsText(p.Content, "Parley could not read your channels") || !screentest.ShowsText(p.Content, "disk I/O error") {
		t.Fatalf("a failed load is not explained; the page shows %q", screentest.VisibleTexts(p.Content))
	}
	if screentest.ShowsText(p.Content, "No channels yet") {
		t.Error("a failed load claims there are no channels")
	}

	store.Mu.Lock()
	store.Err = nil
	store.List = []app.Channel{{ID: 1, Name: "Back again", PhoneNumber: "+4930123456"}}
	store.Mu.Unlock()
	test.Tap(screentest.Button(t, p.Content, "Try again"))
	if !screentest.ShowsText(p.Content, "Back again") || screentest.ShowsText(p.Content, "could not read") {
		t.Errorf("Try again did not load the channels; the page shows %q", screentest.VisibleTexts(p.Content))
	}
}

func TestPlaceholderActionsExplainThemselves(t *testing.T) {
	s, p := openChannels(t, &screentest.FakeChannels{})
	test.Tap(screentest.Button(t, p.Content, "Add Channel"))
	top := s.channels.window.Canvas().Overlays().Top()
	if top == nil || !screentest.ShowsText(top, "on its way") {
		t.Fatalf("Add Channel without the wizard shows no explanation")
	}
}

// In a window 900 points wide (the page beside the navigation column),
// every action of a channel is within reach: none is cut off at the
// right edge.
func TestChannelActionsFitANarrowWindow(t *testing.T) {
	shop := app.Channel{ID: 7, Name: "Bäckerei Sonnenschein am Marktplatz", PhoneNumber: "+493023125100",
		Provider: app.ProviderName360dialog, KeyState: app.KeyOK}
	_, p := openChannels(t, &screentest.FakeChannels{List: []app.Channel{shop}})
	p.OnBroadcasts = func(app.Channel) {}
	p.Reload()
	const pageWidth = 900 - 224
	fyne.CurrentApp().Driver().AllWindows()[0].Resize(fyne.NewSize(pageWidth, 640))
	d := fyne.CurrentApp().Driver()
	for _, name := range []string{"Configure", "Profile", "Templates", "Broadcasts"} {
		b := screentest.Button(t, p.Content, name)
		if right := d.AbsolutePositionForObject(b).X + b.Size().Width; right > pageWidth {
			t.Errorf("%s ends at %v, beyond the window's %v", name, right, float32(pageWidth))
		}
	}
}
