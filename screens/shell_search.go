package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// addSearchShortcut makes Ctrl+F (Cmd+F on a Mac) show the Space with the
// cursor in its search. A canvas shortcut reaches the window only while
// no text field has the focus (a field keeps the shortcuts it is given).
func (s *shell) addSearchShortcut(w fyne.Window) {
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { s.focusSearch() })
}

// focusSearch shows the Space and puts the cursor in its search.
func (s *shell) focusSearch() {
	s.show(pageSpace)
	s.space.FocusSearch()
}
