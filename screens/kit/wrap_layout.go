package screens

import "fyne.io/fyne/v2"

// wrapWidthLayout gives wrapping text a fixed width, so a dialog is as
// wide as that and as tall as the wrapped text.
type wrapWidthLayout struct{ width float32 }

// Layout fills size with every object.
func (l wrapWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the fixed width and the height the objects need at it.
func (l wrapWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Size().Width != l.width {
			o.Resize(fyne.NewSize(l.width, o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}
