package screens

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// fakeDesktop is the test app with a system tray that records what it
// was given, the notifications it posted and whether it quit.
type fakeDesktop struct {
	fyne.App
	menu   *fyne.Menu
	icon   fyne.Resource
	window fyne.Window
	told   []*fyne.Notification
	quits  int
}

func (f *fakeDesktop) SetSystemTrayMenu(m *fyne.Menu)        { f.menu = m }
func (f *fakeDesktop) SetSystemTrayIcon(r fyne.Resource)     { f.icon = r }
func (f *fakeDesktop) SetSystemTrayWindow(w fyne.Window)     { f.window = w }
func (f *fakeDesktop) SendNotification(n *fyne.Notification) { f.told = append(f.told, n) }
func (f *fakeDesktop) Quit()                                 { f.quits++ }

// Driver is the test driver, counting quits on the desktop too: Parley
// quits through the driver (kit.Quit).
func (f *fakeDesktop) Driver() fyne.Driver { return quitCounter{f.App.Driver(), f} }

// quitCounter is a driver whose Quit counts on its desktop.
type quitCounter struct {
	fyne.Driver
	desk *fakeDesktop
}

func (q quitCounter) Quit() { q.desk.quits++ }

// plainIcon is a 64×64 green square as PNG.
func plainIcon(t *testing.T) fyne.Resource {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 64))
	for y := range 64 {
		for x := range 64 {
			img.Set(x, y, color.RGBA{0x25, 0xd3, 0x66, 0xff})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return fyne.NewStaticResource("icon.png", b.Bytes())
}

// hasBadge reports whether the icon's top right corner is badge red.
func hasBadge(t *testing.T, r fyne.Resource) bool {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(r.Content()))
	if err != nil {
		t.Fatalf("the tray icon is not a PNG: %v", err)
	}
	b := img.Bounds()
	red := 0
	for y := b.Min.Y; y < b.Min.Y+b.Dy()/3; y++ {
		for x := b.Max.X - b.Dx()/3; x < b.Max.X; x++ {
			if c := color.RGBAModel.Convert(img.At(x, y)).(color.RGBA); c == badgeRed {
				red++
			}
		}
	}
	return red > b.Dx()*b.Dy()/40
}

// The tray shows how many customer messages are unread, on the icon and
// in its menu, live; reading the conversation clears it.
func TestTrayShowsUnreadMessagesLive(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	desk := &fakeDesktop{App: fyne.CurrentApp()}
	icon := plainIcon(t)
	tray := installTray(desk, cw.Window, Deps{Core: cw.Core, Icon: icon}, uiPrefs{p: desk.Preferences()}, screentest.RunNow, func() bool { return true })
	if tray == nil || desk.menu == nil || desk.window != cw.Window {
		t.Fatal("no tray was set up on a desktop app")
	}
	if got := desk.menu.Items[0].Label; got != textOpenParley || hasBadge(t, desk.icon) {
		t.Fatalf("with nothing unread the tray shows %q and a badge %v", got, hasBadge(t, desk.icon))
	}

	msg := app.Message{WAMessageID: "wamid.tray1", From: "4917612345678", Type: app.MsgText, RawType: "text",
		Text: "Are you open on Sunday?", Timestamp: time.Now()}
	batch := app.InboundBatch{Messages: []app.Message{msg}}
	ins, err := cw.Core.Ingest(cw.Ctx, ch.ID, batch)
	if err != nil {
		t.Fatal(err)
	}
	if got := desk.menu.Items[0].Label; got != "Open Parley — 1 unread" {
		t.Errorf("after a customer wrote, the tray menu says %q", got)
	}
	if !hasBadge(t, desk.icon) {
		t.Error("after a customer wrote, the tray icon has no unread badge")
	}

	if err := cw.Core.MarkConversationRead(cw.Ctx, ins[0].ConversationID); err != nil {
		t.Fatal(err)
	}
	if got := desk.menu.Items[0].Label; got != textOpenParley || hasBadge(t, desk.icon) {
		t.Errorf("after reading, the tray shows %q (badge %v)", got, hasBadge(t, desk.icon))
	}
}

