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

// onDropped shows the Space, where the dropped files go to the open
// conversation; with none open it says to open one first.
func (s *shell) onDropped(at fyne.Position, uris []fyne.URI) {
	s.show(pageSpace)
	s.space.DropFiles(at, uris)
}
