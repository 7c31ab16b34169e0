package screens

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

// shortcutsWorld is the main window with three customers who wrote,
// Cem last: the list reads Cem, Ben, Anna.
type shortcutsWorld struct {
	*screentest.World
	shell  *shell
	window fyne.Window
	convs  map[string]int64
}

func newShortcutsWorld(t *testing.T) *shortcutsWorld {
	t.Helper()
	cw := screentest.NewWorld(t)
	cw.App.Settings().SetTheme(NewTheme())
	ch := cw.AddChannel(t)
	w, s := newMainWindow(cw.App, Deps{Core: cw.Core, Channels: cw.Core, Version: "9.9.9"}, screentest.RunNow)
	t.Cleanup(func() { widgets.SetChatZoom(1) })
	sw := &shortcutsWorld{World: cw, shell: s, window: w, convs: map[string]int64{}}
	for i, who := range []string{"Anna", "Ben", "Cem"} {
		msg := app.Message{WAMessageID: "wamid." + who, From: "49170000000" + string(rune('1'+i)), Type: app.MsgText,
			RawType: "text", Text: "Hello from " + who, Timestamp: cw.Clock.Now().Add(time.Duration(i) * time.Minute)}
		b := app.InboundBatch{Contacts: []app.Contact{{WAID: msg.From, Name: who}}, Messages: []app.Message{msg}}
		ins, err := cw.Core.Ingest(cw.Ctx, ch.ID, b)
		if err != nil {
			t.Fatal(err)
		}
		sw.convs[who] = ins[0].ConversationID
	}
	return sw
}

// press types a shortcut as the window's driver does: to the focused
// widget when it takes shortcuts, else to the window.
func (sw *shortcutsWorld) press(key fyne.KeyName, mods fyne.KeyModifier) {
	sc := &desktop.CustomShortcut{KeyName: key, Modifier: mods}
	c := sw.window.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(sc)
}

// typeKey types a key without modifier, as the driver does.
func (sw *shortcutsWorld) typeKey(key fyne.KeyName) {
	c := sw.window.Canvas()
	if f := c.Focused(); f != nil {
		f.TypedKey(&fyne.KeyEvent{Name: key})
		return
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: key})
}

// open is the name of the open conversation.
func (sw *shortcutsWorld) open() string {
	id := sw.shell.space.OpenConversationID()
	for who, c := range sw.convs {
		if c == id {
			return who
		}
	}
	return ""
}

// TestShortcutsMoveThroughTheList: Alt+↓ and Alt+↑ open the next and
// previous conversation, Ctrl+Shift+U the next unread, also while the
// owner types in the composer.
func TestShortcutsMoveThroughTheList(t *testing.T) {
	sw := newShortcutsWorld(t)
	const mod = fyne.KeyModifierShortcutDefault
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt)
	if got := sw.open(); got != "Cem" {
		t.Fatalf("Alt+↓ with none open opened %q, want the first, Cem", got)
	}
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt)
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt)
	if got := sw.open(); got != "Anna" {
		t.Errorf("Alt+↓ twice more opened %q, want Anna", got)
	}
	sw.press(fyne.KeyUp, fyne.KeyModifierAlt)
	if got := sw.open(); got != "Ben" {
		t.Errorf("Alt+↑ opened %q, want Ben", got)
	}

	// Cem, Ben and Anna are read now; Cem writes again.
	if err := sw.Core.MarkConversationUnread(sw.Ctx, sw.convs["Cem"]); err != nil {
		t.Fatal(err)
	}
	entry := focusedEntry(t, sw.window)
	test.Type(entry, "Half a")
	sw.press(fyne.KeyU, mod|fyne.KeyModifierShift)
	if got := sw.open(); got != "Cem" {
		t.Errorf("Ctrl+Shift+U while typing opened %q, want the unread Cem", got)
	}
}

// focusedEntry focuses the open conversation's message field.
func focusedEntry(t *testing.T, w fyne.Window) fyne.Focusable {
	t.Helper()
	var entry fyne.Focusable
	screentest.WalkVisible(w.Content(), func(o fyne.CanvasObject) {
		if e, ok := o.(fyne.Focusable); ok && entry == nil {
			// The composer, not the search field above the list.
			if screentest.ShowsText(o, "for quick replies") {
				entry = e
			}
		}
	})
	if entry == nil {
		t.Fatal("no message field to type in")
	}
	w.Canvas().Focus(entry)
	return entry
}

