package channels

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens/screentest"
)

func TestChannelRowsSayWhetherMessagesArrive(t *testing.T) {
	last := time.Now().Add(-time.Minute)
	store := &screentest.FakeChannels{List: []app.Channel{
		{ID: 1, Name: "Bakery", PhoneNumber: "+4930123456", KeyState: app.KeyOK, LastEventAt: last},
		{ID: 2, Name: "Salon", PhoneNumber: "+4915112345678", KeyState: app.KeyOK},
		{ID: 3, Name: "Old shop", PhoneNumber: "+441632960961", Disconnected: true},
	}}
	_, p := openChannels(t, store)
	for _, want := range []string{
		"Receiving messages — last one " + eventTime(last, time.Now()),
		"Not receiving messages yet",
		"Disconnected — conversations kept",
		"Delete data", "Reconnect",
	} {
		if !screentest.ShowsText(p.Content, want) {
			t.Errorf("the list does not show %q; it shows %q", want, screentest.VisibleTexts(p.Content))
		}
	}
}

func TestEventTimeInWords(t *testing.T) {
	now := time.Date(2026, 11, 24, 15, 0, 0, 0, time.Local)
	cases := map[time.Time]string{
		time.Date(2026, 11, 24, 9, 5, 0, 0, time.Local):  "today at 09:05",
		time.Date(2026, 11, 23, 18, 3, 0, 0, time.Local): "yesterday at 18:03",
		time.Date(2026, 3, 2, 7, 0, 0, 0, time.Local):    "2 Mar at 07:00",
		time.Date(2025, 12, 31, 7, 0, 0, 0, time.Local):  "31 Dec 2025",
	}
	for at, want := range cases {
		if got := eventTime(at, now); got != want {
			t.Errorf("eventTime(%v) = %q, want %q", at, got, want)
		}
	}
}

func TestChannelRowShowsConnectionCheck(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	cw.shell.show(pageChannels)
	list := cw.shell.channels.Content
	if !screentest.ShowsText(list, "Connected") {
		t.Fatalf("a working channel is not shown connected: %q", screentest.VisibleTexts(list))
	}

	// 360dialog cannot be reached: shown when the page is shown again.
	cw.Emu.SetOffline(true)
	cw.shell.show(pageSpace)
	cw.shell.show(pageChannels)
	if !screentest.ShowsText(list, "Offline") {
		t.Fatalf("an unreachable 360dialog is not shown: %q", screentest.VisibleTexts(list))
	}

	// The key was revoked at 360dialog.
	cw.Emu.SetOffline(false)
	if err := persistence.NewKeyringSecrets().SetAPIKey(ch.ID, "REVOKED-123456789"); err != nil {
		t.Fatal(err)
	}
	cw.shell.show(pageSpace)
	cw.shell.show(pageChannels)
	if !screentest.ShowsText(list, "Key rejected") || !screentest.ShowsText(list, "rejected this channel's API key") {
		t.Fatalf("a revoked key is not shown: %q", screentest.VisibleTexts(list))
	}
	if screentest.ShowsText(list, "Connected") {
		t.Error("a channel with a revoked key is still shown connected")
	}

	// The owner enters the current key in Configure: the list follows.
	test.Tap(screentest.Button(t, list, "Configure"))
	page := cw.Window.Canvas().Content()
	if !screentest.ShowsText(page, "360dialog rejected this API key") {
		t.Errorf("Configure does not say the key was rejected: %q", screentest.VisibleTexts(page))
	}
	test.Tap(screentest.Button(t, page, "Edit connection…"))
	test.Tap(screentest.Button(t, topOverlay(t, cw), "Edit connection"))
	test.Type(keyEntries(page)[2], screentest.WorldKey)
	test.Tap(screentest.Button(t, page, "Done"))
	if !screentest.ShowsText(list, "Connected") || screentest.ShowsText(list, "rejected") {
		t.Errorf("after entering the current key the list shows %q", screentest.VisibleTexts(list))
	}
}

func TestSeveralChannelsAreListed(t *testing.T) {
	cw := newCoreWorld(t)
	cw.AddChannel(t)
	const salonKey = "SALONKEY-0123456789"
	cw.Emu.AddNumber(salonKey, "+4915112345678", "Salon Rosa")
	if _, err := cw.Core.AddChannel(cw.Ctx, app.NewChannel{Name: "Salon", Number: "+4915112345678", APIKey: salonKey}); err != nil {
		t.Fatal(err)
	}
	cw.shell.show(pageChannels)
	list := cw.shell.channels.Content
	for _, want := range []string{"Shop", "+49 30 123456", "Salon", "+49 1511 2345678"} {
		if !screentest.ShowsText(list, want) {
			t.Errorf("the list does not show %q: %q", want, screentest.VisibleTexts(list))
		}
	}
}
