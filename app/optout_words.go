package app

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// OptOutWords are the words that, written by a customer as their whole
// message, opt them out of marketing templates (Stop) or back in
// (Start). The owner edits them in Settings; DefaultOptOutWords are
// Parley's.
type OptOutWords struct {
	Stop  []string
	Start []string
}

// DefaultOptOutWords are the usual words in the languages Parley's
// owners and their customers write (English, Brazilian Portuguese,
// Spanish, Indonesian, Hindi, German). STOP and START come first: Meta
// itself suggests them in marketing templates' opt-out buttons.
//
//   - en: STOP, UNSUBSCRIBE, STOP ALL, OPT OUT, CANCEL / START, SUBSCRIBE
//   - pt_BR: PARAR, SAIR, CANCELAR, DESCADASTRAR / COMEÇAR, INICIAR, VOLTAR
//   - es: BAJA, DETENER, CANCELAR, DARME DE BAJA / ALTA, EMPEZAR, COMENZAR
//   - id: BERHENTI, STOP / MULAI, LANJUT
//   - hi: रोकें, बंद करें, बंद / शुरू करें, शुरू
//   - de: ABMELDEN, ABBESTELLEN, STOPP / STARTEN, ANMELDEN
//
// "CANCELAR" and "CANCEL" are stop words because that is how customers
// in Brazil and Spanish-speaking countries answer a promotion; a word on
// both lists would be pointless, so none is.
func DefaultOptOutWords() OptOutWords {
	return OptOutWords{
		Stop: []string{"STOP", "UNSUBSCRIBE", "STOP ALL", "OPT OUT", "CANCEL",
			"PARAR", "SAIR", "CANCELAR", "DESCADASTRAR",
			"BAJA", "DETENER", "DARME DE BAJA",
			"BERHENTI",
			"रोकें", "बंद करें", "बंद",
			"STOPP", "ABMELDEN", "ABBESTELLEN"},
		Start: []string{"START", "SUBSCRIBE",
			"COMEÇAR", "INICIAR", "VOLTAR",
			"ALTA", "EMPEZAR", "COMENZAR",
			"MULAI", "LANJUT",
			"शुरू करें", "शुरू",
			"STARTEN", "ANMELDEN"},
	}
}

// OptOutKind is what a customer's message says about marketing.
type OptOutKind int

// What a message says about marketing.
const (
	OptOutNone  OptOutKind = iota // an ordinary message
	OptOutStop                    // the whole message is a stop word
	OptOutStart                   // the whole message is a start word
)

// maxOptOutWordBytes bounds the words: longer text is never one word,
// which keeps the check of every incoming message a length comparison.
const maxOptOutWordBytes = 64

// OptOutMatcher tells whether a message is a stop or a start word. Build
// it once per word list with NewOptOutMatcher; it is safe for concurrent
// use.
type OptOutMatcher struct {
	words map[string]OptOutKind
}

// NewOptOutMatcher builds the matcher of w. A word on both lists counts
// as a start word: lifting by mistake sends no marketing by itself.
func NewOptOutMatcher(w OptOutWords) *OptOutMatcher {
	m := &OptOutMatcher{words: make(map[string]OptOutKind, len(w.Stop)+len(w.Start))}
	for _, s := range w.Stop {
		if k := FoldOptOutWord(s); k != "" {
			m.words[k] = OptOutStop
		}
	}
	for _, s := range w.Start {
		if k := FoldOptOutWord(s); k != "" {
			m.words[k] = OptOutStart
		}
	}
	return m
}

// Match reports whether text, as a customer's whole message, is a stop
// or a start word: surrounding spaces and punctuation ("Stop!"), case
// and accents ("comecar", "Começar") do not count; a word inside a
// longer message ("please don't stop") is no opt-out.
func (m *OptOutMatcher) Match(text string) OptOutKind {
	if m == nil || len(text) > 4*maxOptOutWordBytes {
		return OptOutNone
	}
	return m.words[FoldOptOutWord(text)]
}

// FoldOptOutWord is the form words are compared in: FoldText of the
// text trimmed of spaces, punctuation and symbols.
func FoldOptOutWord(s string) string {
	return FoldText(strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)
	}))
}

// FoldText is s as Parley compares what people type: lower case, without
// the accents of Latin letters ("Começar" → "comecar"; the vowel signs
// of Hindi stay, they are letters), each run of spaces as one space,
// trimmed.
func FoldText(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var prev rune
	space := false
	for _, r := range norm.NFD.String(strings.TrimSpace(s)) {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.Is(unicode.Mn, r) && prev < 0x250:
			continue // an accent on a Latin letter
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
		prev = r
	}
	return norm.NFC.String(b.String())
}

// isFolded reports whether s is already as FoldText makes it: plain
// lower-case ASCII with single inner spaces (most of what is typed).
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80 || ('A' <= c && c <= 'Z') || c < ' ':
			return false
		case c == ' ' && (i == 0 || i == len(s)-1 || s[i-1] == ' '):
			return false
		}
	}
	return true
}

// CleanOptOutWords trims the owner's lists, drops empty lines and
// repeats (compared as FoldOptOutWord compares them), and reports a
// word that is too long to be a whole message's word, or on both lists.
func CleanOptOutWords(w OptOutWords) (OptOutWords, error) {
	var errs ValidationErrors
	clean := func(list []string, field string) []string {
		var out []string
		seen := map[string]bool{}
		for _, s := range list {
			s = strings.TrimSpace(s)
			k := FoldOptOutWord(s)
			if k == "" || seen[k] {
				continue
			}
			if len(s) > maxOptOutWordBytes {
				errs = append(errs, FieldError{Field: field, Message: "“" + s + "” is too long: a word here is a whole message, such as STOP."})
				continue
			}
			seen[k] = true
			out = append(out, s)
		}
		return out
	}
	out := OptOutWords{Stop: clean(w.Stop, FieldOptOutStop), Start: clean(w.Start, FieldOptOutStart)}
	stops := map[string]bool{}
	for _, s := range out.Stop {
		stops[FoldOptOutWord(s)] = true
	}
	for _, s := range out.Start {
		if stops[FoldOptOutWord(s)] {
			errs = append(errs, FieldError{Field: FieldOptOutStart, Message: "“" + s + "” is also a stop word; keep it on one list only."})
		}
	}
	return out, errs.OrNil()
}
