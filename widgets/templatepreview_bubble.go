package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
)

// bubbleBox is the message bubble of a preview: header, body, footer and
// time stamp on a white rounded card with a sharp top-left corner where
// the tail joins.
type bubbleBox struct {
	widget.BaseWidget

	header  fyne.CanvasObject // nil without a header
	media   bool              // header is media, drawn nearly edge to edge
	body    *WrappingText
	footer  *WrappingText // nil without a footer
	stamp   *canvas.Text
	natural float32 // width the content needs without wrapping
}

// newBubble builds the bubble of t with header object header (or nil).
func newBubble(header fyne.CanvasObject, t app.Template, stamp string) *bubbleBox {
	b := &bubbleBox{header: header, media: isMedia(t.Header.Format)}
	samples := waformat.SamplesFromList(t.BodyExamples)
	b.body = wrapped(inPreviewStyle(RichTextFromWhatsApp(t.Body, samples), sizeNameChatText))
	b.natural = naturalWidth(b.body.Segments(), chatTextSize())
	if t.Header.Format == app.HeaderText && header != nil {
		b.natural = max(b.natural, naturalWidth(header.(*WrappingText).Segments(), waHeaderSize))
	}
	if b.media {
		b.natural = maxBubble
	}
	b.stamp = canvas.NewText(stamp, waSecondary)
	b.stamp.TextSize = waCaptionSize
	b.stamp.Alignment = fyne.TextAlignTrailing
	stampWidth := b.stamp.MinSize().Width
	if t.Footer != "" {
		b.footer = wrapped([]widget.RichTextSegment{&widget.TextSegment{
			Text: t.Footer,
			Style: widget.RichTextStyle{
				Inline: true, ColorName: colorNamePreviewSecondary, SizeName: sizeNameChatCaption,
			},
		}})
		b.natural = max(b.natural, naturalWidth(b.footer.Segments(), waCaptionSize)+stampGap+stampWidth)
	}
	b.natural = max(b.natural, stampWidth) + 2*bubblePadding
	b.ExtendBaseWidget(b)
	return b
}

const (
	stampGap    float32 = 12 // between footer and time stamp
	sectionGap  float32 = 4  // between header, body and footer
	mediaMargin float32 = 3  // around a media header
)

func (b *bubbleBox) naturalWidth() float32 { return b.natural }

func (b *bubbleBox) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(waBubble)
	bg.CornerRadius = bubbleRadius
	corner := canvas.NewRectangle(waBubble)
	objs := []fyne.CanvasObject{bg, corner}
	if b.header != nil {
		objs = append(objs, b.header)
	}
	objs = append(objs, b.body)
	if b.footer != nil {
		objs = append(objs, b.footer)
	}
	objs = append(objs, b.stamp)
	return &bubbleRenderer{b: b, bg: bg, corner: corner, objs: objs}
}

type bubbleRenderer struct {
	b          *bubbleBox
	bg, corner *canvas.Rectangle
	objs       []fyne.CanvasObject
}

func (r *bubbleRenderer) Destroy() {}

func (r *bubbleRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *bubbleRenderer) Refresh() {
	for _, o := range r.objs {
		o.Refresh()
	}
}

// place sizes o to width w at y, letting wrapped text find its height,
// and returns the height.
func place(o fyne.CanvasObject, x, y, w float32) float32 {
	o.Resize(fyne.NewSize(w, o.MinSize().Height))
	h := o.MinSize().Height
	o.Resize(fyne.NewSize(w, h))
	o.Move(fyne.NewPos(x, y))
	return h
}

func (r *bubbleRenderer) Layout(size fyne.Size) {
	r.bg.Resize(size)
	r.corner.Resize(fyne.NewSize(2*bubbleRadius, 2*bubbleRadius))
	r.corner.Move(fyne.NewPos(0, 0))
	r.arrange(size.Width, true)
}

func (r *bubbleRenderer) MinSize() fyne.Size {
	w := r.b.Size().Width
	if w <= 0 {
		w = min(r.b.natural, maxBubble)
	}
	return fyne.NewSize(minBubble, r.arrange(w, false))
}

// arrange computes, and when move is set applies, the layout for width w;
// it returns the height the content needs.
func (r *bubbleRenderer) arrange(w float32, move bool) float32 {
	b := r.b
	inner := max(0, w-2*bubblePadding)
	measure := func(o fyne.CanvasObject, x, y, width float32) float32 {
		if move {
			return place(o, x, y, width)
		}
		return o.MinSize().Height
	}
	y := float32(bubblePadding) - 2
	if b.header != nil {
		if b.media {
			y = mediaMargin
			y += measure(b.header, mediaMargin, y, max(0, w-2*mediaMargin)) + sectionGap + 2
		} else {
			y += measure(b.header, bubblePadding, y, inner) + sectionGap
		}
	}
	y += measure(b.body, bubblePadding, y, inner) + sectionGap
	stampSize := b.stamp.MinSize()
	if b.footer != nil {
		fh := measure(b.footer, bubblePadding, y, max(0, inner-stampSize.Width-stampGap))
		if move {
			b.stamp.Resize(stampSize)
			b.stamp.Move(fyne.NewPos(w-bubblePadding-stampSize.Width, y+fh-stampSize.Height))
		}
		y += max(fh, stampSize.Height)
	} else {
		if move {
			b.stamp.Resize(stampSize)
			b.stamp.Move(fyne.NewPos(w-bubblePadding-stampSize.Width, y-2))
		}
		y += stampSize.Height - 2
	}
	return y + bubblePadding - 2
}

// wrapped returns a word-wrapping rich text of segs, flush with its box
// (the bubble's layout has the padding).
func wrapped(segs []widget.RichTextSegment) *WrappingText {
	t := NewWrappingText(segs...)
	t.flush = true
	return t
}

// naturalWidth measures the widest line of segs without wrapping.
func naturalWidth(segs []widget.RichTextSegment, size float32) float32 {
	widest, line := float32(0), float32(0)
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		if ts.Text == "\n" {
			line = 0
			continue
		}
		line += fyne.MeasureText(ts.Text, size, ts.Style.TextStyle).Width
		widest = max(widest, line)
	}
	return widest
}

func isMedia(format string) bool {
	return format == app.HeaderImage || format == app.HeaderVideo || format == app.HeaderDocument
}

// inPreviewStyle gives segments the chat's names: text in WhatsApp's text
// colour at size, a parameter's sample in WhatsApp's green and a
// parameter without one in orange. It returns segs.
func inPreviewStyle(segs []widget.RichTextSegment, size fyne.ThemeSizeName) []widget.RichTextSegment {
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		switch ts.Style.ColorName {
		case theme.ColorNamePrimary:
			ts.Style.ColorName = colorNameChatSample
		case theme.ColorNameWarning:
			ts.Style.ColorName = colorNameChatMissing
		case "", theme.ColorNameForeground:
			ts.Style.ColorName = colorNamePreviewText
		}
		ts.Style.SizeName = size
	}
	return segs
}
