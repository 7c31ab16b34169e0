package widgets

import (
	"net/url"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// flushLayout draws its objects without the theme's inner padding
// around them, as text inside a bubble whose layout has its own.
type flushLayout struct{}

// innerPad is the inner padding o draws around its content.
func innerPad(o fyne.CanvasObject) float32 {
	if w, ok := o.(fyne.Widget); ok {
		return theme.SizeForWidget(theme.SizeNameInnerPadding, w)
	}
	return 0
}

// Layout makes each object reach its inner padding beyond size.
func (flushLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		pad := innerPad(o)
		o.Move(fyne.NewPos(-pad, -pad))
		o.Resize(size.AddWidthHeight(2*pad, 2*pad))
	}
}

// MinSize is the largest object's, without its padding.
func (flushLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var out fyne.Size
	for _, o := range objs {
		pad := innerPad(o)
		m := o.MinSize()
		out = out.Max(fyne.NewSize(max(0, m.Width-2*pad), max(0, m.Height-2*pad)))
	}
	return out
}

// newFlush puts o in a flushLayout.
func newFlush(o fyne.CanvasObject) *fyne.Container { return container.New(flushLayout{}, o) }

// chatLine is one line of text in the chat's colour and size names,
// cut with an ellipsis when it does not fit.
func chatLine(text string, colour fyne.ThemeColorName, size fyne.ThemeSizeName, style fyne.TextStyle) fyne.CanvasObject {
	rt := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: colour, SizeName: size, TextStyle: style, Inline: true,
	}})
	rt.Truncation = fyne.TextTruncateEllipsis
	return newFlush(rt)
}

// ChatButton is a compact button inside a bubble ("Retry", "Open",
// "Save…"), drawn in the chat's colours whatever Parley's theme is.
type ChatButton struct {
	widget.BaseWidget
	Text     string
	Icon     fyne.Resource // nil for none
	OnTapped func()
}

var (
	_ fyne.Tappable      = (*ChatButton)(nil)
	_ desktop.Cursorable = (*ChatButton)(nil)
)

// newSmallButton returns a ChatButton.
func newSmallButton(text string, icon fyne.Resource, tapped func()) *ChatButton {
	b := &ChatButton{Text: text, Icon: icon, OnTapped: tapped}
	b.ExtendBaseWidget(b)
	return b
}

// Tapped calls OnTapped.
func (b *ChatButton) Tapped(*fyne.PointEvent) {
	if b.OnTapped != nil {
		b.OnTapped()
	}
}

// Disabled reports false: a bubble's buttons are always available.
func (b *ChatButton) Disabled() bool { return false }

// Cursor shows a hand.
func (b *ChatButton) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer implements fyne.Widget.
func (b *ChatButton) CreateRenderer() fyne.WidgetRenderer {
	look := chatLook()
	bg := canvas.NewRectangle(look.buttonBg)
	bg.CornerRadius = 6
	bg.StrokeColor = look.chipBorder
	bg.StrokeWidth = 1
	label := canvas.NewText(b.Text, look.text)
	label.TextSize = 13
	label.TextStyle = fyne.TextStyle{Bold: true}
	row := container.NewHBox(label)
	if b.Icon != nil {
		row = container.NewHBox(iconImage(theme.NewColoredResource(b.Icon, colorNameChatText), 15), label)
	}
	content := container.New(layout.NewCustomPaddedLayout(4, 4, 10, 10), row)
	return widget.NewSimpleRenderer(container.NewStack(bg, content))
}

// ChatLink is a link inside a bubble, in the chat's link colour.
type ChatLink struct {
	widget.BaseWidget
	Text string
	URL  *url.URL
}

var (
	_ fyne.Tappable      = (*ChatLink)(nil)
	_ desktop.Cursorable = (*ChatLink)(nil)
)

// newChatLink returns a ChatLink to u.
func newChatLink(text string, u *url.URL) *ChatLink {
	l := &ChatLink{Text: text, URL: u}
	l.ExtendBaseWidget(l)
	return l
}

// Tapped opens the link in the browser.
func (l *ChatLink) Tapped(*fyne.PointEvent) {
	if l.URL != nil {
		_ = fyne.CurrentApp().OpenURL(l.URL)
	}
}

// Cursor shows a hand.
func (l *ChatLink) Cursor() desktop.Cursor { return desktop.PointerCursor }

// CreateRenderer implements fyne.Widget.
func (l *ChatLink) CreateRenderer() fyne.WidgetRenderer {
	label := canvas.NewText(l.Text, chatLook().link)
	label.TextSize = waTextSize
	return widget.NewSimpleRenderer(container.NewHBox(label))
}
