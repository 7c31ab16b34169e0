package channels

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Fyne hands a key to the focused widget only, and to the canvas when
// nothing has the focus. For Enter and Escape to work wherever the focus
// is in a dialog, the dialog's entries and buttons pass them on
// themselves, and dialogKeys catches them when nothing has the focus.

// keyEntry is an Entry that passes Escape on (Enter already reaches
// OnSubmitted).
type keyEntry struct {
	widget.Entry
	onEscape func()
}

var _ fyne.Focusable = (*keyEntry)(nil)

// newKeyEntry makes a one-line entry; password entries mask what is typed
// and offer Fyne's show/hide toggle.
func newKeyEntry(placeholder string, password bool) *keyEntry {
	e := &keyEntry{}
	e.PlaceHolder = placeholder
	e.Password = password
	if password {
		e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape and leaves every other key to the Entry.
func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.onEscape != nil {
		e.onEscape()
		return
	}
	e.Entry.TypedKey(ev)
}

// keyButton is a Button that Enter presses as well as Space, and that
// passes Escape on.
type keyButton struct {
	widget.Button
	onEscape func()
}

var _ fyne.Focusable = (*keyButton)(nil)

// newKeyButton makes a button like widget.Button.
func newKeyButton(text string, icon fyne.Resource, imp widget.Importance, tapped func()) *keyButton {
	b := &keyButton{}
	b.Text, b.Icon, b.Importance, b.OnTapped = text, icon, imp, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey presses the button on Enter, passes Escape on and leaves the
// rest to the Button.
func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		if b.onEscape != nil {
			b.onEscape()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if !b.Disabled() && b.OnTapped != nil {
			b.OnTapped()
		}
	default:
		b.Button.TypedKey(ev)
	}
}

// dialogKeys sends Enter and Escape typed while nothing has the focus to a
// dialog's default action and its cancel action. Other keys go to
// whatever handled them before.
type dialogKeys struct {
	canvas   fyne.Canvas
	prev     func(*fyne.KeyEvent)
	onEnter  func()
	onEscape func()
}

// install starts routing the canvas's keys to the dialog.
func (k *dialogKeys) install(c fyne.Canvas) {
	k.canvas = c
	k.prev = c.OnTypedKey()
	c.SetOnTypedKey(k.typed)
}

// uninstall gives the canvas's keys back to their previous handler.
func (k *dialogKeys) uninstall() {
	if k.canvas != nil {
		k.canvas.SetOnTypedKey(k.prev)
		k.canvas = nil
	}
}

func (k *dialogKeys) typed(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		k.onEnter()
	case fyne.KeyEscape:
		k.onEscape()
	default:
		if k.prev != nil {
			k.prev(ev)
		}
	}
}
