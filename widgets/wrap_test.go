package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app/waformat"
)

// shownLines returns the lines WrappingText gave its rich text.
func shownLines(w *WrappingText) []string {
	var b strings.Builder
	for _, s := range w.text.Segments {
		b.WriteString(s.(*widget.TextSegment).Text)
	}
	return strings.Split(b.String(), "\n")
}

// heightAt lays w out at width and returns the height it needs.
func heightAt(w *WrappingText, width float32) float32 {
	w.Resize(fyne.NewSize(width, 10))
	h := w.MinSize().Height
	w.Resize(fyne.NewSize(width, h))
	return h
}

// TestWrappingTextKeepsShortSamplesOnTheirLine is the template preview
// that Fyne's own word wrap turned into a column of single letters at
// 185 to 188 pixels (531 px tall): at every width the text takes one line
// per line it shows, never more, and a wider bubble is never taller.
func TestWrappingTextKeepsShortSamplesOnTheirLine(t *testing.T) {
	test.NewTempApp(t)
	samples := waformat.SamplesFromList([]string{"Anna", "42"})
	body := RichTextFromWhatsApp("Hello {{1}}, your order {{2}} is ready for *pickup* today.\n\nSee you!", samples)
	one := NewWrappingText(RichTextFromWhatsApp("Hello", nil)...)
	oneLine := heightAt(one, 400)
	two := NewWrappingText(RichTextFromWhatsApp("Hello\nAnna", nil)...)
	lineStep := heightAt(two, 400) - oneLine

	prev := float32(0)
	for width := float32(400); width >= 90; width-- {
		w := NewWrappingText(body...)
		h := heightAt(w, width)
		lines := shownLines(w)
		want := oneLine + float32(len(lines)-1)*lineStep
		if h > want+0.5 {
			t.Fatalf("at %v px the text is %v px tall for %d lines %q: Fyne wrapped a line again", width, h, len(lines), lines)
		}
		if prev > 0 && h < prev-0.5 {
			t.Fatalf("at %v px the text is %v px tall, less than %v px one pixel wider", width, h, prev)
		}
		prev = h
		for _, l := range lines {
			if l != "" && len([]rune(l)) < 3 && !strings.ContainsAny(l, " ") && width > 120 {
				t.Fatalf("at %v px a line holds only %q: %q", width, l, lines)
			}
		}
	}
	w := NewWrappingText(body...)
	heightAt(w, 186)
	if got := strings.Join(shownLines(w), "|"); got != "Hello Anna, your order 42|is ready for pickup today.||See you!" {
		t.Errorf("at 186 px the lines are %q", got)
	}
}

func TestWrappingTextBreaksLongWordsAndKeepsTypedLines(t *testing.T) {
	test.NewTempApp(t)
	w := NewWrappingText(RichTextFromWhatsApp("Track it: https://example.com/orders/1042/tracking?code=ABCDEFGH\n  indented", nil)...)
	heightAt(w, 160)
	lines := shownLines(w)
	if lines[0] != "Track it:" {
		t.Errorf("first line %q, want the words before the long address", lines[0])
	}
	joined := strings.Join(lines, "")
	if !strings.Contains(joined, "https://example.com/orders/1042/tracking?code=ABCDEFGH") {
		t.Errorf("the address was changed while breaking it: %q", lines)
	}
	if lines[len(lines)-1] != "  indented" {
		t.Errorf("last line %q, want the typed line with its leading spaces", lines[len(lines)-1])
	}
	if w.String() != "Track it: https://example.com/orders/1042/tracking?code=ABCDEFGH\n  indented" {
		t.Errorf("String() = %q, want the text without added breaks", w.String())
	}
}
