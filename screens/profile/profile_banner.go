package profile

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// profileNoteKind is the tone of a banner.
type profileNoteKind int

// Banner tones.
const (
	noteInfo profileNoteKind = iota
	noteWarning
	noteDanger
	noteSuccess
	noteConflict // a warning that asks the owner to choose
)

// profileNote is what a banner says.
type profileNote struct {
	kind  profileNoteKind
	title string
	text  string
}

// profileBanner is a tinted strip across the page that tells the owner the state
// of what they are looking at (pending, rejected, live…), with an
// optional action.
type profileBanner struct {
	bg      *canvas.Rectangle
	icon    *canvas.Image
	title   *widget.Label
	text    *widget.Label
	actions *fyne.Container
	content *fyne.Container
}

func newProfileBanner() *profileBanner {
	b := &profileBanner{
		bg:      &canvas.Rectangle{StrokeWidth: 1, CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2},
		icon:    &canvas.Image{FillMode: canvas.ImageFillContain},
		title:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord},
		text:    &widget.Label{Wrapping: fyne.TextWrapWord},
		actions: container.NewHBox(),
	}
	b.icon.SetMinSize(fyne.NewSquareSize(28))
	body := container.NewVBox(b.title,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), b.text))
	row := container.NewBorder(nil, nil,
		container.NewVBox(container.New(layout.NewCustomPaddedLayout(6, 0, 0, 0), b.icon)),
		container.NewVBox(layout.NewSpacer(), b.actions, layout.NewSpacer()),
		body)
	b.content = container.New(layout.NewCustomPaddedLayout(0, 10, 0, 0),
		container.NewStack(b.bg, container.New(layout.NewCustomPaddedLayout(6, 6, 12, 12), row)))
	b.content.Hide()
	return b
}

// show puts n on the banner with the given action buttons.
func (b *profileBanner) show(n profileNote, actions ...fyne.CanvasObject) {
	fg := profileNoteColor(n.kind)
	r, g, bl, _ := theme.Color(fg).RGBA()
	b.bg.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x1c}
	b.bg.StrokeColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(bl >> 8), A: 0x66}
	b.bg.Refresh()
	b.icon.Resource = theme.NewColoredResource(profileNoteIcon(n.kind), fg)
	b.icon.Refresh()
	b.title.SetText(n.title)
	b.text.SetText(n.text)
	b.text.Hidden = n.text == ""
	b.actions.Objects = actions
	b.actions.Refresh()
	b.content.Show()
	b.content.Refresh()
}

// hide removes the banner.
func (b *profileBanner) hide() { b.content.Hide() }

func profileNoteColor(k profileNoteKind) fyne.ThemeColorName {
	switch k {
	case noteWarning, noteConflict:
		return theme.ColorNameWarning
	case noteDanger:
		return theme.ColorNameError
	case noteSuccess:
		return theme.ColorNameSuccess
	}
	return theme.ColorNamePrimary
}

func profileNoteIcon(k profileNoteKind) fyne.Resource {
	switch k {
	case noteWarning:
		return theme.HistoryIcon()
	case noteConflict:
		return theme.WarningIcon()
	case noteDanger:
		return theme.ErrorIcon()
	case noteSuccess:
		return theme.ConfirmIcon()
	}
	return theme.InfoIcon()
}
