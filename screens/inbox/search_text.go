package inbox

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// markedText is a found message's text with the matching words in bold
// and the primary colour, wrapped at spaces. Fyne's RichText breaks a
// highlighted word that starts near the end of a line into one letter a
// line, so the words are laid out here, a piece of text each.
type markedText struct {
	widget.BaseWidget
	pieces []markedPiece
}

// markedPiece is a run of text drawn in one style; space is whether a
// space comes before it (where a line may break).
type markedPiece struct {
	text  *canvas.Text
	space bool
}

// newMarkedText shows text with ranges (byte offsets) marked.
func newMarkedText(text string, ranges []app.TextRange) *markedText {
	t := &markedText{}
	marked := make([]bool, len(text))
	for _, r := range ranges {
		if r.Start >= 0 && r.End <= len(text) && r.Start < r.End {
			for i := r.Start; i < r.End; i++ {
				marked[i] = true
			}
		}
	}
	for _, word := range strings.Fields(text) {
		at := strings.Index(text, word)
		first := true
		for len(word) > 0 {
			n, m := 1, marked[at]
			for n < len(word) && marked[at+n] == m {
				n++
			}
			t.pieces = append(t.pieces, markedPiece{text: newPieceText(word[:n], m), space: first && len(t.pieces) > 0})
			first = false
			word, at = word[n:], at+n
		}
		text = text[at:]
		marked = marked[at:]
	}
	t.ExtendBaseWidget(t)
	return t
}

// ReadText is the text as the owner reads it (screentest.TextReader).
func (t *markedText) ReadText() string {
	var b strings.Builder
	for _, p := range t.pieces {
		if p.space {
			b.WriteByte(' ')
		}
		b.WriteString(p.text.Text)
	}
	return b.String()
}

// newPieceText draws one piece, marked or plain.
func newPieceText(s string, marked bool) *canvas.Text {
	c := canvas.NewText(s, theme.Color(theme.ColorNameForeground))
	if marked {
		c.Color = theme.Color(theme.ColorNamePrimary)
		c.TextStyle.Bold = true
	}
	return c
}

// Resize lays the pieces out at the new size; a new width can change the
// number of lines, so the widget is refreshed and its container sees the
// new height.
func (t *markedText) Resize(size fyne.Size) {
	old := t.Size()
	t.BaseWidget.Resize(size)
	if size.Width != old.Width {
		t.Refresh()
	}
}

// CreateRenderer lays the pieces out in lines.
func (t *markedText) CreateRenderer() fyne.WidgetRenderer {
	objs := make([]fyne.CanvasObject, len(t.pieces))
	for i, p := range t.pieces {
		objs[i] = p.text
	}
	return &markedRenderer{t: t, objs: objs}
}

type markedRenderer struct {
	t    *markedText
	objs []fyne.CanvasObject
}

func (r *markedRenderer) Destroy()                     {}
func (r *markedRenderer) Objects() []fyne.CanvasObject { return r.objs }

func (r *markedRenderer) Refresh() {
	for _, p := range r.t.pieces {
		if !p.text.TextStyle.Bold {
			p.text.Color = theme.Color(theme.ColorNameForeground)
		} else {
			p.text.Color = theme.Color(theme.ColorNamePrimary)
		}
		p.text.Refresh()
	}
}

// Layout places the pieces at the width given.
func (r *markedRenderer) Layout(size fyne.Size) { r.flow(size.Width, true) }

// MinSize is as tall as the lines at the current width (one line while
// the width is not known yet).
func (r *markedRenderer) MinSize() fyne.Size {
	w := r.t.Size().Width
	h := r.flow(w, false)
	return fyne.NewSize(min(w, r.lineWidth()), h)
}

// lineWidth is the width of all pieces on one line.
func (r *markedRenderer) lineWidth() float32 {
	space := spaceWidth()
	w := float32(0)
	for _, p := range r.t.pieces {
		if p.space {
			w += space
		}
		w += p.text.MinSize().Width
	}
	return max(w, 1)
}

// flow lays the pieces out in lines of width (moving them when place is
// set) and returns the height of the lines. A word (the pieces between
// spaces) moves to the next line whole when it does not fit.
func (r *markedRenderer) flow(width float32, place bool) float32 {
	if len(r.t.pieces) == 0 {
		return 0
	}
	space, lineH := spaceWidth(), r.t.pieces[0].text.MinSize().Height
	x, y := float32(0), float32(0)
	for i := 0; i < len(r.t.pieces); {
		// The word starting at piece i.
		j, wordW := i+1, r.t.pieces[i].text.MinSize().Width
		for j < len(r.t.pieces) && !r.t.pieces[j].space {
			wordW += r.t.pieces[j].text.MinSize().Width
			j++
		}
		gap := float32(0)
		if x > 0 {
			gap = space
		}
		if x > 0 && width > 0 && x+gap+wordW > width {
			x, y, gap = 0, y+lineH, 0
		}
		x += gap
		for k := i; k < j; k++ {
			pw := r.t.pieces[k].text.MinSize().Width
			if place {
				r.t.pieces[k].text.Move(fyne.NewPos(x, y))
				r.t.pieces[k].text.Resize(fyne.NewSize(pw, lineH))
			}
			x += pw
		}
		i = j
	}
	return y + lineH
}

// spaceWidth is the width of a space in the text style.
func spaceWidth() float32 {
	return fyne.MeasureText(" ", theme.TextSize(), fyne.TextStyle{}).Width
}