// A desktop that shows no tray icons (GNOME without the AppIndicator
// extension) gets no tray, yet closing the window does not stop Parley:
// the window hides, Parley keeps receiving, and the first time only a
// notification says how to open it again and how to quit.
func TestNoTrayWithoutATrayHost(t *testing.T) {
	cw := newCoreWorld(t)
	desk := &fakeDesktop{App: cw.App}
	w := &closingWindow{Window: cw.Window}
	prefs := uiPrefs{p: desk.Preferences()}
	if installTrayOrBackground(desk, w, Deps{Core: cw.Core, Icon: plainIcon(t)}, prefs, screentest.RunNow, func() bool { return false }) != nil || desk.menu != nil {
		t.Fatal("a tray was set up on a desktop without a tray host")
	}

	w.closeByOwner()
	if w.closed || desk.quits != 0 {
		t.Fatalf("closing the window without a tray stopped Parley (window closed %v, quit %d times)", w.closed, desk.quits)
	}
	if !w.hidden {
		t.Error("closing the window without a tray left it on screen")
	}
	if len(desk.told) != 1 {
		t.Fatalf("the first close posted %d notifications, want 1", len(desk.told))
	}
	for _, want := range []string{"keeps receiving", "apps menu", "start Parley again", "Quit Parley"} {
		if !strings.Contains(desk.told[0].Title+" "+desk.told[0].Content, want) {
			t.Errorf("the notification does not say %q: %q / %q", want, desk.told[0].Title, desk.told[0].Content)
		}
	}

	w.Show() // started again: the single-instance guard shows the window
	w.closeByOwner()
	if w.closed || desk.quits != 0 || len(desk.told) != 1 {
		t.Errorf("closing again: window closed %v, quit %d times, %d notifications in all (want 1)", w.closed, desk.quits, len(desk.told))
	}
	if !prefs.p.Bool(prefToldAboutBackground) || prefs.p.Bool(prefToldAboutTray) {
		t.Error("the notice is not remembered for the next start under its own key")
	}
}

// Closing the window keeps Parley running in the tray; the first time
// only, the owner is told how to get back and how to quit.
func TestClosingTheWindowKeepsParleyInTheTray(t *testing.T) {
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	var told []*fyne.Notification
	tray := &systemTray{window: w, prefs: uiPrefs{p: a.Preferences()}, notify: func(n *fyne.Notification) { told = append(told, n) }}
	tray.closeToTray()
	tray.closeToTray()
	if len(told) != 1 || told[0].Title != textStillRunning {
		t.Fatalf("closing twice told the owner %d times (%v)", len(told), told)
	}
	if !a.Preferences().Bool(prefToldAboutTray) {
		t.Error("the notice is not remembered for the next start")
	}
}

// Quit Parley in the tray's menu stops Parley, through the driver so
// that no window is left closing while events still arrive.
func TestTrayQuitStopsParley(t *testing.T) {
	cw := newCoreWorld(t)
	desk := &fakeDesktop{App: fyne.CurrentApp()}
	if installTray(desk, cw.Window, Deps{Core: cw.Core, Icon: plainIcon(t)}, uiPrefs{p: desk.Preferences()}, screentest.RunNow, func() bool { return true }) == nil {
		t.Fatal("no tray was set up on a desktop app")
	}
	quit := desk.menu.Items[len(desk.menu.Items)-1]
	if quit.Label != textQuitParley || !quit.IsQuit {
		t.Fatalf("the tray menu's last item is %q (quit %v)", quit.Label, quit.IsQuit)
	}
	quit.Action()
	if desk.quits != 1 {
		t.Errorf("Quit Parley in the tray quit %d times, want 1", desk.quits)
	}
}
