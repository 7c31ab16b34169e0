package screens

import "fyne.io/fyne/v2"

// installFileDrop sends files dropped anywhere on the window to the
// open conversation (the Space shows them in a preview before anything
// is sent).
func (s *shell) installFileDrop(w fyne.Window) {
	if s.core == nil {
		return
	}
	w.SetOnDropped(s.onDropped)
}

// onDropped gives the dropped files to a new broadcast on screen (a CSV
// file of numbers), else shows the Space, where they go to the open
// conversation; with none open it says to open one first.
func (s *shell) onDropped(at fyne.Position, uris []fyne.URI) {
	if s.detail && s.broadcasts != nil && s.broadcasts.DropFiles(uris) {
		return
	}
	s.show(pageSpace)
	s.space.DropFiles(at, uris)
}
