package app

import (
	"strings"
	"testing"
)

// marked shows the ranges of s between brackets.
func marked(s string, rs []TextRange) string {
	var b strings.Builder
	last := 0
	for _, r := range rs {
		b.WriteString(s[last:r.Start] + "[" + s[r.Start:r.End] + "]")
		last = r.End
	}
	return b.String() + s[last:]
}

func TestMatchRangesIgnoresAccentsAndCase(t *testing.T) {
	for _, c := range []struct{ text, query, want string }{
		{"João Conceição", "joao", "[João] Conceição"},
		{"João Conceição", "CONCEI j", "[João] [Conceição]"},
		{"Zé da Feira", "z", "[Zé] da Feira"},
		{"Ana", `"an" OR *`, "[Ana]"},
		{"Ana", "", "Ana"},
		{"Ana", "bea", "Ana"},
	} {
		if got := marked(c.text, MatchRanges(c.text, c.query)); got != c.want {
			t.Errorf("MatchRanges(%q, %q) marks %q, want %q", c.text, c.query, got, c.want)
		}
	}
}

func TestSearchSnippetCutsAroundTheMatch(t *testing.T) {
	short := "Vocês têm a PROMOÇÃO\nde sábado?"
	if s, rs := SearchSnippet(short, "promocao a"); marked(s, rs) != "Vocês têm [a] [PROMOÇÃO] de sábado?" {
		t.Errorf("short text: %q", marked(s, rs))
	}
	long := strings.Repeat("palavra ", 40) + "a entrega chega amanhã " + strings.Repeat("depois ", 40)
	s, rs := SearchSnippet(long, "entreg")
	if len(rs) != 1 || s[rs[0].Start:rs[0].End] != "entrega" || !strings.HasPrefix(s, "…palavra") ||
		!strings.HasSuffix(s, "…") || len(s) > snippetBytes+2*len("…") {
		t.Errorf("long text: %q with %v", s, rs)
	}
}
