package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// mediaBanner is the strip at the top of the window while saving
// customers' attachments is paused because the disk is nearly full; it
// goes away by itself once there is room again.
type mediaBanner struct {
	core    *app.Core
	bg      *canvas.Rectangle
	text    *widget.Label
	content *fyne.Container
}

func newMediaBanner(core *app.Core) *mediaBanner {
	b := &mediaBanner{core: core}
	r, g, bl, _ := theme.Color(theme.ColorNameWarning).RGBA()
	b.bg = &canvas.Rectangle{StrokeWidth: 1, CornerRadius: 6,
		FillColor:   color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x22},
		StrokeColor: color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x88}}
	icon := canvas.NewImageFromResource(theme.NewColoredResource(theme.WarningIcon(), theme.ColorNameWarning))
	icon.SetMinSize(fyne.NewSquareSize(20))
	b.text = &widget.Label{Wrapping: fyne.TextWrapWord}
	row := container.NewBorder(nil, nil, container.NewCenter(icon), nil, b.text)
	b.content = container.New(layout.NewCustomPaddedLayout(6, 2, 12, 12),
		container.NewStack(b.bg, container.New(layout.NewCustomPaddedLayout(2, 2, 10, 10), row)))
	core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMediaDownloads {
			fyne.Do(b.render)
		}
	})
	b.render()
	return b
}

// render shows the pause, if any.
func (b *mediaBanner) render() {
	text := b.core.MediaDownloadsPaused().Banner()
	if text == "" {
		b.content.Hide()
		return
	}
	b.text.SetText(text)
	b.content.Show()
	b.content.Refresh()
}
