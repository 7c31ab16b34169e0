package screens

import (
	"image/png"
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/screentest"
)

// healthWorld is a connected number whose webhooks reach the core, with
// the desktop notifications the health banner posts counted.
func healthWorld(t *testing.T) (*coreWorld, *[]*fyne.Notification) {
	t.Helper()
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	cw.Receive(t, ch)
	var sent []*fyne.Notification
	cw.shell.health.notify = func(n *fyne.Notification) { sent = append(sent, n) }
	return cw, &sent
}

// deliverHealth flushes the emulator's webhooks into the core.
func deliverHealth(t *testing.T, cw *coreWorld) {
	t.Helper()
	if err := cw.Emu.Flush(cw.Ctx); err != nil {
		t.Fatal(err)
	}
}

// WhatsApp lowers the number's rating to yellow: every page says so at
// the top with what it means and what to do, the owner gets exactly one
// notification (not one per webhook), and the channel's row shows the
// rating and the messaging limit. OK hides the banner; a further drop to
// red shows it again and notifies once more.
func TestQualityDowngradeShowsBannerAndOneNotification(t *testing.T) {
	cw, sent := healthWorld(t)
	content := cw.Window.Content()
	if screentest.ShowsText(content, "quality rating") {
		t.Fatal("a health banner before any report")
	}
	if err := cw.Emu.QualityChanges(screentest.WorldKey, "YELLOW", "TIER_1K"); err != nil {
		t.Fatal(err)
	}
	deliverHealth(t, cw)
	texts := strings.Join(screentest.VisibleTexts(content), " | ")
	if !strings.Contains(texts, "Your number's quality rating is medium (yellow)") ||
		!strings.Contains(texts, "Customers have been blocking or reporting your messages. Send fewer marketing messages") {
		t.Fatalf("after the downgrade the window shows %q", texts)
	}
	if len(*sent) != 1 || (*sent)[0].Title != "Your number's quality rating is medium (yellow)" ||
		!strings.Contains((*sent)[0].Content, "only to customers who asked") {
		t.Fatalf("notifications %+v, want one about the yellow rating", *sent)
	}
	// The same report again (WhatsApp retries) is no news.
	if err := cw.Emu.QualityChanges(screentest.WorldKey, "YELLOW", "TIER_1K"); err != nil {
		t.Fatal(err)
	}
	deliverHealth(t, cw)
	if len(*sent) != 1 {
		t.Fatalf("%d notifications after the same report again, want 1", len(*sent))
	}

	cw.shell.show(pageChannels)
	content = cw.Window.Content()
	for _, want := range []string{"Quality: medium (yellow)", "Limit: 1,000 customers a day"} {
		if !screentest.ShowsText(content, want) {
			t.Errorf("the channel row does not show %q: %q", want, screentest.VisibleTexts(content))
		}
	}
	if os.Getenv("PARLEY_SCREENSHOT_DIR") != "" {
		saveScreenshot(t, cw.Window, "health-yellow.png")
	}

	test.Tap(screentest.Button(t, content, textHealthOK))
	if screentest.ShowsText(content, "Your number's quality rating") {
		t.Fatal("the banner stays after OK")
	}
	if !screentest.ShowsText(content, "Quality: medium (yellow)") {
		t.Error("OK also hid the rating on the channel's row")
	}
	if err := cw.Emu.QualityChanges(screentest.WorldKey, "RED", "TIER_250"); err != nil {
		t.Fatal(err)
	}
	deliverHealth(t, cw)
	if !screentest.ShowsText(content, "Your number's quality rating is low (red)") || len(*sent) != 2 {
		t.Fatalf("after the drop to red: %d notifications, window %q", len(*sent), screentest.VisibleTexts(content))
	}
	// Recovery: the banner goes, with no notification.
	if err := cw.Emu.QualityChanges(screentest.WorldKey, "GREEN", "TIER_250"); err != nil {
		t.Fatal(err)
	}
	deliverHealth(t, cw)
	if screentest.ShowsText(content, "Your number's quality rating") || len(*sent) != 2 {
		t.Fatalf("after the recovery: %d notifications, window %q", len(*sent), screentest.VisibleTexts(content))
	}
	if !screentest.ShowsText(content, "Quality: high (green)") {
		t.Errorf("the row does not show the recovered rating: %q", screentest.VisibleTexts(content))
	}
}

// A restriction explains itself: what is blocked, until when, and what
// to do; the row says it too.
func TestRestrictionShowsItsExplanation(t *testing.T) {
	cw, sent := healthWorld(t)
	if err := cw.Emu.AccountRestricted(screentest.WorldKey, "RESTRICTED_BIZ_INITIATED_MESSAGING", 7); err != nil {
		t.Fatal(err)
	}
	deliverHealth(t, cw)
	until := cw.Core.Now().AddDate(0, 0, 7).Format("2 January 2006")
	want := "WhatsApp restricted this account until " + until + ": starting conversations"
	content := cw.Window.Content()
	texts := strings.Join(screentest.VisibleTexts(content), " | ")
	if !strings.Contains(texts, want) || !strings.Contains(texts, "reply to customers who write to you") {
		t.Fatalf("the window shows %q, want %q and what to do", texts, want)
	}
	if len(*sent) != 1 || (*sent)[0].Title != want {
		t.Fatalf("notifications %+v, want one saying %q", *sent, want)
	}
	cw.shell.show(pageChannels)
	var onRow int
	for _, s := range screentest.VisibleTexts(cw.Window.Content()) {
		if strings.Contains(s, want) {
			onRow++
		}
	}
	if onRow != 2 { // the banner and the row
		t.Errorf("the restriction is shown %d times, want on the banner and the row", onRow)
	}
}

// saveScreenshot writes what the window shows to PARLEY_SCREENSHOT_DIR.
func saveScreenshot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	// A resize lays out what was shown since the last one.
	w.Resize(defaultWindowSize.AddWidthHeight(1, 1))
	w.Resize(defaultWindowSize)
	img := w.Canvas().Capture()
	f, err := os.Create(os.Getenv("PARLEY_SCREENSHOT_DIR") + "/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
