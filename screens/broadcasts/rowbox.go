package broadcasts

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// rowBox is a list row that carries its parts beside what it draws, so
// updating a row needs no walk through its objects.
type rowBox struct {
	widget.BaseWidget
	content fyne.CanvasObject
	row     any // the row's parts, of the list's own type
}

var _ fyne.Widget = (*rowBox)(nil)

func newRowBox(content fyne.CanvasObject, row any) *rowBox {
	b := &rowBox{content: content, row: row}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer draws the row's content.
func (b *rowBox) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(b.content) }
