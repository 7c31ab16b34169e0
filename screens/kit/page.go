package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Runner runs slow work (store and network calls) off the UI goroutine.
// Tests pass one that runs the work at once, so they need no waiting.
type Runner func(work func())

// InBackground is the runner of the real app.
func InBackground(work func()) { go work() }

// NewPage lays out a page: a heading with an optional subtitle and
// trailing actions, and the body below, all with generous margins.
func NewPage(title, subtitle string, actions fyne.CanvasObject, body fyne.CanvasObject) fyne.CanvasObject {
	heading := container.NewVBox(&widget.Label{
		Text:      title,
		TextStyle: fyne.TextStyle{Bold: true},
		SizeName:  theme.SizeNameHeadingText,
	})
	if subtitle != "" {
		// Pull the subtitle up to its title.
		heading.Add(container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			NewMutedText(subtitle, fyne.TextAlignLeading, theme.SizeNameText)))
	}
	top := heading
	if actions != nil {
		top = container.NewVBox(container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions, layout.NewSpacer()), heading))
	}
	top.Add(container.New(layout.NewCustomPaddedLayout(0, 8, 0, 0), widget.NewSeparator()))
	return container.New(layout.NewCustomPaddedLayout(18, 18, 24, 24), container.NewBorder(top, nil, nil, nil, body))
}

// EmptyState is the calm placeholder of a page with nothing to show yet:
// an icon in a tinted circle, a short title, an explanation and an
// optional action.
type EmptyState struct {
	text    *widget.RichText
	Content fyne.CanvasObject
}

// NewEmptyState builds an empty state. Put line breaks in text to keep
// lines short.
func NewEmptyState(icon fyne.Resource, title, text string, action *widget.Button) *EmptyState {
	e := &EmptyState{text: NewMutedText(text, fyne.TextAlignCenter, theme.SizeNameText)}
	items := container.NewVBox(
		container.NewCenter(NewIconBadge(icon, 104)),
		&widget.Label{
			Text:      title,
			Alignment: fyne.TextAlignCenter,
			TextStyle: fyne.TextStyle{Bold: true},
			SizeName:  theme.SizeNameSubHeadingText,
		},
		e.text,
	)
	if action != nil {
		items.Add(container.NewCenter(container.New(layout.NewCustomPaddedLayout(12, 0, 0, 0), action)))
	}
	e.Content = container.NewCenter(items)
	return e
}

// SetText replaces the explanation.
func (e *EmptyState) SetText(text string) {
	e.text.Segments[0].(*widget.TextSegment).Text = text
	e.text.Refresh()
}

// NewIconBadge shows icon in the primary colour inside a tinted circle of
// the given diameter.
func NewIconBadge(icon fyne.Resource, diameter float32) fyne.CanvasObject {
	return NewBadge(icon, theme.ColorNamePrimary, diameter)
}

// NewBadge shows icon in colour fg inside a circle tinted with fg.
func NewBadge(icon fyne.Resource, fg fyne.ThemeColorName, diameter float32) fyne.CanvasObject {
	img := canvas.NewImageFromResource(theme.NewColoredResource(icon, fg))
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSquareSize(diameter * 0.48))
	r, g, b, _ := theme.Color(fg).RGBA()
	tint := color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x26}
	return container.NewGridWrap(fyne.NewSquareSize(diameter), container.NewStack(canvas.NewCircle(tint), container.NewCenter(img)))
}

// NewMutedText is secondary text: readable, but quieter than a label.
// Line breaks in text start new lines.
func NewMutedText(text string, align fyne.TextAlign, size fyne.ThemeSizeName) *widget.RichText {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		Alignment: align,
		ColorName: theme.ColorNamePlaceHolder,
		SizeName:  size,
	}})
}
