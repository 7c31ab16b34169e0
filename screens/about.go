package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// Texts of the About dialog.
const (
	textAboutTitle = "About Parley"
	textAboutWhat  = "Your WhatsApp Business inbox on your computer, connected through 360dialog."
	textAboutData  = "Your channels and messages stay on this computer; API keys stay in the system keyring."
	textAboutQuit  = "Quit Parley stops receiving messages until you start it again."
)

// about is the version at the bottom of the navigation, as a quiet button
// that opens the About dialog: name, version, and what Parley is.
type about struct {
	window  fyne.Window
	icon    fyne.Resource
	version string

	button *widget.Button
	dialog dialog.Dialog // nil until first opened
	// settings build the app-wide settings shown under the text, in
	// order (read receipts, start at login).
	settings []func() fyne.CanvasObject
	// quit, if set, replaces the app's Quit (in tests). Closing the
	// window only hides it, so Quit Parley is how to stop for real.
	quit func()
	// onShortcuts opens the list of keyboard shortcuts; nil hides the
	// button.
	onShortcuts func()
}

func newAbout(w fyne.Window, icon fyne.Resource, version, label string) *about {
	a := &about{window: w, icon: icon, version: version}
	a.button = &widget.Button{
		Text:       label,
		Icon:       theme.InfoIcon(),
		Alignment:  widget.ButtonAlignLeading,
		Importance: widget.LowImportance,
		OnTapped:   a.onTapped,
	}
	return a
}

// over lays the button over the bottom of the navigation column, with the
// column's own padding.
func (a *about) over(nav fyne.CanvasObject) fyne.CanvasObject {
	bottom := container.New(layout.NewCustomPaddedLayout(6, 4, 4, 10), container.NewBorder(nil, a.button, nil, nil))
	return container.NewStack(nav, bottom)
}

func (a *about) onTapped() {
	if a.dialog == nil {
		d := dialog.NewCustomWithoutButtons(textAboutTitle, a.newContent(), a.window)
		d.SetButtons([]fyne.CanvasObject{
			&widget.Button{Text: textQuitParley, OnTapped: a.onQuit},
			&widget.Button{Text: "Close", OnTapped: d.Hide},
		})
		a.dialog = d
	}
	a.dialog.Show()
}

// onQuit ends Parley: it stops receiving until started again.
func (a *about) onQuit() {
	if a.quit != nil {
		a.quit()
		return
	}
	kit.Quit(fyne.CurrentApp())
}

// newContent is the body of the About dialog.
func (a *about) newContent() fyne.CanvasObject {
	var logo fyne.CanvasObject = kit.NewIconBadge(kit.ChatIcon, 72)
	if a.icon != nil {
		img := canvas.NewImageFromResource(a.icon)
		img.FillMode = canvas.ImageFillContain
		img.SetMinSize(fyne.NewSquareSize(72))
		logo = img
	}
	version := &widget.Label{Text: "Version " + a.version, Alignment: fyne.TextAlignCenter, Selectable: true}
	what := &widget.Label{Text: textAboutWhat, Alignment: fyne.TextAlignCenter, Wrapping: fyne.TextWrapWord}
	data := kit.NewMutedText(textAboutData, fyne.TextAlignCenter, theme.SizeNameCaptionText)
	data.Wrapping = fyne.TextWrapWord
	column := container.NewVBox(
		container.NewCenter(logo),
		&widget.Label{Text: "Parley", Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		version,
		what,
		data,
	)
	if a.onShortcuts != nil {
		column.Add(container.NewCenter(&widget.Button{Text: "Keyboard shortcuts", Icon: theme.ComputerIcon(),
			Importance: widget.LowImportance, OnTapped: func() {
				a.dialog.Hide()
				a.onShortcuts()
			}}))
	}
	if len(a.settings) > 0 {
		column.Add(widget.NewSeparator())
		for _, setting := range a.settings {
			column.Add(setting())
		}
	}
	quitNote := kit.NewMutedText(textAboutQuit, fyne.TextAlignCenter, theme.SizeNameCaptionText)
	quitNote.Wrapping = fyne.TextWrapWord
	column.Add(quitNote)
	return container.New(kit.WrapWidthLayout{Width: 380}, column)
}
