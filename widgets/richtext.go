package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app/waformat"
)

// RichTextFromWhatsApp turns WhatsApp-formatted text into rich text
// segments: *bold*, _italic_ and ```monospace``` become text styles,
// ~strikethrough~ is drawn with a combining long stroke (U+0336) after
// every character because Fyne has no strikethrough style, and each line
// break is its own segment, so blank lines are kept. The segments are
// inline; put them in a widget.RichText with word wrapping.
//
// When samples is nil, parameters stay as written ({{1}}) in the normal
// text colour, which suits received and sent messages. When samples is
// not nil, as in a template preview, a parameter with a sample shows the
// sample in the theme's primary colour and a parameter without one shows
// {{n}} in the warning colour.
func RichTextFromWhatsApp(text string, samples map[int]string) []widget.RichTextSegment {
	spans := waformat.Parse(text)
	if samples != nil {
		spans = waformat.Substitute(spans, samples)
	}
	segs := make([]widget.RichTextSegment, 0, len(spans))
	for _, s := range spans {
		style := widget.RichTextStyleInline
		if s.IsNewline() {
			segs = append(segs, &widget.TextSegment{Style: style, Text: "\n"})
			continue
		}
		style.TextStyle = fyne.TextStyle{
			Bold:      s.Style.Has(waformat.Bold),
			Italic:    s.Style.Has(waformat.Italic),
			Monospace: s.Style.Has(waformat.Mono),
		}
		if samples != nil && s.Param > 0 {
			style.ColorName = theme.ColorNamePrimary
			if samples[s.Param] == "" {
				style.ColorName = theme.ColorNameWarning
			}
		}
		txt := s.Text
		if s.Style.Has(waformat.Strike) {
			txt = strikeThrough(txt)
		}
		segs = append(segs, &widget.TextSegment{Style: style, Text: txt})
	}
	return segs
}

// combiningLongStroke overlays the character before it with a stroke.
const combiningLongStroke = '\u0336'

// strikeThrough draws a line through s by adding a combining long stroke
// after every character. Spaces get one too, so the line runs on between
// words as on WhatsApp; wrapping still breaks after a space, so a wrapped
// line never starts with a stray stroke.
func strikeThrough(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 3)
	for _, r := range s {
		b.WriteRune(r)
		b.WriteRune(combiningLongStroke)
	}
	return b.String()
}
