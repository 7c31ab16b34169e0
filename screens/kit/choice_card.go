package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ChoiceCard is one option of a wizard step shown as a card: an icon, a
// title and a line of detail. A selected card has a coloured outline and a
// check mark; a disabled one is greyed and carries a tag such as
// "Coming soon". It takes the focus: Space selects it, Enter moves on and
// Escape cancels.
type ChoiceCard struct {
	widget.BaseWidget

	icon     fyne.Resource
	title    string
	detail   string
	Tag      string // shown on a disabled card
	Selected bool
	disabled bool

	OnEnter  func() // Enter: move on
	OnEscape func() // Escape: cancel

	focused bool
	hovered bool
	bg      *canvas.Rectangle
	check   *widget.Icon
}

var (
	_ fyne.Focusable     = (*ChoiceCard)(nil)
	_ fyne.Tappable      = (*ChoiceCard)(nil)
	_ fyne.Disableable   = (*ChoiceCard)(nil)
	_ desktop.Hoverable  = (*ChoiceCard)(nil)
	_ desktop.Cursorable = (*ChoiceCard)(nil)
)

// NewChoiceCard returns a card with icon, title and a line of detail.
func NewChoiceCard(icon fyne.Resource, title, detail string) *ChoiceCard {
	c := &ChoiceCard{icon: icon, title: title, detail: detail}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer builds the card.
func (c *ChoiceCard) CreateRenderer() fyne.WidgetRenderer {
	c.bg = &canvas.Rectangle{StrokeWidth: 1.5, CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2}
	c.check = widget.NewIcon(theme.NewPrimaryThemedResource(theme.ConfirmIcon()))
	titleColor, detailColor, iconColor := theme.ColorNameForeground, theme.ColorNamePlaceHolder, theme.ColorNamePrimary
	if c.disabled {
		titleColor, detailColor, iconColor = theme.ColorNamePlaceHolder, theme.ColorNameDisabled, theme.ColorNameDisabled
	}
	title := widget.NewRichText(&widget.TextSegment{Text: c.title, Style: widget.RichTextStyle{
		ColorName: titleColor, TextStyle: fyne.TextStyle{Bold: true}, Inline: true,
	}})
	detail := widget.NewRichText(&widget.TextSegment{Text: c.detail, Style: widget.RichTextStyle{
		ColorName: detailColor, SizeName: theme.SizeNameCaptionText,
	}})
	detail.Wrapping = fyne.TextWrapWord
	var trailing fyne.CanvasObject = c.check
	if c.Tag != "" {
		trailing = widget.NewRichText(&widget.TextSegment{Text: c.Tag, Style: widget.RichTextStyle{
			ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Italic: true},
		}})
	}
	text := container.NewVBox(title, container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), detail))
	row := container.NewBorder(nil, nil,
		container.NewVBox(NewBadge(c.icon, iconColor, 40)),
		container.NewVBox(trailing),
		text)
	c.applyState()
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.New(layout.NewCustomPaddedLayout(10, 10, 12, 12), row)))
}

// Refresh redraws the card in its current state.
func (c *ChoiceCard) Refresh() {
	c.applyState()
	c.BaseWidget.Refresh()
}

func (c *ChoiceCard) applyState() {
	if c.bg == nil {
		return
	}
	fill, stroke := theme.Color(ColorNameCard), theme.Color(ColorNameCardBorder)
	switch {
	case c.disabled:
		fill = theme.Color(ColorNameSidebar)
	case c.Selected:
		fill, stroke = theme.Color(theme.ColorNameSelection), theme.Color(theme.ColorNamePrimary)
	case c.hovered:
		fill = theme.Color(theme.ColorNameHover)
	}
	if c.focused {
		stroke = theme.Color(theme.ColorNamePrimary)
		c.bg.StrokeWidth = 2.5
	} else {
		c.bg.StrokeWidth = 1.5
	}
	c.bg.FillColor, c.bg.StrokeColor = fill, stroke
	if c.Selected && !c.disabled {
		c.check.Show()
	} else {
		c.check.Hide()
	}
}

// SetSelected marks the card as the chosen option.
func (c *ChoiceCard) setSelected(on bool) {
	c.Selected = on
	c.Refresh()
}

// Disabled reports whether the card cannot be chosen; the focus skips it.
func (c *ChoiceCard) Disabled() bool { return c.disabled }

// Enable is part of fyne.Disableable; cards are enabled when built.
func (c *ChoiceCard) Enable() { c.disabled = false; c.Refresh() }

// Disable greys the card out.
func (c *ChoiceCard) Disable() { c.disabled = true; c.Refresh() }

// Tapped chooses the card.
func (c *ChoiceCard) Tapped(*fyne.PointEvent) { c.choose() }

func (c *ChoiceCard) choose() {
	if c.disabled {
		return
	}
	c.setSelected(true)
}

// FocusGained shows the focus outline.
func (c *ChoiceCard) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost hides the focus outline.
func (c *ChoiceCard) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune ignores typed characters.
func (c *ChoiceCard) TypedRune(rune) {}

// TypedKey chooses the card on Space, moves on with Enter and cancels with
// Escape.
func (c *ChoiceCard) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		c.choose()
	case fyne.KeyReturn, fyne.KeyEnter:
		c.choose()
		if c.OnEnter != nil && !c.disabled {
			c.OnEnter()
		}
	case fyne.KeyEscape:
		if c.OnEscape != nil {
			c.OnEscape()
		}
	}
}

// MouseIn highlights the card under the pointer.
func (c *ChoiceCard) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

// MouseMoved is part of desktop.Hoverable.
func (c *ChoiceCard) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (c *ChoiceCard) MouseOut() { c.hovered = false; c.Refresh() }

// Cursor is a pointing hand over a card that can be chosen.
func (c *ChoiceCard) Cursor() desktop.Cursor {
	if c.disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// Title is the card's title.
func (c *ChoiceCard) Title() string { return c.title }
