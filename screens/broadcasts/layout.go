package broadcasts

import (
	"fyne.io/fyne/v2"
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
var broadcastIcon = kit.ThemedSVG("broadcast.svg", `<path d="M18 11v2h4v-2h-4zm-2 6.61c.96.71 2.21 1.65 3.2 2.39.4-.53.8-1.07 1.2-1.6-.99-.74-2.24-1.68-3.2-2.4-.4.54-.8 1.08-1.2 1.61zM20.4 5.6c-.4-.53-.8-1.07-1.2-1.6-.99.74-2.24 1.68-3.2 2.4.4.53.8 1.07 1.2 1.6.96-.72 2.21-1.65 3.2-2.4zM4 9c-1.1 0-2 .9-2 2v2c0 1.1.9 2 2 2h1v4h2v-4h1l5 3V6L8 9H4zm11.5 3c0-1.33-.58-2.53-1.5-3.35v6.69c.92-.81 1.5-2.01 1.5-3.34z"/>`)
