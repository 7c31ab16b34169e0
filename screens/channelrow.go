package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// newRow is one channel on the Channels page: a card with the channel's
// name, number and provider, and its three actions.
func (p *channelsPage) newRow(ch app.Channel) fyne.CanvasObject {
	details := app.FormatPhone(ch.PhoneNumber) + "  ·  " + providerLabel(ch.Provider)
	text := container.NewVBox(
		&widget.Label{Text: ch.Name, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			newMutedText(details, fyne.TextAlignLeading, theme.SizeNameText)),
	)
	if note, imp := keyNote(ch.KeyState); note != "" {
		text.Add(&widget.Label{Text: note, Importance: imp, Wrapping: fyne.TextWrapWord})
	}
	actions := container.NewHBox(
		&widget.Button{Text: "Configure", Icon: theme.SettingsIcon(), OnTapped: func() { p.OnConfigure(ch) }},
		&widget.Button{Text: "Profile", Icon: profileIcon, OnTapped: func() { p.OnProfile(ch) }},
		&widget.Button{Text: "Templates", Icon: templatesIcon, OnTapped: func() { p.OnTemplates(ch) }},
	)
	body := container.NewBorder(nil, nil,
		container.NewCenter(newIconBadge(channelIcon, 48)),
		container.NewVBox(layout.NewSpacer(), actions, layout.NewSpacer()),
		text)

	card := &canvas.Rectangle{
		FillColor:    theme.Color(colorNameCard),
		StrokeColor:  theme.Color(colorNameCardBorder),
		StrokeWidth:  1,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	return container.New(layout.NewCustomPaddedLayout(0, 10, 0, 0),
		container.NewStack(card, container.New(layout.NewCustomPaddedLayout(10, 10, 14, 14), body)))
}

// providerLabel names a channel's provider the way the owner knows it.
func providerLabel(provider string) string {
	if provider == app.ProviderName360dialog || provider == "" {
		return "360dialog WhatsApp"
	}
	return provider
}

// keyNote explains a key state that needs the owner's attention.
func keyNote(s app.KeyState) (string, widget.Importance) {
	if s == app.KeyRejected {
		return "360dialog rejected this channel's API key. Open Configure to enter the current key.", widget.DangerImportance
	}
	return "", widget.MediumImportance
}
