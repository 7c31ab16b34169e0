package waformat

import (
	"reflect"
	"strings"
	"testing"
)

// sp builds spans compactly for the tables below.
func plain(s string) Span            { return Span{Text: s} }
func styled(s string, st Style) Span { return Span{Text: s, Style: st} }
func param(n int, st Style) Span     { return Span{Text: ParamText(n), Style: st, Param: n} }

var nl = Span{Text: "\n"}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []Span
	}{
		{"empty", "", nil},
		{"plain", "Hello there", []Span{plain("Hello there")}},
		{"bold", "*Hi*", []Span{styled("Hi", Bold)}},
		{"italic", "an _easy_ one", []Span{plain("an "), styled("easy", Italic), plain(" one")}},
		{"strike", "~old~ new", []Span{styled("old", Strike), plain(" new")}},
		{"mono", "run ```go test``` now", []Span{plain("run "), styled("go test", Mono), plain(" now")}},
		{"inline code", "type `ls -l` here", []Span{plain("type "), styled("ls -l", Mono), plain(" here")}},
		{"phrase", "*two words*", []Span{styled("two words", Bold)}},
		{"nested italic in bold", "*bold _both_ bold*", []Span{
			styled("bold ", Bold), styled("both", Bold|Italic), styled(" bold", Bold)}},
		{"nested markers adjacent", "_*both*_", []Span{styled("both", Bold|Italic)}},
		{"three deep", "~_*x*_~", []Span{styled("x", Bold|Italic|Strike)}},
		{"overlap keeps first pair", "*a _b* c_", []Span{styled("a _b", Bold), plain(" c_")}},
		{"same marker inside", "*a *b* c*", []Span{plain("*a "), styled("b", Bold), plain(" c*")}},
		{"double markers", "**word**", []Span{plain("*"), styled("word", Bold), plain("*")}},
		{"unclosed", "*not bold", []Span{plain("*not bold")}},
		{"unopened", "not bold*", []Span{plain("not bold*")}},
		{"space after opener", "* not bold*", []Span{plain("* not bold*")}},
		{"space before closer", "*not bold *", []Span{plain("*not bold *")}},
		{"lone markers", "* _ ~ `", []Span{plain("* _ ~ `")}},
		{"empty pair", "** __ ~~", []Span{plain("** __ ~~")}},
		{"inside word", "a*b*c", []Span{plain("a*b*c")}},
		{"snake case", "use my_var_name", []Span{plain("use my_var_name")}},
		{"arithmetic", "2*3*4 = 24", []Span{plain("2*3*4 = 24")}},
		{"after word", "x*bold* y", []Span{plain("x*bold* y")}},
		{"before word", "*bold*y", []Span{plain("*bold*y")}},
		{"punctuation around", "(*yes*), \"_quoted_\".", []Span{
			plain("("), styled("yes", Bold), plain("), \""), styled("quoted", Italic), plain("\".")}},
		{"marker inside formatted word", "*2*3*", []Span{styled("2*3", Bold)}},
		{"not across lines", "*one\ntwo*", []Span{plain("*one"), nl, plain("two*")}},
		{"mono not across lines", "```a\nb```", []Span{plain("```a"), nl, plain("b```")}},
		{"markers literal in mono", "```*not bold*```", []Span{styled("*not bold*", Mono)}},
		{"bold around mono", "*a `b` c*", []Span{styled("a ", Bold), styled("b", Bold|Mono), styled(" c", Bold)}},
		{"two backticks literal", "``x``", []Span{plain("``x``")}},
		{"empty mono", "``````", []Span{plain("``````")}},
		{"unclosed mono", "```abc", []Span{plain("```abc")}},
		{"lines kept", "a\nb", []Span{plain("a"), nl, plain("b")}},
		{"blank lines kept", "a\n\n\nb\n", []Span{plain("a"), nl, nl, nl, plain("b"), nl}},
		{"leading blank lines", "\n\n*x*", []Span{nl, nl, styled("x", Bold)}},
		{"spaces kept", "  a  \n   \n b ", []Span{plain("  a  "), nl, plain("   "), nl, plain(" b ")}},
		{"trailing spaces after bold", "*a*   \nb", []Span{styled("a", Bold), plain("   "), nl, plain("b")}},
		{"crlf", "*a*\r\nb", []Span{styled("a", Bold), nl, plain("b")}},
		{"per-line formatting", "*a*\n_b_", []Span{styled("a", Bold), nl, styled("b", Italic)}},
		{"param", "Hi {{1}}!", []Span{plain("Hi "), param(1, 0), plain("!")}},
		{"params", "{{1}}{{2}} {{10}}", []Span{param(1, 0), param(2, 0), plain(" "), param(10, 0)}},
		{"param in bold", "*{{1}}*", []Span{param(1, Bold)}},
		{"param inside bold phrase", "*Order {{2}} shipped*", []Span{
			styled("Order ", Bold), param(2, Bold), styled(" shipped", Bold)}},
		{"param in mono", "```code {{3}}```", []Span{styled("code ", Mono), param(3, Mono)}},
		{"param inside word", "ab{{1}}cd", []Span{plain("ab"), param(1, 0), plain("cd")}},
		{"not params", "{{0}} {{01}} {{1000}} {{ 1 }} {{a}} {1} {{1}", []Span{
			plain("{{0}} {{01}} {{1000}} {{ 1 }} {{a}} {1} {{1}")}},
		{"triple braces", "{{{1}}}", []Span{plain("{"), param(1, 0), plain("}")}},
		{"emoji", "🎉 *Sale* 🎉", []Span{plain("🎉 "), styled("Sale", Bold), plain(" 🎉")}},
		{"emoji as boundary", "🎉*Sale*🎉", []Span{plain("🎉"), styled("Sale", Bold), plain("🎉")}},
		{"cyrillic", "*Привет* мир", []Span{styled("Привет", Bold), plain(" мир")}},
		{"cyrillic inside word", "при*вет*", []Span{plain("при*вет*")}},
		{"arabic", "_مرحبا_ بك", []Span{styled("مرحبا", Italic), plain(" بك")}},
		{"cjk", "~你好~世界", []Span{plain("~你好~世界")}},
		{"devanagari mark", "*नमस्ते*", []Span{styled("नमस्ते", Bold)}},
		{"commonmark heading is text", "# Title\n- item\n> quote", []Span{
			plain("# Title"), nl, plain("- item"), nl, plain("> quote")}},
		{"commonmark link is text", "[site](https://x.io) <b>hi</b>", []Span{
			plain("[site](https://x.io) <b>hi</b>")}},
		{"indented code is text", "    indented", []Span{plain("    indented")}},
		{"thematic break is text", "***\n---", []Span{plain("***"), nl, plain("---")}},
		{"setext underline is text", "Title\n===", []Span{plain("Title"), nl, plain("===")}},
		{"backslash is literal", `\*bold*`, []Span{plain(`\`), styled("bold", Bold)}},
		{"backslash at line end", "a\\\nb", []Span{plain(`a\`), nl, plain("b")}},
		{"tab", "\t*a*", []Span{plain("\t"), styled("a", Bold)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Parse(tt.in)
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Parse(%q)\n got  %s\n want %s", tt.in, dump(got), dump(tt.want))
			}
		})
	}
}

func dump(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString("[")
		b.WriteString(s.Style.String())
		if s.Param > 0 {
			b.WriteString(" param")
		}
		b.WriteString(" ")
		b.WriteString(strings.ReplaceAll(s.Text, "\n", `\n`))
		b.WriteString("]")
	}
	return b.String()
}

func TestParams(t *testing.T) {
	tests := []struct {
		in   string
		want []int
	}{
		{"", nil},
		{"no params", nil},
		{"Hi {{1}}, order {{2}}", []int{1, 2}},
		{"{{2}} then {{1}} then {{2}}", []int{2, 1}},
		{"*{{1}}* ```{{3}}``` _{{2}}_", []int{1, 3, 2}},
		{"{{ 1 }} {{x}}", nil},
	}
	for _, tt := range tests {
		if got := Params(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Params(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSubstitute(t *testing.T) {
	spans := Parse("Hi *{{1}}*, order {{2}} is {{3}}")
	got := Substitute(spans, map[int]string{1: "Anna", 2: "#123"})
	want := []Span{
		plain("Hi "), {Text: "Anna", Style: Bold, Param: 1}, plain(", order "),
		{Text: "#123", Param: 2}, plain(" is "), param(3, 0),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Substitute\n got  %s\n want %s", dump(got), dump(want))
	}
	if spans[1].Text != "{{1}}" {
		t.Errorf("Substitute changed its input: %q", spans[1].Text)
	}
	if p := Plain(got); p != "Hi Anna, order #123 is {{3}}" {
		t.Errorf("Plain = %q", p)
	}
}

func TestSamplesFromList(t *testing.T) {
	got := SamplesFromList([]string{"Anna", "", "#9"})
	want := map[int]string{1: "Anna", 3: "#9"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("SamplesFromList = %v, want %v", got, want)
	}
}

func TestStyleString(t *testing.T) {
	if s := (Bold | Mono).String(); s != "bold+mono" {
		t.Errorf("String = %q", s)
	}
	if s := Style(0).String(); s != "plain" {
		t.Errorf("String = %q", s)
	}
}
