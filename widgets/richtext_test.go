package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// seg is what a user sees of one segment: its text, style and colour.
type seg struct {
	text  string
	style fyne.TextStyle
	color fyne.ThemeColorName
}

func segs(t *testing.T, in []widget.RichTextSegment) []seg {
	t.Helper()
	var out []seg
	for _, s := range in {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			t.Fatalf("segment %T is not text", s)
		}
		if !ts.Inline() {
			t.Fatalf("segment %q is not inline", ts.Text)
		}
		out = append(out, seg{ts.Text, ts.Style.TextStyle, ts.Style.ColorName})
	}
	return out
}

func assertSegs(t *testing.T, got, want []seg) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("got %d segments %+v, want %d %+v", len(got), got, len(want), want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("segment %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}

var (
	bold   = fyne.TextStyle{Bold: true}
	italic = fyne.TextStyle{Italic: true}
	mono   = fyne.TextStyle{Monospace: true}
	none   = fyne.TextStyle{}
	fg     = theme.ColorNameForeground
)

func TestRichTextStyles(t *testing.T) {
	got := segs(t, RichTextFromWhatsApp("Hi *Anna*, _see_ ```code``` and *_both_*", nil))
	assertSegs(t, got, []seg{
		{"Hi ", none, fg}, {"Anna", bold, fg}, {", ", none, fg}, {"see", italic, fg},
		{" ", none, fg}, {"code", mono, fg}, {" and ", none, fg},
		{"both", fyne.TextStyle{Bold: true, Italic: true}, fg},
	})
}

func TestRichTextStrikethroughDrawsAStroke(t *testing.T) {
	got := segs(t, RichTextFromWhatsApp("~old price~ new", nil))
	assertSegs(t, got, []seg{
		{"o\u0336l\u0336d\u0336 \u0336p\u0336r\u0336i\u0336c\u0336e\u0336", none, fg}, {" new", none, fg},
	})
}

func TestRichTextKeepsLineBreaks(t *testing.T) {
	got := segs(t, RichTextFromWhatsApp("one\n\n*two*", nil))
	assertSegs(t, got, []seg{{"one", none, fg}, {"\n", none, fg}, {"\n", none, fg}, {"two", bold, fg}})

	test.NewTempApp(t)
	rt := widget.NewRichText(RichTextFromWhatsApp("one\n\n*two*", nil)...)
	if rt.String() != "one\n\ntwo" {
		t.Errorf("rich text reads %q", rt.String())
	}
}

func TestRichTextParameters(t *testing.T) {
	text := "Hi *{{1}}*, order {{2}} ships {{3}}."
	t.Run("with samples", func(t *testing.T) {
		got := segs(t, RichTextFromWhatsApp(text, map[int]string{1: "Anna", 2: "#123"}))
		assertSegs(t, got, []seg{
			{"Hi ", none, fg}, {"Anna", bold, theme.ColorNamePrimary}, {", order ", none, fg},
			{"#123", none, theme.ColorNamePrimary}, {" ships ", none, fg},
			{"{{3}}", none, theme.ColorNameWarning}, {".", none, fg},
		})
	})
	t.Run("as written", func(t *testing.T) {
		got := segs(t, RichTextFromWhatsApp(text, nil))
		assertSegs(t, got, []seg{
			{"Hi ", none, fg}, {"{{1}}", bold, fg}, {", order ", none, fg},
			{"{{2}}", none, fg}, {" ships ", none, fg}, {"{{3}}", none, fg}, {".", none, fg},
		})
	})
}

func TestRichTextEmpty(t *testing.T) {
	if got := RichTextFromWhatsApp("", map[int]string{}); len(got) != 0 {
		t.Errorf("empty text gave %d segments", len(got))
	}
}
