package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ChatNotice is a centred pill between the bubbles of a conversation: a
// day separator ("Today", "Yesterday", a date) or a notice from WhatsApp
// itself, such as a customer's new number.
type ChatNotice struct {
	widget.BaseWidget

	text   string
	system bool
	bg     *canvas.Rectangle // nil until drawn
}

var _ fyne.Widget = (*ChatNotice)(nil)

// NewDaySeparator returns the label that starts the messages of a day.
func NewDaySeparator(label string) *ChatNotice {
	n := &ChatNotice{text: label}
	n.ExtendBaseWidget(n)
	return n
}

// NewSystemNotice returns a notice from WhatsApp, shown centred in grey
// on pale yellow.
func NewSystemNotice(text string) *ChatNotice {
	n := &ChatNotice{text: text, system: true}
	n.ExtendBaseWidget(n)
	return n
}

// Text returns the notice's text.
func (n *ChatNotice) Text() string { return n.text }

// CreateRenderer implements fyne.Widget.
func (n *ChatNotice) CreateRenderer() fyne.WidgetRenderer {
	size, sizeName := float32(12), sizeNameChatNotice
	if n.system {
		size, sizeName = 12.5, sizeNameChatSystem
	}
	bg := canvas.NewRectangle(n.fill())
	bg.CornerRadius = 8
	n.bg = bg
	label := widget.NewRichText(&widget.TextSegment{Text: n.text, Style: widget.RichTextStyle{
		Alignment: fyne.TextAlignCenter, ColorName: colorNameChatDay, SizeName: sizeName, Inline: true,
	}})
	label.Wrapping = fyne.TextWrapWord
	l := &noticeLayout{bg: bg, label: label, natural: fyne.MeasureText(n.text, size, fyne.TextStyle{}).Width + 2}
	return widget.NewSimpleRenderer(container.New(l, bg, label))
}

// fill is the pill's colour in the chat's palette now.
func (n *ChatNotice) fill() color.Color {
	if n.system {
		return chatLook().noticeBg
	}
	return chatLook().dayBg
}

// Refresh repaints the pill, in the dark chat's colours after the theme
// turned dark.
func (n *ChatNotice) Refresh() {
	if n.bg != nil {
		n.bg.FillColor = n.fill()
	}
	n.BaseWidget.Refresh()
}

// noticeLayout centres the pill, at most 80 % of the row wide.
type noticeLayout struct {
	bg      *canvas.Rectangle
	label   *widget.RichText
	natural float32
	width   float32
}

const (
	noticePadX   float32 = 12
	noticePadY   float32 = 5
	noticeMargin float32 = 8
)

func (l *noticeLayout) pillWidth(rowW float32) float32 {
	return max(40, min(l.natural+2*noticePadX, rowW*0.8))
}

// Layout centres the pill in the row.
func (l *noticeLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.arrange(size.Width)
}

func (l *noticeLayout) arrange(rowW float32) float32 {
	w := l.pillWidth(rowW)
	x := (rowW - w) / 2
	// The label is drawn flush: its inner padding reaches into the pill's.
	pad := innerPad(l.label)
	h := place(l.label, x+noticePadX-pad, noticeMargin+noticePadY-pad, max(0, w-2*noticePadX)+2*pad) - 2*pad
	l.bg.Move(fyne.NewPos(x, noticeMargin))
	l.bg.Resize(fyne.NewSize(w, h+2*noticePadY))
	return h + 2*noticePadY + 2*noticeMargin
}

// MinSize is the height the pill needs at the last width.
func (l *noticeLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	w := l.width
	if w <= 0 {
		w = (l.natural + 2*noticePadX) / 0.8
	}
	return fyne.NewSize(40, l.arrange(w))
}
