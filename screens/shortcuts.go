package screens

import (
	"runtime"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// shortcut is one line of the keyboard shortcuts: the keys as the owner
// reads them, what they do, the key combinations bound (none for keys a
// widget handles itself, listed for the owner) and the action.
type shortcut struct {
	keys  string
	what  string
	binds []fyne.Shortcut
	run   func()
}

// shortcuts is every keyboard shortcut of the window, in the order the
// Keyboard shortcuts dialog lists them. Features add theirs here: the
// one table binds them and lists them.
func (s *shell) shortcuts() []shortcut {
	space := func(action func() bool) func() {
		return func() {
			s.show(pageSpace)
			action()
		}
	}
	return []shortcut{
		{keys: modKey + "+K", what: "Jump to a conversation by name", binds: mod(fyne.KeyK),
			run: func() { s.show(pageSpace); s.space.QuickSwitch() }},
		{keys: modKey + "+F", what: "Search customers, labels, notes and messages", binds: mod(fyne.KeyF), run: s.focusSearch},
		{keys: "Alt+↓", what: "Next conversation in the list", binds: alt(fyne.KeyDown), run: space(s.space.NextConversation)},
		{keys: "Alt+↑", what: "Previous conversation in the list", binds: alt(fyne.KeyUp), run: space(s.space.PreviousConversation)},
		{keys: modKey + "+Shift+U", what: "Next unread conversation",
			binds: []fyne.Shortcut{&desktop.CustomShortcut{KeyName: fyne.KeyU, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}},
			run:   space(s.space.NextUnread)},
		{keys: "Enter", what: "Send the message"},
		{keys: modKey + "+Enter", what: "Send the message (also when Enter makes a new line)"}, // the composer's own
		{keys: "Shift+Enter", what: "New line in the message"},
		{keys: "Esc", what: "Close the open menu, popup or contact card; leave the search", run: s.onEscape},
		{keys: modKey + "+=", what: "Larger chat text",
			binds: append(mod(fyne.KeyEqual), &desktop.CustomShortcut{KeyName: fyne.KeyEqual, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}),
			run:   func() { s.zoomChat(1) }},
		{keys: modKey + "+-", what: "Smaller chat text", binds: mod(fyne.KeyMinus), run: func() { s.zoomChat(-1) }},
		{keys: modKey + "+0", what: "Chat text at its normal size", binds: mod(fyne.Key0), run: func() { s.zoomChat(0) }},
		{keys: "F1 or " + modKey + "+/", what: "This list of keyboard shortcuts", binds: mod(fyne.KeySlash), run: s.showShortcuts},
	}
}

// modKey is the name of the key shortcuts are held with: Cmd on a Mac,
// Ctrl elsewhere (fyne.KeyModifierShortcutDefault).
var modKey = map[bool]string{true: "Cmd", false: "Ctrl"}[runtime.GOOS == "darwin"]

// mod is key with Ctrl (Cmd on a Mac).
func mod(key fyne.KeyName) []fyne.Shortcut {
	return []fyne.Shortcut{&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}}
}

// alt is key with Alt.
func alt(key fyne.KeyName) []fyne.Shortcut {
	return []fyne.Shortcut{&desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierAlt}}
}

// installShortcuts binds the table's shortcuts on the window, and Esc
// and F1, which have no modifier, as typed keys. The Space's entries
// hand these on while the owner types (screens/inbox/keys_forward.go).
func (s *shell) installShortcuts(w fyne.Window) {
	c := w.Canvas()
	for _, sc := range s.shortcuts() {
		for _, b := range sc.binds {
			run := sc.run
			c.AddShortcut(b, func(fyne.Shortcut) { run() })
		}
	}
	c.SetOnTypedKey(func(k *fyne.KeyEvent) {
		switch k.Name {
		case fyne.KeyEscape:
			s.onEscape()
		case fyne.KeyF1:
			s.showShortcuts()
		}
	})
}

// zoomChat makes the chat text larger (1), smaller (-1) or normal (0),
// and keeps the size for the next start.
func (s *shell) zoomChat(steps int) {
	s.prefs.setChatZoom(s.space.ZoomChat(steps))
}

// onEscape closes what is open: the Space's menus and popups, else the
// contact panel, else the Keyboard shortcuts or About dialog.
func (s *shell) onEscape() {
	if s.space.CloseOverlays() || s.space.ClosePanel() {
		return
	}
	if s.shortcutsDialog != nil && s.shortcutsDialog.visible {
		s.shortcutsDialog.dlg.Hide()
		return
	}
	if s.about != nil && s.about.dialog != nil {
		s.about.dialog.Hide()
	}
}

// shortcutsDialog is Help → Keyboard shortcuts.
type shortcutsDialog struct {
	dlg     dialog.Dialog
	visible bool
}

// showShortcuts opens the list of keyboard shortcuts.
func (s *shell) showShortcuts() {
	if s.shortcutsDialog == nil {
		grid := container.NewGridWithColumns(2)
		for _, sc := range s.shortcuts() {
			grid.Add(&widget.Label{Text: sc.keys, TextStyle: fyne.TextStyle{Bold: true}})
			grid.Add(&widget.Label{Text: sc.what, Wrapping: fyne.TextWrapWord})
		}
		d := &shortcutsDialog{dlg: dialog.NewCustom("Keyboard shortcuts", "Close", grid, s.env.Window)}
		d.dlg.SetOnClosed(func() { d.visible = false })
		d.dlg.Resize(fyne.NewSize(560, 0))
		s.shortcutsDialog = d
	}
	s.shortcutsDialog.visible = true
	s.shortcutsDialog.dlg.Show()
}
