package widgets

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Measures of a chat bubble.
const (
	chatSideMargin  float32 = 20   // between the list's edge and the tail
	chatRowMargin   float32 = 2    // above and below each bubble
	chatPadX        float32 = 9    // inside the bubble, left and right
	chatPadTop      float32 = 6    // inside the bubble, above the content
	chatPadBottom   float32 = 5    // inside the bubble, below the time
	chatSectionGap  float32 = 4    // between parts of the content
	chatMinBubble   float32 = 72   //
	chatMaxBubble   float32 = 520  // however wide the window
	chatMaxShare    float32 = 0.74 // of the row's width
	chatStampGap    float32 = 10   // between text and time on one line
	chatTickSize    float32 = 16
	chatChipHeight  float32 = 26
	chatChipOverlap float32 = 6 // the reactions chip overlaps the bubble
	chatReplyGap    float32 = 6
)

// section is one part of a bubble's content.
type section struct {
	obj     fyne.CanvasObject
	natural float32 // width it would like, without wrapping
	edge    bool    // media drawn nearly edge to edge
	text    bool    // a text whose last line may share its row with the time
}

// bubbleLayout places everything a ChatBubble draws. Its height depends
// on the width it is given, which it remembers from the last layout.
type bubbleLayout struct {
	bubble   *ChatBubble
	look     *chatPalette // the palette it was built in
	outbound bool
	tail     bool

	tailImg    *canvas.Image
	bg, corner *canvas.Rectangle
	sections   []section
	stampBg    *canvas.Rectangle // behind the time when it sits on a photo
	stamp      *canvas.Text
	tick       *canvas.Image // nil on inbound messages
	trailer    []section     // the reason a message failed, with its action
	chip       fyne.CanvasObject
	reply      fyne.CanvasObject

	natural       float32 // width the content would like, bubble padding included
	width         float32 // last width laid out at, 0 before the first layout
	cachedW       float32
	cachedH       float32
	overlayStamp  bool // the time sits on the photo that ends the bubble
	inlineCapable bool // the last section is text that may share its row with the time
}

func newBubbleLayout(b *ChatBubble) *bubbleLayout {
	m := b.msg
	l := &bubbleLayout{bubble: b, outbound: m.Direction == app.Outbound, tail: b.opts.Tail}
	look := chatLook()
	l.look = look
	fill, tail := look.bubbleIn, look.tailIn
	if l.outbound {
		fill, tail = look.bubbleOut, look.tailOut
	}
	l.bg = canvas.NewRectangle(fill)
	l.bg.CornerRadius = bubbleRadius
	l.corner = canvas.NewRectangle(fill)
	l.tailImg = canvas.NewImageFromResource(tail)
	if !l.tail {
		l.corner.Hide()
		l.tailImg.Hide()
	}

	l.sections = contentSections(b)
	l.stamp = canvas.NewText(m.Timestamp.Local().Format("15:04"), look.secondary)
	l.stamp.TextSize = waCaptionSize
	if l.outbound {
		if icon := stateIcon(m.State); icon != nil {
			l.tick = canvas.NewImageFromResource(icon)
			l.tick.FillMode = canvas.ImageFillContain
		}
	}
	l.stampBg = canvas.NewRectangle(color.NRGBA{A: 0x70})
	l.stampBg.CornerRadius = 8
	l.stampBg.Hide()
	if n := len(l.sections); n > 0 {
		last := l.sections[n-1]
		l.overlayStamp = last.edge && isPhoto(m.Type)
		l.inlineCapable = last.text
	}
	if l.overlayStamp {
		l.stamp.Color = color.White
		l.stampBg.Show()
	}
	l.trailer = problemSections(b)
	if len(b.opts.Reactions) > 0 {
		l.chip = newReactionChip(b.opts.Reactions, look)
	}
	if b.opts.OnReply != nil {
		l.reply = newActionPill("Reply", iconReplyGrey, b.opts.OnReply)
		l.reply.Hide()
	}
	l.natural = l.naturalWidth()
	return l
}

