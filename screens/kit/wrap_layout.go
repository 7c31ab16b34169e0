package kit

import "fyne.io/fyne/v2"

// WrapWidthLayout gives wrapping text a fixed width, so a dialog is as
// wide as that and as tall as the wrapped text.
type WrapWidthLayout struct{ Width float32 }

// Layout fills size with every object.
func (l WrapWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the fixed width and the height the objects need at it.
func (l WrapWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		if o.Size().Width != l.Width {
			o.Resize(fyne.NewSize(l.Width, o.MinSize().Height))
		}
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.Width, h)
}
