package waformat

import (
	"strconv"
	"strings"
)

// Style is a set of text styles; the flags combine.
type Style uint8

// Style flags.
const (
	Bold   Style = 1 << iota // *bold*
	Italic                   // _italic_
	Strike                   // ~strikethrough~
	Mono                     // ```monospace``` or `inline code`
)

// allStyles holds every defined flag.
const allStyles = Bold | Italic | Strike | Mono

// Has reports whether every flag of f is set in s.
func (s Style) Has(f Style) bool { return s&f == f }

// String returns the flags as words, e.g. "bold+italic", or "plain".
func (s Style) String() string {
	if s == 0 {
		return "plain"
	}
	var parts []string
	for _, f := range []struct {
		flag Style
		name string
	}{{Bold, "bold"}, {Italic, "italic"}, {Strike, "strike"}, {Mono, "mono"}} {
		if s.Has(f.flag) {
			parts = append(parts, f.name)
		}
	}
	return strings.Join(parts, "+")
}

// Span is a run of text drawn in one style.
//
// A line break is a Span whose Text is exactly "\n" (see IsNewline); no
// other span contains a line break. A template parameter is a Span with
// Param > 0 whose Text is the parameter as written, e.g. "{{2}}", until
// Substitute replaces it with a value.
type Span struct {
	Text  string
	Style Style
	Param int
}

// IsNewline reports whether s is a line break.
func (s Span) IsNewline() bool { return s.Param == 0 && s.Text == "\n" }

// ParamText returns how parameter n is written in a template: "{{n}}".
func ParamText(n int) string { return "{{" + strconv.Itoa(n) + "}}" }

// Params returns the parameter numbers used in text, each once, in the
// order they first appear. "Hi {{2}}, {{1}} and {{2}}" gives [2 1].
func Params(text string) []int {
	return SpanParams(Parse(text))
}

// SpanParams returns the parameter numbers in spans, each once, in the
// order they first appear.
func SpanParams(spans []Span) []int {
	var out []int
	seen := map[int]bool{}
	for _, s := range spans {
		if s.Param > 0 && !seen[s.Param] {
			seen[s.Param] = true
			out = append(out, s.Param)
		}
	}
	return out
}

// Substitute returns a copy of spans in which every parameter with a
// non-empty value in values shows that value instead of "{{n}}". The spans
// keep their Param number, so a renderer can still highlight them.
// Parameters without a value are left as written.
func Substitute(spans []Span, values map[int]string) []Span {
	out := make([]Span, len(spans))
	copy(out, spans)
	for i, s := range out {
		if s.Param > 0 {
			if v := values[s.Param]; v != "" {
				out[i].Text = v
			}
		}
	}
	return out
}

// SamplesFromList maps a list of values, where index 0 is {{1}}, to the
// map Substitute takes. Empty values are left out.
func SamplesFromList(values []string) map[int]string {
	m := make(map[int]string, len(values))
	for i, v := range values {
		if v != "" {
			m[i+1] = v
		}
	}
	return m
}

// Plain returns the text of spans without any formatting, as a customer
// would read it: markers removed, parameters as their current Text.
func Plain(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}
