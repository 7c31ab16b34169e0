package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// strip is the look the strips at the top of the window share (receiving,
// account health, saving attachments): a tinted rounded box with an
// icon, a bold title over a line of text, and buttons on the right.
type strip struct {
	bg      *canvas.Rectangle
	icon    *canvas.Image
	title   *widget.Label
	text    *widget.Label
	content *fyne.Container
}

// newStrip builds a strip whose title wraps as wrap says, with buttons
// (none for a strip that only informs). It starts hidden and unpainted.
func newStrip(wrap fyne.TextWrap, buttons ...fyne.CanvasObject) *strip {
	s := &strip{bg: &canvas.Rectangle{StrokeWidth: 1, CornerRadius: 6}}
	s.icon = canvas.NewImageFromResource(theme.WarningIcon())
	s.icon.SetMinSize(fyne.NewSquareSize(20))
	s.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: wrap}
	s.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	var right fyne.CanvasObject
	if len(buttons) > 0 {
		right = container.NewCenter(container.NewHBox(buttons...))
	}
	words := container.New(layout.NewCustomPaddedVBoxLayout(-8), s.title, s.text)
	row := container.NewBorder(nil, nil, container.NewCenter(s.icon), right, words)
	s.content = container.New(layout.NewCustomPaddedLayout(6, 2, 12, 12),
		container.NewStack(s.bg, container.New(layout.NewCustomPaddedLayout(2, 2, 10, 10), row)))
	s.content.Hide()
	return s
}

// paint tints the strip after fg and shows icon in that colour.
func (s *strip) paint(fg fyne.ThemeColorName, icon fyne.Resource) {
	r, g, bl, _ := theme.Color(fg).RGBA()
	s.bg.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x22}
	s.bg.StrokeColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x88}
	s.bg.Refresh()
	s.icon.Resource = theme.NewColoredResource(icon, fg)
	s.icon.Refresh()
}
