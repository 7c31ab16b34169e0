package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// WrappingText shows inline text segments of mixed styles (as from
// RichTextFromWhatsApp) wrapped at spaces to its width, like a
// widget.RichText with word wrapping.
//
// It breaks the lines itself. Fyne 2.7's rich text breaks a segment that
// starts close to the end of a line one character per line, so a
// template preview with a short sample value could turn into a tall
// column of letters (fixed upstream in fyne-io/fyne#6200, not yet in a
// release). WrappingText gives the rich text lines that already fit.
type WrappingText struct {
	widget.BaseWidget

	text      *widget.RichText
	source    []widget.RichTextSegment
	brokenFor breakKey // what text's segments are broken for; zero: nothing
	// flush draws the text without the theme's inner padding around it,
	// as inside a chat bubble, whose layout has its own.
	flush bool
}

// NewWrappingText returns a WrappingText of segs.
func NewWrappingText(segs ...widget.RichTextSegment) *WrappingText {
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	t := &WrappingText{text: rt, source: segs}
	t.ExtendBaseWidget(t)
	return t
}

// Segments returns the segments as given, without the line breaks
// WrappingText adds.
func (t *WrappingText) Segments() []widget.RichTextSegment { return t.source }

// SetSegments replaces the text.
func (t *WrappingText) SetSegments(segs []widget.RichTextSegment) {
	t.source = segs
	t.brokenFor = breakKey{}
	t.Refresh()
}

// String returns the text without the added line breaks.
func (t *WrappingText) String() string {
	var b strings.Builder
	for _, s := range t.source {
		b.WriteString(s.Textual())
	}
	return b.String()
}

// CreateRenderer implements fyne.Widget.
func (t *WrappingText) CreateRenderer() fyne.WidgetRenderer {
	return &wrappingRenderer{t: t, objs: []fyne.CanvasObject{t.text}}
}

// reflow breaks the source into lines that fit width, unless it is
// already broken for that width and theme.
func (t *WrappingText) reflow(width float32) {
	// The rich text's own theme decides its padding and text sizes, as
	// in Fyne's row layout, which the lines must fit exactly.
	pad := theme.SizeForWidget(theme.SizeNameInnerPadding, t.text)
	text := theme.SizeForWidget(theme.SizeNameText, t.text)
	key := breakKey{width: width, pad: pad, text: text}
	if width <= 0 || key == t.brokenFor {
		return
	}
	t.brokenFor = key
	if !t.flush {
		width -= 2 * pad
	}
	t.text.Segments = breakLines(t.source, width, func(s *widget.TextSegment, text string) float32 {
		return fyne.MeasureText(text, t.segmentSize(s), s.Style.TextStyle).Width
	})
}

// breakKey is what the line breaks depend on besides the text.
type breakKey struct{ width, pad, text float32 }

// segmentSize is the text size of s, as the rich text draws it.
func (t *WrappingText) segmentSize(s *widget.TextSegment) float32 {
	name := s.Style.SizeName
	if name == "" {
		name = theme.SizeNameText
	}
	return theme.SizeForWidget(name, t.text)
}

type wrappingRenderer struct {
	t    *WrappingText
	objs []fyne.CanvasObject
}

// Destroy implements fyne.WidgetRenderer; there is nothing to release.
func (r *wrappingRenderer) Destroy() {}

// Objects returns the rich text.
func (r *wrappingRenderer) Objects() []fyne.CanvasObject { return r.objs }

// Layout breaks the lines for size's width and sizes the rich text.
func (r *wrappingRenderer) Layout(size fyne.Size) {
	before := r.t.brokenFor
	r.t.reflow(size.Width)
	pad := r.t.outerPad()
	size = size.AddWidthHeight(2*pad, 2*pad)
	if r.t.brokenFor != before && r.t.text.Size() == size {
		r.t.text.Refresh() // same size, new lines
	}
	r.t.text.Move(fyne.NewPos(-pad, -pad))
	r.t.text.Resize(size)
}

// outerPad is how far the rich text reaches beyond the widget on every
// side: its inner padding when flush, else nothing.
func (t *WrappingText) outerPad() float32 {
	if !t.flush {
		return 0
	}
	return innerPad(t.text)
}

// MinSize is the rich text's, with its lines broken for the current
// width.
func (r *wrappingRenderer) MinSize() fyne.Size {
	if size := r.t.Size(); size.Width > 0 {
		r.Layout(size) // the lines for this width (and theme), if not yet
	}
	pad := r.t.outerPad()
	min := r.t.text.MinSize()
	return fyne.NewSize(max(0, min.Width-2*pad), max(0, min.Height-2*pad))
}

// Refresh breaks the lines again (the text or theme may have changed)
// and redraws.
func (r *wrappingRenderer) Refresh() {
	r.t.brokenFor = breakKey{}
	if w := r.t.Size().Width; w > 0 {
		r.t.reflow(w)
	} else {
		r.t.text.Segments = r.t.source
	}
	r.t.text.Refresh()
}

// piece is the part of a text segment that falls on one line.
type piece struct {
	seg  *widget.TextSegment
	text string
}

