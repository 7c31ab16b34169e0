package waformat

import (
	"regexp"
	"strings"
	"testing"
)

var paramSyntax = regexp.MustCompile(`\{\{[1-9][0-9]{0,2}\}\}`)

// FuzzParse checks that Parse never panics and only ever removes markers:
// the span text, read in order, is the input with some marker characters
// taken out, markers disappear in pairs, every {{n}} written in the input
// is a parameter span, and spans are well formed.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "*a*", "_a_ ~b~ ```c``` `d`", "*a _b* c_", "**x**", "a*b*c", "{{1}}{{2}}",
		"*{{1}}*\n\n_x_", "\\*a*", "```a `b` c```", "{{{1}}}", "🎉*Sale*🎉", "*Привет*",
		"a  \nb\\\nc", "\r\n*a*\r\n", "# h\n- l\n> q\n    code", "~_*x*_~", "`a``b```c````",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		spans := Parse(in)
		src := strings.ReplaceAll(in, "\r\n", "\n")

		var out strings.Builder
		params := 0
		for i, s := range spans {
			if s.Text == "" {
				t.Fatalf("span %d is empty: %s", i, dump(spans))
			}
			if s.Style&^allStyles != 0 {
				t.Fatalf("span %d has unknown style bits %b", i, s.Style)
			}
			if strings.Contains(s.Text, "\n") && (s.Text != "\n" || s.Style != 0 || s.Param != 0) {
				t.Fatalf("span %d mixes a line break with other text: %s", i, dump(spans))
			}
			if s.Param > 0 {
				params++
				if s.Text != ParamText(s.Param) {
					t.Fatalf("param span %d reads %q, want %q", i, s.Text, ParamText(s.Param))
				}
			}
			if i > 0 {
				prev := spans[i-1]
				if prev.Param == 0 && s.Param == 0 && !prev.IsNewline() && !s.IsNewline() && prev.Style == s.Style {
					t.Fatalf("spans %d and %d have the same style and were not merged: %s", i-1, i, dump(spans))
				}
			}
			out.WriteString(s.Text)
		}

		removed := map[byte]int{}
		got := out.String()
		j := 0
		for i := 0; i < len(src); i++ {
			if j < len(got) && got[j] == src[i] {
				j++
				continue
			}
			if !strings.ContainsRune("*_~`", rune(src[i])) {
				t.Fatalf("Parse(%q) dropped %q at %d; output %q", in, src[i], i, got)
			}
			removed[src[i]]++
		}
		if j != len(got) {
			t.Fatalf("Parse(%q) output %q is not the input minus markers", in, got)
		}
		for c, n := range removed {
			if n%2 != 0 {
				t.Fatalf("Parse(%q) removed an odd number (%d) of %q", in, n, c)
			}
		}
		if want := len(paramSyntax.FindAllString(src, -1)); params != want {
			t.Fatalf("Parse(%q) found %d parameters, the input writes %d", in, params, want)
		}
	})
}

func BenchmarkParse(b *testing.B) {
	line := "Hi *{{1}}*, your order _{{2}}_ has ~not~ shipped: ```track {{3}}``` 🎉\n"
	body := strings.Repeat(line, 1024/len(line)+1)[:1024]
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		Parse(body)
	}
}