// TestQuickSwitcherOpensByNameAndEscCloses: Ctrl+K opens the switcher;
// typing part of a name and Enter opens that conversation; Esc closes
// the switcher without opening one.
func TestQuickSwitcherOpensByNameAndEscCloses(t *testing.T) {
	sw := newShortcutsWorld(t)
	const mod = fyne.KeyModifierShortcutDefault
	sw.press(fyne.KeyK, mod)
	c := sw.window.Canvas()
	if c.Overlays().Top() == nil || c.Focused() == nil {
		t.Fatal("Ctrl+K opened nothing to type in")
	}
	test.Type(c.Focused(), "be")
	c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got := sw.open(); got != "Ben" || c.Overlays().Top() != nil {
		t.Fatalf("typing \"be\" and Enter opened %q (switcher still open: %v)", got, c.Overlays().Top() != nil)
	}

	sw.press(fyne.KeyK, mod)
	sw.typeKey(fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Error("Esc left the switcher open")
	}
	if got := sw.open(); got != "Ben" {
		t.Errorf("after Esc %q is open, want Ben still", got)
	}
}

// TestZoomShortcutsChangeTheChatTextAndAreKept: Ctrl+= and Ctrl+- step
// the chat text's size, Ctrl+0 resets it, and the size is kept.
func TestZoomShortcutsChangeTheChatTextAndAreKept(t *testing.T) {
	sw := newShortcutsWorld(t)
	const mod = fyne.KeyModifierShortcutDefault
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt) // a conversation is open
	sw.press(fyne.KeyEqual, mod)
	sw.press(fyne.KeyEqual, mod)
	if z := widgets.ChatZoom(); z < 1.19 || z > 1.21 {
		t.Errorf("after Ctrl+= twice the zoom is %v, want 1.2", z)
	}
	if z := sw.shell.prefs.chatZoom(); z < 1.19 || z > 1.21 {
		t.Errorf("the kept zoom is %v, want 1.2", z)
	}
	sw.press(fyne.KeyMinus, mod)
	sw.press(fyne.Key0, mod)
	if z := widgets.ChatZoom(); z != 1 || sw.shell.prefs.chatZoom() != 1 {
		t.Errorf("after Ctrl+0 the zoom is %v (kept %v), want 1", z, sw.shell.prefs.chatZoom())
	}
	if sw.open() == "" {
		t.Error("zooming closed the open conversation")
	}
}

// TestKeyboardShortcutsAreListed: F1, Ctrl+/ and the About dialog's
// button open the list, which names every shortcut of the issue.
func TestKeyboardShortcutsAreListed(t *testing.T) {
	sw := newShortcutsWorld(t)
	sw.typeKey(fyne.KeyF1)
	top := sw.window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("F1 opened nothing")
	}
	for _, want := range []string{"Ctrl+K", "Ctrl+F", "Alt+↓", "Alt+↑", "Ctrl+Shift+U", "Esc", "Ctrl+Enter", "Ctrl+=", "Ctrl+-", "Ctrl+0"} {
		if !screentest.ShowsText(top, want) {
			t.Errorf("the list does not show %s; it shows %q", want, screentest.VisibleTexts(top))
		}
	}
	sw.typeKey(fyne.KeyEscape)
	if sw.shell.shortcutsDialog.visible {
		t.Error("Esc left the list open")
	}
	sw.press(fyne.KeySlash, fyne.KeyModifierShortcutDefault)
	if !sw.shell.shortcutsDialog.visible {
		t.Error("Ctrl+/ did not open the list")
	}
	sw.shell.shortcutsDialog.dlg.Hide()

	sw.shell.about.onTapped()
	test.Tap(screentest.Button(t, sw.window.Canvas().Overlays().Top(), "Keyboard shortcuts"))
	if !sw.shell.shortcutsDialog.visible {
		t.Error("About → Keyboard shortcuts did not open the list")
	}
}