// breakLines returns segs with a line break wherever a line would be
// wider than width: after the last space that fits, or inside a word that
// is wider than a whole line. Spaces at a break are dropped; the line
// breaks in segs stay. Segments that are not inline text are kept as
// they are. measure returns the width of text drawn in the style of s.
func breakLines(segs []widget.RichTextSegment, width float32, measure func(s *widget.TextSegment, text string) float32) []widget.RichTextSegment {
	b := lineBreaker{width: width, measure: measure, room: width}
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok || !ts.Inline() {
			b.flushWord()
			b.out = append(b.out, b.takeLine()...)
			b.out = append(b.out, s)
			continue
		}
		b.add(ts)
	}
	b.flushWord()
	return append(b.out, b.takeLine()...)
}

// lineBreaker is the state of breakLines.
type lineBreaker struct {
	width   float32
	measure func(s *widget.TextSegment, text string) float32

	out    []widget.RichTextSegment // finished lines
	line   []piece                  // the current line, one piece per run of a segment
	room   float32                  // width left beside all of line's runs but the last
	spaces []piece                  // spaces after the last word, not yet placed
	word   []piece                  // the word being read, which may span segments
}

// add reads the text of s: words, spaces and line breaks.
func (b *lineBreaker) add(s *widget.TextSegment) {
	text := s.Text
	for text != "" {
		r, _ := utf8.DecodeRuneInString(text)
		var n int
		switch {
		case r == '\n':
			b.flushWord()
			b.spaces = nil
			b.out = append(b.out, b.takeLine()...)
			b.out = append(b.out, &widget.TextSegment{Style: s.Style, Text: "\n"})
			text = text[1:]
			continue
		case unicode.IsSpace(r):
			n = spanOf(text, func(r rune) bool { return r != '\n' && unicode.IsSpace(r) })
			b.flushWord()
			b.spaces = append(b.spaces, piece{s, text[:n]})
		default:
			n = spanOf(text, func(r rune) bool { return !unicode.IsSpace(r) })
			b.word = append(b.word, piece{s, text[:n]})
		}
		text = text[n:]
	}
}

// spanOf returns the length in bytes of the start of text whose runes
// all satisfy ok.
func spanOf(text string, ok func(rune) bool) int {
	for i, r := range text {
		if !ok(r) {
			return i
		}
	}
	return len(text)
}

// flushWord places the word just read: after the pending spaces if it
// fits there, else at the start of a new line, broken inside if it is
// wider than a line.
func (b *lineBreaker) flushWord() {
	if len(b.word) == 0 {
		return
	}
	withSpaces := append(append([]piece(nil), b.spaces...), b.word...)
	switch {
	case b.fits(withSpaces):
		b.place(withSpaces...)
	case len(b.line) == 0:
		// The start of the text or of a line the writer began: its
		// spaces are kept.
		b.place(b.spaces...)
		b.breakWord()
	default:
		b.newLine() // the spaces at a break are dropped
		if b.fits(b.word) {
			b.place(b.word...)
		} else {
			b.breakWord()
		}
	}
	b.spaces, b.word = nil, nil
}

// breakWord places a word wider than the room left, as many characters
// on each line as fit (at least one).
func (b *lineBreaker) breakWord() {
	for _, p := range b.word {
		text := p.text
		for text != "" {
			n := b.fitting(p.seg, text)
			if n == 0 {
				if len(b.line) > 0 {
					b.newLine()
					continue
				}
				_, n = utf8.DecodeRuneInString(text) // not even one fits
			}
			b.place(piece{p.seg, text[:n]})
			text = text[n:]
			if text != "" {
				b.newLine()
			}
		}
	}
}

// fitting returns how many bytes of text, whole runes, fit on the line
// after what it holds.
func (b *lineBreaker) fitting(s *widget.TextSegment, text string) int {
	fit := 0
	for i, r := range text {
		end := i + utf8.RuneLen(r)
		if !b.fits([]piece{{s, text[:end]}}) {
			break
		}
		fit = end
	}
	return fit
}

// fits reports whether the line with more added fits the width, checked
// as Fyne's rich text checks a row: each run of one segment must fit in
// what the runs before it leave.
func (b *lineBreaker) fits(more []piece) bool {
	room := b.room
	var last piece
	if n := len(b.line); n > 0 {
		last = b.line[n-1]
	}
	for _, p := range more {
		if last.seg == p.seg {
			last.text += p.text
			continue
		}
		if last.seg != nil {
			w := b.measure(last.seg, last.text)
			if w > room {
				return false
			}
			room -= w
		}
		last = p
	}
	return last.seg == nil || b.measure(last.seg, last.text) <= room
}

// place adds pieces to the line.
func (b *lineBreaker) place(pieces ...piece) {
	for _, p := range pieces {
		n := len(b.line)
		if n > 0 && b.line[n-1].seg == p.seg {
			b.line[n-1].text += p.text
			continue
		}
		if n > 0 {
			last := b.line[n-1]
			b.room -= b.measure(last.seg, last.text)
		}
		b.line = append(b.line, p)
	}
}

// newLine ends the current line with a break.
func (b *lineBreaker) newLine() {
	style := widget.RichTextStyleInline
	if len(b.line) > 0 {
		style = b.line[len(b.line)-1].seg.Style
	}
	b.out = append(b.out, b.takeLine()...)
	b.out = append(b.out, &widget.TextSegment{Style: style, Text: "\n"})
}

// takeLine returns the current line as segments, one per run of a
// segment, and starts a new one.
func (b *lineBreaker) takeLine() []widget.RichTextSegment {
	var segs []widget.RichTextSegment
	for _, run := range b.line {
		segs = append(segs, &widget.TextSegment{Style: run.seg.Style, Text: run.text})
	}
	b.line, b.room = nil, b.width
	return segs
}
