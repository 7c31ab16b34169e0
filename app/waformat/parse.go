package waformat

import (
	"slices"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var whatsApp = newParser()

// Parse splits WhatsApp-formatted text into styled spans. The markers that
// format something are removed; every other character, including unmatched
// markers, spaces and line breaks, is kept in order. Parse never fails:
// anything it does not understand is plain text.
func Parse(s string) []Span {
	if s == "" {
		return nil
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	src := []byte(s)
	pc := parser.NewContext()
	doc := whatsApp.Parse(text.NewReader(src), parser.WithContext(pc))

	b := spanBuilder{src: src, consumed: consumedOffsets(stateOf(pc))}
	var styles []Style
	style := Style(0)
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *formatNode:
			style = push(&styles, style, n.style, entering)
		case *codeNode:
			style = push(&styles, style, Mono, entering)
		case *ast.Text:
			if entering {
				b.text(n.Segment.Start, n.Segment.Stop, style)
			}
		case *paramNode:
			if entering {
				b.param(n.segment.Start, n.segment.Stop, n.n, style)
			}
		}
		return ast.WalkContinue, nil
	})
	b.gap(len(src))
	return b.spans
}

// push enters or leaves a formatted node and returns the style in force.
func push(stack *[]Style, cur, add Style, entering bool) Style {
	if entering {
		*stack = append(*stack, cur)
		return cur | add
	}
	last := (*stack)[len(*stack)-1]
	*stack = (*stack)[:len(*stack)-1]
	return last
}

// consumedOffsets lists, sorted, the source offsets of the markers that
// formatted something: emphasis delimiters used up by a pair, and the
// backtick runs of monospace spans.
func consumedOffsets(st *state) []int {
	var out []int
	for _, d := range st.delimiters {
		if d.Length == 0 {
			out = append(out, d.Segment.Start)
		}
	}
	for _, m := range st.markers {
		for i := m.Start; i < m.Stop; i++ {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// spanBuilder turns the leaves of the syntax tree into spans. Source bytes
// not covered by a leaf (line breaks, blank lines, trailing spaces goldmark
// trims from a line) are copied as plain text, except consumed markers.
type spanBuilder struct {
	src      []byte
	consumed []int // sorted offsets to drop
	pos      int   // source offset written so far
	spans    []Span
}

// gap writes the uncovered source up to stop as plain text.
func (b *spanBuilder) gap(stop int) {
	start := b.pos
	for i := b.pos; i < stop; i++ {
		if b.isConsumed(i) {
			b.add(string(b.src[start:i]), 0)
			start = i + 1
		}
	}
	b.add(string(b.src[start:max(start, stop)]), 0)
	b.pos = max(b.pos, stop)
}

func (b *spanBuilder) isConsumed(i int) bool {
	_, found := slices.BinarySearch(b.consumed, i)
	return found
}

// text writes the leaf source[start:stop] in style.
func (b *spanBuilder) text(start, stop int, style Style) {
	b.gap(start)
	start = max(start, b.pos)
	if start >= stop {
		return
	}
	b.add(string(b.src[start:stop]), style)
	b.pos = stop
}

// param writes parameter n found at source[start:stop].
func (b *spanBuilder) param(start, stop, n int, style Style) {
	b.gap(start)
	if start < b.pos {
		return
	}
	b.spans = append(b.spans, Span{Text: string(b.src[start:stop]), Style: style, Param: n})
	b.pos = stop
}

// add appends text, splitting off line breaks and merging with the
// previous span when the style is the same.
func (b *spanBuilder) add(s string, style Style) {
	for s != "" {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			b.appendText(s, style)
			return
		}
		if i > 0 {
			b.appendText(s[:i], style)
		}
		b.spans = append(b.spans, Span{Text: "\n"})
		s = s[i+1:]
	}
}

func (b *spanBuilder) appendText(s string, style Style) {
	if n := len(b.spans); n > 0 {
		last := &b.spans[n-1]
		if last.Param == 0 && last.Style == style && !last.IsNewline() {
			last.Text += s
			return
		}
	}
	b.spans = append(b.spans, Span{Text: s, Style: style})
}
