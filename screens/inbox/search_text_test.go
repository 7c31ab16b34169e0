package inbox

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// TestMarkedTextWrapsWholeWords: a found word that does not fit at the
// end of a line moves to the next one whole, with the punctuation that
// follows it, instead of one letter a line; nothing runs past the width.
func TestMarkedTextWrapsWholeWords(t *testing.T) {
	test.NewTempApp(t)
	text := "4 Laugencroissants bitte. Danke! 🙏"
	at := strings.Index(text, "Danke")
	m := newMarkedText(text, []app.TextRange{{Start: at, End: at + len("Danke")}})
	if got := m.ReadText(); got != text {
		t.Fatalf("reads %q, want %q", got, text)
	}
	width := fyne.MeasureText("4 Laugencroissants bitte. Da", 14, fyne.TextStyle{}).Width
	test.NewTempWindow(t, m)
	m.Resize(fyne.NewSize(width, m.MinSize().Height))
	test.WidgetRenderer(m).Layout(m.Size())

	var danke, bang *markedPiece
	for i := range m.pieces {
		p := &m.pieces[i]
		if p.text.Position().X+p.text.Size().Width > width+0.5 {
			t.Errorf("%q runs past the width: x %v + %v > %v", p.text.Text, p.text.Position().X, p.text.Size().Width, width)
		}
		switch p.text.Text {
		case "Danke":
			danke = p
		case "!":
			bang = p
		}
	}
	if danke == nil || bang == nil || !danke.text.TextStyle.Bold || bang.text.TextStyle.Bold {
		t.Fatalf("pieces %+v, want Danke marked and ! plain", m.pieces)
	}
	if danke.text.Position().X != 0 || danke.text.Position().Y == 0 {
		t.Errorf("Danke is at %v, want the start of the second line", danke.text.Position())
	}
	if bang.text.Position().Y != danke.text.Position().Y || bang.text.Position().X != danke.text.Size().Width {
		t.Errorf("! is at %v, want right after Danke", bang.text.Position())
	}
	if h := m.MinSize().Height; h < 2*danke.text.Size().Height {
		t.Errorf("the text is %v tall for two lines", h)
	}
}
