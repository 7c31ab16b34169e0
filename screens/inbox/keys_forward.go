package inbox

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// A focused entry takes every key and shortcut typed, so the window's
// shortcuts (Ctrl+K, Alt+↓, …; see screens/shortcuts.go) would not work
// while the owner types a message. The Space's entries hand on what they
// do not use themselves: shortcuts with Ctrl or Alt that are not the
// entry's own (copy, paste, …), Esc and F1.

// forwardShortcut hands s to the window of obj when it is a shortcut an
// entry has no use for, and reports whether it did.
func forwardShortcut(obj fyne.CanvasObject, s fyne.Shortcut) bool {
	custom, ok := s.(*desktop.CustomShortcut)
	if !ok || custom.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierAlt|fyne.KeyModifierSuper) == 0 {
		return false
	}
	switch custom.KeyName {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd, fyne.KeyBackspace, fyne.KeyDelete:
		return false // moving and deleting by word stay the entry's
	}
	if c, ok := canvasOf(obj).(fyne.Shortcutable); ok {
		c.TypedShortcut(s)
		return true
	}
	return false
}

// forwardWindowKey hands Esc (close what is open) and F1 (the keyboard
// shortcuts) to the window of obj (screens/shortcuts.go).
func forwardWindowKey(obj fyne.CanvasObject, k *fyne.KeyEvent) bool {
	if k.Name != fyne.KeyEscape && k.Name != fyne.KeyF1 {
		return false
	}
	if c := canvasOf(obj); c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
		return true
	}
	return false
}

// canvasOf is the canvas obj is drawn on, or nil.
func canvasOf(obj fyne.CanvasObject) fyne.Canvas {
	if a := fyne.CurrentApp(); a != nil {
		return a.Driver().CanvasForObject(obj)
	}
	return nil
}
