package broadcasts

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// pageLayout is a page of this feature: the way back above the title
// and a subtitle, actions on the right, and the body below.
func pageLayout(back *widget.Button, title, subtitle string, actions, body fyne.CanvasObject) fyne.CanvasObject {
	heading := container.NewVBox(
		&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText,
			Truncation: fyne.TextTruncateEllipsis},
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			kit.NewMutedText(subtitle, fyne.TextAlignLeading, theme.SizeNameText)),
	)
	if actions == nil {
		actions = layout.NewSpacer()
	}
	top := container.NewVBox(
		container.New(layout.NewCustomPaddedLayout(0, -theme.Padding(), -theme.Padding()*2, 0), container.NewHBox(back)),
		container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions, layout.NewSpacer()), heading),
		container.New(layout.NewCustomPaddedLayout(0, 4, 0, 0), widget.NewSeparator()),
	)
	return container.New(layout.NewCustomPaddedLayout(8, 18, 24, 24), container.NewBorder(top, nil, nil, nil, body))
}

// channelLine names the channel under a page's title.
func channelLine(ch app.Channel) string {
	return ch.Name + "  ·  " + app.FormatPhone(ch.PhoneNumber)
}

// sectionTitle is a bold heading inside a page.
func sectionTitle(text string) *widget.Label {
	return &widget.Label{Text: text, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
}

// broadcastIcon is a megaphone: a broadcast.
var broadcastIcon = kit.BroadcastIcon

// withHeight gives o (a list) at least height h, whatever its width.
func withHeight(o fyne.CanvasObject, h float32) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(0, h))
	return container.NewStack(space, o)
}

// withWidth gives o at least width w, whatever its height.
func withWidth(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	space := canvas.NewRectangle(color.Transparent)
	space.SetMinSize(fyne.NewSize(w, 0))
	return container.NewStack(space, o)
}
