package channels

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// choiceCard is one option of a wizard step shown as a card: an icon, a
// title and a line of detail. A selected card has a coloured outline and a
// check mark; a disabled one is greyed and carries a tag such as
// "Coming soon". It takes the focus: Space selects it, Enter moves on and
// Escape cancels.
type choiceCard struct {
	widget.BaseWidget

	icon     fyne.Resource
	title    string
	detail   string
	tag      string // shown on a disabled card
	selected bool
	disabled bool

	onEnter  func()
	onEscape func()

	focused bool
	hovered bool
	bg      *canvas.Rectangle
	check   *widget.Icon
}

var (
	_ fyne.Focusable     = (*choiceCard)(nil)
	_ fyne.Tappable      = (*choiceCard)(nil)
	_ fyne.Disableable   = (*choiceCard)(nil)
	_ desktop.Hoverable  = (*choiceCard)(nil)
	_ desktop.Cursorable = (*choiceCard)(nil)
)

func newChoiceCard(icon fyne.Resource, title, detail string) *choiceCard {
	c := &choiceCard{icon: icon, title: title, detail: detail}
	c.ExtendBaseWidget(c)
	return c
}

// CreateRenderer builds the card.
func (c *choiceCard) CreateRenderer() fyne.WidgetRenderer {
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
	if c.tag != "" {
		trailing = widget.NewRichText(&widget.TextSegment{Text: c.tag, Style: widget.RichTextStyle{
			ColorName: theme.ColorNamePlaceHolder, SizeName: theme.SizeNameCaptionText, TextStyle: fyne.TextStyle{Italic: true},
		}})
	}
	text := container.NewVBox(title, container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), detail))
	row := container.NewBorder(nil, nil,
		container.NewVBox(kit.NewBadge(c.icon, iconColor, 40)),
		container.NewVBox(trailing),
		text)
	c.applyState()
	return widget.NewSimpleRenderer(container.NewStack(c.bg, container.New(layout.NewCustomPaddedLayout(10, 10, 12, 12), row)))
}

// Refresh redraws the card in its current state.
func (c *choiceCard) Refresh() {
	c.applyState()
	c.BaseWidget.Refresh()
}

func (c *choiceCard) applyState() {
	if c.bg == nil {
		return
	}
	fill, stroke := theme.Color(kit.ColorNameCard), theme.Color(kit.ColorNameCardBorder)
	switch {
	case c.disabled:
		fill = theme.Color(kit.ColorNameSidebar)
	case c.selected:
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
	if c.selected && !c.disabled {
		c.check.Show()
	} else {
		c.check.Hide()
	}
}

// setSelected marks the card as the chosen option.
func (c *choiceCard) setSelected(on bool) {
	c.selected = on
	c.Refresh()
}

// Disabled reports whether the card cannot be chosen; the focus skips it.
func (c *choiceCard) Disabled() bool { return c.disabled }

// Enable is part of fyne.Disableable; cards are enabled when built.
func (c *choiceCard) Enable() { c.disabled = false; c.Refresh() }

// Disable greys the card out.
func (c *choiceCard) Disable() { c.disabled = true; c.Refresh() }

// Tapped chooses the card.
func (c *choiceCard) Tapped(*fyne.PointEvent) { c.choose() }

func (c *choiceCard) choose() {
	if c.disabled {
		return
	}
	c.setSelected(true)
}

// FocusGained shows the focus outline.
func (c *choiceCard) FocusGained() { c.focused = true; c.Refresh() }

// FocusLost hides the focus outline.
func (c *choiceCard) FocusLost() { c.focused = false; c.Refresh() }

// TypedRune ignores typed characters.
func (c *choiceCard) TypedRune(rune) {}

// TypedKey chooses the card on Space, moves on with Enter and cancels with
// Escape.
func (c *choiceCard) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace:
		c.choose()
	case fyne.KeyReturn, fyne.KeyEnter:
		c.choose()
		if c.onEnter != nil && !c.disabled {
			c.onEnter()
		}
	case fyne.KeyEscape:
		if c.onEscape != nil {
			c.onEscape()
		}
	}
}

// MouseIn highlights the card under the pointer.
func (c *choiceCard) MouseIn(*desktop.MouseEvent) { c.hovered = true; c.Refresh() }

// MouseMoved is part of desktop.Hoverable.
func (c *choiceCard) MouseMoved(*desktop.MouseEvent) {}

// MouseOut removes the highlight.
func (c *choiceCard) MouseOut() { c.hovered = false; c.Refresh() }

// Cursor is a pointing hand over a card that can be chosen.
func (c *choiceCard) Cursor() desktop.Cursor {
	if c.disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}
