package inbox

import (
	"strings"

	"github.com/parley-app/parley/app"
)

// quickIndex is the owner's quick replies ready to filter on every
// keystroke: their titles and texts folded once (app.FoldText), so a
// keystroke only folds what was typed.
type quickIndex struct {
	replies []app.QuickReply
	titles  []string
	texts   []string
}

func newQuickIndex(rs []app.QuickReply) *quickIndex {
	ix := &quickIndex{replies: rs, titles: make([]string, len(rs)), texts: make([]string, len(rs))}
	for i, r := range rs {
		ix.titles[i] = app.FoldText(r.Title)
		ix.texts[i] = app.FoldText(r.Text)
	}
	return ix
}

// filter returns, into out[:0], the quick replies query finds, ignoring
// case and accents: those whose title starts with it first, then those
// with it elsewhere in the title, then in the text; each group in the
// owner's order. An empty query finds them all.
func (ix *quickIndex) filter(query string, out []app.QuickReply) []app.QuickReply {
	out = out[:0]
	q := app.FoldText(query)
	if q == "" {
		return append(out, ix.replies...)
	}
	var later, text []int
	for i, t := range ix.titles {
		switch k := strings.Index(t, q); {
		case k == 0:
			out = append(out, ix.replies[i])
		case k > 0:
			later = append(later, i)
		case strings.Contains(ix.texts[i], q):
			text = append(text, i)
		}
	}
	for _, i := range later {
		out = append(out, ix.replies[i])
	}
	for _, i := range text {
		out = append(out, ix.replies[i])
	}
	return out
}

// slashQuery finds the "/word" being typed at the cursor (a rune index
// of text): a "/" at the start of the text or after a space, then no
// space up to the cursor. It returns the rune index of the "/" and the
// word after it.
func slashQuery(text []rune, cursor int) (start int, query string, ok bool) {
	if cursor > len(text) {
		return 0, "", false
	}
	for i := cursor - 1; i >= 0; i-- {
		switch r := text[i]; {
		case r == '/':
			if i == 0 || isSpaceRune(text[i-1]) {
				return i, string(text[i+1 : cursor]), true
			}
			return 0, "", false
		case isSpaceRune(r):
			return 0, "", false
		}
	}
	return 0, "", false
}

func isSpaceRune(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\u00a0' }
