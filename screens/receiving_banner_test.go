package screens

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// published is what the ReceivingKeeper publishes when a channel's
// state changes (its own tests check when it does).
func published(cw *coreWorld, r app.ChannelReceiving) {
	cw.Core.Events().Publish(app.Event{Kind: app.EventReceivingChanged, ChannelID: r.ChannelID, Receiving: &r})
}

// When messages stop arriving the window says so on every page, why in
// plain words, and offers the fix; the owner gets one notification. When
// they arrive again, the banner says which messages waited and that they
// are being delivered now, until the owner dismisses it.
func TestReceivingBannerTellsOfAnOutageAndItsEnd(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	content := cw.Window.Content()
	if screentest.ShowsText(content, textNotReceiving) {
		t.Fatal("a banner before any check")
	}
	from := time.Date(2026, 12, 3, 9, 12, 0, 0, time.Local)
	down := app.ChannelReceiving{ChannelID: ch.ID, State: app.ReceivingDown, Problem: app.ErrTunnelTokenMissing, DownSince: from, CheckedAt: from}
	test.AssertNotificationSent(t, fyne.NewNotification(textNotReceiving, app.Explain(app.ErrTunnelTokenMissing)), func() { published(cw, down) })
	texts := strings.Join(screentest.VisibleTexts(content), " | ")
	if !strings.Contains(texts, textNotReceiving+" since ") || !strings.Contains(texts, "paste your ngrok token") {
		t.Fatalf("during the outage the window shows %q", texts)
	}
	test.Tap(screentest.Button(t, content, textFixReceiving))
	if !screentest.ShowsText(content, "Receiving messages") {
		t.Errorf("Fix… did not open the channel's settings: %q", screentest.VisibleTexts(content))
	}

	to := from.Add(28 * time.Minute)
	published(cw, app.ChannelReceiving{ChannelID: ch.ID, State: app.ReceivingOK, CheckedAt: to, Recovered: &app.Outage{From: from, To: to}})
	texts = strings.Join(screentest.VisibleTexts(content), " | ")
	if strings.Contains(texts, textNotReceiving) || !strings.Contains(texts, "Messages sent between 09:12 and 09:40 are being delivered now.") {
		t.Fatalf("after the outage the window shows %q", texts)
	}
	test.Tap(screentest.Button(t, content, textDismissReceiving))
	if screentest.ShowsText(content, textReceivingAgain) {
		t.Error("the note stays after OK")
	}
}

// While messages do not arrive, the tray icon is greyed with a red mark,
// with the unread count still on it.
func TestTrayIconShowsThatMessagesDoNotArrive(t *testing.T) {
	icon := plainIcon(t)
	if got := trayIcon(icon, 0, false); got != icon {
		t.Error("the plain icon changed with nothing to show")
	}
	down := trayIcon(icon, 3, true)
	if down == icon || !strings.Contains(down.Name(), "not-receiving") || !hasBadge(t, down) {
		t.Errorf("not receiving with 3 unread: %s (badge %v)", down.Name(), hasBadge(t, down))
	}
}

// While a channel is down the tray icon is greyed with a red mark, and it
// is plain again once messages arrive.
func TestTrayShowsAnOutage(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	desk := &fakeDesktop{App: fyne.CurrentApp()}
	tray := installTray(desk, cw.Window, Deps{Core: cw.Core, Icon: plainIcon(t)}, uiPrefs{p: desk.Preferences()}, screentest.RunNow, func() bool { return true })
	cw.shell.linkTray(tray)
	from := cw.Core.Now()
	published(cw, app.ChannelReceiving{ChannelID: ch.ID, State: app.ReceivingDown, Problem: app.ErrTunnelClosed, DownSince: from})
	if !strings.Contains(desk.icon.Name(), "not-receiving") {
		t.Fatalf("during an outage the tray icon is %s", desk.icon.Name())
	}
	published(cw, app.ChannelReceiving{ChannelID: ch.ID, State: app.ReceivingOK, Recovered: &app.Outage{From: from, To: from.Add(time.Minute)}})
	if strings.Contains(desk.icon.Name(), "not-receiving") {
		t.Errorf("after the outage the tray icon is %s", desk.icon.Name())
	}
}
