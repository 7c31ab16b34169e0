package inbox

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Rows the composer's entry shows: it grows with the text up to the
// most, then scrolls.
const (
	composerMinRows = 1
	composerMaxRows = 6
)

// composerEntry is the composer's text field. As in WhatsApp on the
// desktop, Enter sends and Shift+Enter starts a new line; Ctrl+Enter
// (Cmd+Enter on macOS) sends too, for owners used to it from e-mail.
type composerEntry struct {
	widget.Entry
	onEnter func()
	shift   bool
}

var (
	_ desktop.Keyable   = (*composerEntry)(nil)
	_ fyne.Shortcutable = (*composerEntry)(nil)
)

func newComposerEntry(onEnter func()) *composerEntry {
	e := &composerEntry{onEnter: onEnter}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.PlaceHolder = "Message, or / for quick replies"
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(composerMinRows)
	return e
}

// KeyDown notes the Shift key, then lets the entry handle the key.
func (e *composerEntry) KeyDown(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = true
	}
	e.Entry.KeyDown(k)
}

// KeyUp notes the release of Shift.
func (e *composerEntry) KeyUp(k *fyne.KeyEvent) {
	if k.Name == desktop.KeyShiftLeft || k.Name == desktop.KeyShiftRight {
		e.shift = false
	}
	e.Entry.KeyUp(k)
}

// TypedKey sends on Enter; with Shift held, Enter adds a line. Esc and
// F1 go to the window.
func (e *composerEntry) TypedKey(k *fyne.KeyEvent) {
	if forwardWindowKey(e, k) {
		return
	}
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && !e.shift {
		if e.onEnter != nil {
			e.onEnter()
		}
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut sends on Ctrl+Enter (Cmd+Enter on macOS), hands the
// window's shortcuts on (keys_forward.go) and leaves every other one
// (copy, paste, undo…) to the entry.
func (e *composerEntry) TypedShortcut(s fyne.Shortcut) {
	if c, ok := s.(*desktop.CustomShortcut); ok && isSendShortcut(c) {
		if e.onEnter != nil {
			e.onEnter()
		}
		return
	}
	if !forwardShortcut(e, s) {
		e.Entry.TypedShortcut(s)
	}
}

// isSendShortcut reports whether c is Ctrl+Enter, or Cmd+Enter.
func isSendShortcut(c *desktop.CustomShortcut) bool {
	enter := c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter
	return enter && (c.Modifier == fyne.KeyModifierControl || c.Modifier == fyne.KeyModifierSuper)
}

// fitRows lets the entry grow with its lines, those the owner started
// and those the text wraps into.
func (e *composerEntry) fitRows() {
	rows := 0
	avail := e.Size().Width - 2*theme.InnerPadding()
	for line := range strings.SplitSeq(e.Text, "\n") {
		rows++
		if avail > 0 {
			w := fyne.MeasureText(line, theme.TextSize(), e.TextStyle).Width
			rows += int(w / avail)
		}
	}
	rows = max(composerMinRows, min(composerMaxRows, rows))
	e.SetMinRowsVisible(rows)
}

// setCursor puts the cursor before rune i of the text.
func (e *composerEntry) setCursor(i int) {
	row, col := 0, 0
	for k, r := range []rune(e.Text) {
		if k == i {
			break
		}
		if r == '\n' {
			row, col = row+1, 0
		} else {
			col++
		}
	}
	e.CursorRow, e.CursorColumn = row, col
	e.Refresh()
}
