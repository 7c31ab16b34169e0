package inbox

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Rows the composer's entry shows: it grows with the text up to the
// most, then scrolls.
const (
	composerMinRows = 1
	composerMaxRows = 6
)

// composerEntry is the composer's text field. As in WhatsApp on the
// desktop, Enter sends and Shift+Enter starts a new line.
type composerEntry struct {
	widget.Entry
	onEnter func()
	shift   bool
}

var _ desktop.Keyable = (*composerEntry)(nil)

func newComposerEntry(onEnter func()) *composerEntry {
	e := &composerEntry{onEnter: onEnter}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.PlaceHolder = "Type a message"
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

// TypedShortcut lets the entry handle its own shortcuts and hands the
// window's on (keys_forward.go).
func (e *composerEntry) TypedShortcut(s fyne.Shortcut) {
	if !forwardShortcut(e, s) {
		e.Entry.TypedShortcut(s)
	}
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

// fitRows lets the entry grow with its lines.
func (e *composerEntry) fitRows() {
	rows := strings.Count(e.Text, "\n") + 1
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
