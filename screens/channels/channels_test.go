package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

func openChannels(t *testing.T, store app.ChannelStore) (*shell, *channelsPage) {
	t.Helper()
	s, _ := newTestShell(t, store, false)
	s.show(pageChannels)
	return s, s.channels
}

func TestChannelsEmptyStateOffersAddChannel(t *testing.T) {
	_, p := openChannels(t, &fakeChannels{})
	if !showsText(p.content, "No channels yet") {
		t.Fatalf("empty Channels page shows %q", visibleTexts(p.content))
	}
	added := 0
	p.OnAddChannel = func() { added++ }
	test.Tap(button(t, p.content, "Add Channel"))
	if added != 1 {
		t.Errorf("Add Channel ran the hook %d times, want once", added)
	}
}

func TestChannelIsListedWithNumberAndProvider(t *testing.T) {
	shop := app.Channel{ID: 7, Name: "Bakery Rosa", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog, KeyState: app.KeyOK}
	_, p := openChannels(t, &fakeChannels{channels: []app.Channel{shop}})

	for _, want := range []string{"Bakery Rosa", app.FormatPhone(shop.PhoneNumber), "360dialog WhatsApp", "Configure", "Profile", "Templates"} {
		if !showsText(p.content, want) {
			t.Errorf("the channel row does not show %q; the page shows %q", want, visibleTexts(p.content))
		}
	}
	if showsText(p.content, "No channels yet") {
		t.Error("the empty state is still shown beside a channel")
	}
	if showsText(p.content, "rejected") {
		t.Error("a channel with a good key is shown as rejected")
	}

	var configured, profiled, templated app.ChannelID
	p.OnConfigure = func(c app.Channel) { configured = c.ID }
	p.OnProfile = func(c app.Channel) { profiled = c.ID }
	p.OnTemplates = func(c app.Channel) { templated = c.ID }
	test.Tap(button(t, p.content, "Configure"))
	test.Tap(button(t, p.content, "Profile"))
	test.Tap(button(t, p.content, "Templates"))
	if configured != 7 || profiled != 7 || templated != 7 {
		t.Errorf("actions opened channels %d/%d/%d, want 7 each", configured, profiled, templated)
	}
	// With channels listed, Add Channel moves to the page heading.
	test.Tap(button(t, p.content, "Add Channel"))
}

func TestRejectedKeyIsPointedOut(t *testing.T) {
	ch := app.Channel{ID: 1, Name: "Salon", PhoneNumber: "+4915112345678", Provider: app.ProviderName360dialog, KeyState: app.KeyRejected}
	_, p := openChannels(t, &fakeChannels{channels: []app.Channel{ch}})
	if !showsText(p.content, "rejected this channel's API key") {
		t.Errorf("a rejected key is not pointed out; the page shows %q", visibleTexts(p.content))
	}
}

func TestNewChannelAppearsWhenPageIsShownAgain(t *testing.T) {
	store := &fakeChannels{}
	s, p := openChannels(t, store)
	store.CreateChannel(t.Context(), app.Channel{Name: "Second shop", PhoneNumber: "+441632960961", Provider: app.ProviderName360dialog})
	s.show(pageSpace)
	s.show(pageChannels)
	if !showsText(p.content, "Second shop") {
		t.Errorf("a channel added meanwhile is missing; the page shows %q", visibleTexts(p.content))
	}
}

func TestLoadFailureIsExplainedAndRetried(t *testing.T) {
	store := &fakeChannels{err: errDiskGone}
	_, p := openChannels(t, store)
	if !showsText(p.content, "Parley could not read your channels") || !showsText(p.content, "disk I/O error") {
		t.Fatalf("a failed load is not explained; the page shows %q", visibleTexts(p.content))
	}
	if showsText(p.content, "No channels yet") {
		t.Error("a failed load claims there are no channels")
	}

	store.mu.Lock()
	store.err = nil
	store.channels = []app.Channel{{ID: 1, Name: "Back again", PhoneNumber: "+4930123456"}}
	store.mu.Unlock()
	test.Tap(button(t, p.content, "Try again"))
	if !showsText(p.content, "Back again") || showsText(p.content, "could not read") {
		t.Errorf("Try again did not load the channels; the page shows %q", visibleTexts(p.content))
	}
}

func TestPlaceholderActionsExplainThemselves(t *testing.T) {
	s, p := openChannels(t, &fakeChannels{})
	test.Tap(button(t, p.content, "Add Channel"))
	top := s.channels.window.Canvas().Overlays().Top()
	if top == nil || !showsText(top, "on its way") {
		t.Fatalf("Add Channel without the wizard shows no explanation")
	}
}