// objects lists what the layout places, back to front.
func (l *bubbleLayout) objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{l.tailImg, l.bg, l.corner}
	for _, s := range l.sections {
		objs = append(objs, s.obj)
	}
	objs = append(objs, l.stampBg, l.stamp)
	if l.tick != nil {
		objs = append(objs, l.tick)
	}
	for _, s := range l.trailer {
		objs = append(objs, s.obj)
	}
	if l.chip != nil {
		objs = append(objs, l.chip)
	}
	if l.reply != nil {
		objs = append(objs, l.reply)
	}
	return objs
}

// showReply shows or hides the Reply action beside the bubble.
func (l *bubbleLayout) showReply(on bool) {
	if l.reply == nil || l.reply.Visible() == on {
		return
	}
	if on {
		l.reply.Show()
	} else {
		l.reply.Hide()
	}
}

// footerWidth is the width of the time and the tick.
func (l *bubbleLayout) footerWidth() float32 {
	w := l.stamp.MinSize().Width
	if l.tick != nil {
		w += 3 + chatTickSize
	}
	return w
}

// naturalWidth is the bubble width the content would like.
func (l *bubbleLayout) naturalWidth() float32 {
	w := l.footerWidth() + 2*chatPadX
	for i, s := range l.sections {
		sw := s.natural + 2*chatPadX
		if s.edge {
			sw = s.natural + 2*mediaMargin
		}
		if i == len(l.sections)-1 && s.text && !hasNewline(s.obj) {
			sw += chatStampGap + l.footerWidth()
		}
		w = max(w, sw)
	}
	for _, s := range l.trailer {
		w = max(w, s.natural+2*chatPadX)
	}
	return w
}

// bubbleWidth is the width of the bubble in a row of width rowW.
func (l *bubbleLayout) bubbleWidth(rowW float32) float32 {
	limit := min(chatMaxBubble, rowW*chatMaxShare)
	w := max(chatMinBubble, min(l.natural, limit))
	return max(0, min(w, rowW-2*chatSideMargin-tailWidth))
}

// Layout places every object for a row of size.Width.
func (l *bubbleLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.width = size.Width
	l.arrange(size.Width)
}

// MinSize is the height the bubble needs at the width it last had.
func (l *bubbleLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	w := l.width
	if w <= 0 {
		w = (l.natural + 2*chatSideMargin + tailWidth) / chatMaxShare
	}
	if w != l.cachedW || l.cachedH == 0 {
		l.cachedW, l.cachedH = w, l.arrange(w)
	}
	return fyne.NewSize(chatMinBubble+2*chatSideMargin, l.cachedH)
}

// arrange places every object for a row of width rowW and returns the
// row's height.
func (l *bubbleLayout) arrange(rowW float32) float32 {
	bw := l.bubbleWidth(rowW)
	x := chatSideMargin + tailWidth
	if l.outbound {
		x = rowW - chatSideMargin - tailWidth - bw
	}
	top := chatRowMargin
	inner := max(0, bw-2*chatPadX)
	y := top + chatPadTop
	for i, s := range l.sections {
		if i > 0 {
			y += chatSectionGap
		}
		if s.edge {
			if i == 0 {
				y = top + mediaMargin
			}
			y += place(s.obj, x+mediaMargin, y, max(0, bw-2*mediaMargin))
			continue
		}
		y += place(s.obj, x+chatPadX, y, inner)
	}
	y = l.placeFooter(x, y, bw, inner)
	for _, s := range l.trailer {
		y += chatSectionGap
		y += place(s.obj, x+chatPadX, y, inner)
	}
	bottom := y + chatPadBottom
	if l.overlayStamp && len(l.trailer) == 0 {
		bottom = y + mediaMargin
	}
	l.bg.Move(fyne.NewPos(x, top))
	l.bg.Resize(fyne.NewSize(bw, bottom-top))
	l.placeTail(x, top, bw)

	end := bottom
	if l.chip != nil {
		cs := l.chip.MinSize()
		cs.Height = chatChipHeight
		cx := x + 8
		if l.outbound {
			cx = x + bw - 8 - cs.Width
		}
		l.chip.Resize(cs)
		l.chip.Move(fyne.NewPos(cx, bottom-chatChipOverlap))
		end = bottom - chatChipOverlap + cs.Height
	}
	if l.reply != nil {
		rs := l.reply.MinSize()
		rx := x + bw + chatReplyGap
		if l.outbound {
			rx = x - chatReplyGap - rs.Width
		}
		l.reply.Resize(rs)
		l.reply.Move(fyne.NewPos(rx, top+max(0, (bottom-top-rs.Height)/2)))
	}
	return end + chatRowMargin
}