// TestTitleAndNavigationCountUnread: the window title and the Space's
// entry in the navigation show how many messages are unread, and follow
// the owner reading them.
func TestTitleAndNavigationCountUnread(t *testing.T) {
	sw := newShortcutsWorld(t)
	if got := sw.window.Title(); got != "Parley (3)" {
		t.Errorf("title = %q, want Parley (3)", got)
	}
	nav := sw.shell.nav.sections[0].list
	if !screentest.ShowsText(nav, "3") {
		t.Errorf("the navigation shows %q, want the count 3 beside Space", screentest.VisibleTexts(nav))
	}
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt) // opens (reads) Cem
	if got := sw.window.Title(); got != "Parley (2)" {
		t.Errorf("after reading one, title = %q, want Parley (2)", got)
	}
	for _, who := range []string{"Anna", "Ben"} {
		if err := sw.Core.MarkConversationRead(sw.Ctx, sw.convs[who]); err != nil {
			t.Fatal(err)
		}
	}
	if got := sw.window.Title(); got != "Parley" || screentest.ShowsText(nav, "0") {
		t.Errorf("with nothing unread, title = %q and the navigation shows %q", got, screentest.VisibleTexts(nav))
	}
}

// TestLabelsShowInTheListAndHeader: labels put on conversations show
// as chips in their rows and in the open one's header, the pinned one
// first; with PARLEY_SCREENSHOT_DIR set, the window is saved there
// (labels.png) for a look.
func TestLabelsShowInTheListAndHeader(t *testing.T) {
	sw := newShortcutsWorld(t)
	labels, err := sw.Core.Labels(sw.Ctx) // New customer, Order, Paid, Pending
	if err != nil {
		t.Fatal(err)
	}
	set := func(who string, label int) {
		if err := sw.Core.SetConversationLabel(sw.Ctx, sw.convs[who], labels[label].ID, true); err != nil {
			t.Fatal(err)
		}
	}
	set("Anna", 2)
	set("Anna", 1)
	set("Ben", 0)
	set("Cem", 3)
	set("Cem", 1)
	set("Cem", 2)
	if err := sw.Core.PinConversation(sw.Ctx, sw.convs["Anna"], true); err != nil {
		t.Fatal(err)
	}
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt)
	if got := sw.open(); got != "Anna" {
		t.Errorf("the first row is %q, want the pinned Anna", got)
	}
	texts := strings.Join(screentest.VisibleTexts(sw.window.Content()), "|")
	// Anna's two in her row and her header, Cem's first two and "+1", Ben's one.
	for want, n := range map[string]int{"Order": 3, "Paid": 3, "New customer": 1, "+1": 1} {
		if got := strings.Count(texts, "|"+want+"|"); got != n {
			t.Errorf("%q shows %d times, want %d; the window shows %q", want, got, n, texts)
		}
	}
	if dir := os.Getenv("PARLEY_SCREENSHOT_DIR"); dir != "" {
		saveScreenshot(t, sw.window, "labels.png")
	}
}

// TestTraySharesTheWindowsUnreadCount: linked to the window, the tray
// shows the count the title and the navigation show, and follows it.
func TestTraySharesTheWindowsUnreadCount(t *testing.T) {
	sw := newShortcutsWorld(t)
	desk := &fakeDesktop{App: fyne.CurrentApp()}
	tray := installTray(desk, sw.window, Deps{Core: sw.Core, Icon: plainIcon(t)}, uiPrefs{p: desk.Preferences()}, screentest.RunNow, func() bool { return true })
	sw.shell.linkTray(tray)
	if got := desk.menu.Items[0].Label; got != "Open Parley — 3 unread" {
		t.Errorf("the tray says %q, want 3 unread as the title", got)
	}
	sw.press(fyne.KeyDown, fyne.KeyModifierAlt) // reads Cem
	if got := desk.menu.Items[0].Label; got != "Open Parley — 2 unread" || sw.window.Title() != "Parley (2)" {
		t.Errorf("after reading one the tray says %q and the title %q", got, sw.window.Title())
	}
}

// TestFilesDroppedOnAnotherPageGoToTheSpace: files dropped on the window
// while Settings is shown bring the Space forward; with no conversation
// open, Parley says to open one first instead of sending anything.
func TestFilesDroppedOnAnotherPageGoToTheSpace(t *testing.T) {
	sw := newShortcutsWorld(t)
	sw.shell.show(pageSettings)
	sw.shell.onDropped(fyne.NewPos(10, 10), []fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), "menu.pdf"))})
	if sw.shell.current != pageSpace {
		t.Errorf("after the drop the window shows %q, want the Space", sw.shell.current)
	}
	top := sw.window.Canvas().Overlays().Top()
	if top == nil || !screentest.ShowsText(top, "Open a conversation first") {
		t.Fatal("a drop with no conversation open says nothing")
	}
}
