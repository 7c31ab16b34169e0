package inbox

import "fyne.io/fyne/v2"

// sideLayout puts the contact panel (the second object) at the right of
// the conversation (the first). When the window is wide enough for both,
// the conversation narrows to make room; when it is not, the panel lies
// over the conversation's right part. It never asks for more than the
// conversation needs, so opening the panel never makes the window grow
// past the screen.
type sideLayout struct{}

// Layout places the conversation and, when shown, the panel.
func (sideLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	if len(objects) < 2 {
		return
	}
	conv, panel := objects[0], objects[1]
	conv.Move(fyne.NewPos(0, 0))
	if !panel.Visible() {
		conv.Resize(size)
		return
	}
	pw := min(panel.MinSize().Width, size.Width)
	panel.Move(fyne.NewPos(size.Width-pw, 0))
	panel.Resize(fyne.NewSize(pw, size.Height))
	if size.Width-pw >= conv.MinSize().Width {
		conv.Resize(fyne.NewSize(size.Width-pw, size.Height))
	} else {
		conv.Resize(size)
	}
}

// MinSize is the conversation's; the panel fits in or lies over it.
func (sideLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	if len(objects) == 0 {
		return fyne.Size{}
	}
	return objects[0].MinSize()
}