// placeFooter puts the time and tick under the content, on the last line
// of text when there is room, or over the photo that ends the bubble. y
// is the bottom of the content; it returns the bottom of content and
// footer.
func (l *bubbleLayout) placeFooter(x, y, bw, inner float32) float32 {
	fw := l.footerWidth()
	ss := l.stamp.MinSize()
	switch {
	case l.overlayStamp:
		right := x + bw - mediaMargin - 8
		top := y - ss.Height - 6
		l.stampBg.Move(fyne.NewPos(right-fw-5, top-1))
		l.stampBg.Resize(fyne.NewSize(fw+10, ss.Height+2))
		l.moveFooter(right, top, fw, ss)
		return y
	case l.inlineCapable && l.fitsInline(inner, fw):
		l.moveFooter(x+bw-chatPadX, y-ss.Height+4, fw, ss)
		return y + 4
	default:
		l.moveFooter(x+bw-chatPadX, y+2, fw, ss)
		return y + 2 + ss.Height
	}
}

// moveFooter puts the footer's right edge at right and its top at y.
func (l *bubbleLayout) moveFooter(right, y, fw float32, ss fyne.Size) {
	l.stamp.Resize(ss)
	l.stamp.Move(fyne.NewPos(right-fw, y))
	if l.tick != nil {
		l.tick.Resize(fyne.NewSquareSize(chatTickSize))
		l.tick.Move(fyne.NewPos(right-chatTickSize, y+(ss.Height-chatTickSize)/2))
	}
}

// fitsInline reports whether the last line of the closing text leaves
// room for the time on its right.
func (l *bubbleLayout) fitsInline(inner, fw float32) bool {
	last := l.sections[len(l.sections)-1]
	if hasNewline(last.obj) {
		return false
	}
	return last.natural+chatStampGap+fw <= inner
}

// placeTail draws the bubble's point at its top outer corner.
func (l *bubbleLayout) placeTail(x, top, bw float32) {
	if !l.tail {
		return
	}
	l.corner.Resize(fyne.NewSquareSize(2 * bubbleRadius))
	l.tailImg.Resize(fyne.NewSize(tailWidth, tailHeight))
	if l.outbound {
		l.corner.Move(fyne.NewPos(x+bw-2*bubbleRadius, top))
		l.tailImg.Move(fyne.NewPos(x+bw, top))
		return
	}
	l.corner.Move(fyne.NewPos(x, top))
	l.tailImg.Move(fyne.NewPos(x-tailWidth, top))
}

// hasNewline reports whether a text section runs over several lines of
// its own.
func hasNewline(o fyne.CanvasObject) bool {
	rt, ok := o.(*WrappingText)
	if !ok {
		return false
	}
	for _, s := range rt.Segments() {
		if ts, ok := s.(*widget.TextSegment); ok && ts.Text == "\n" {
			return true
		}
	}
	return false
}

// isPhoto reports whether a message type is shown as a picture.
func isPhoto(t app.MessageType) bool { return t == app.MsgImage || t == app.MsgSticker }

// newReactionChip is the small white pill of reaction emoji under a
// bubble.
func newReactionChip(emoji []string, look *chatPalette) fyne.CanvasObject {
	text := ""
	for _, e := range emoji {
		text += e
	}
	if len(emoji) > 1 {
		text += " " + strconv.Itoa(len(emoji))
	}
	label := canvas.NewText(text, look.text)
	label.TextSize = 16
	bg := canvas.NewRectangle(look.chipBg)
	bg.CornerRadius = chatChipHeight / 2
	bg.StrokeColor = look.chipBorder
	bg.StrokeWidth = 1
	return container.NewStack(bg, container.New(&chipPadding{}, label))
}

// chipPadding centres the chip's text with room on both sides.
type chipPadding struct{}

func (chipPadding) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		ms := o.MinSize()
		o.Resize(ms)
		o.Move(fyne.NewPos((size.Width-ms.Width)/2, (size.Height-ms.Height)/2))
	}
}

func (chipPadding) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		s = s.Max(o.MinSize())
	}
	return fyne.NewSize(max(s.Width+2*theme.Padding()+4, chatChipHeight+8), chatChipHeight)
}
