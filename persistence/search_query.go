package persistence

import (
	"strings"
	"unicode"

	"github.com/parley-app/parley/app"
)

// Markers snippet() puts around each matching word: control characters
// no message shows (matchText removes any the text itself carries).
const (
	matchOpen  = "\x02"
	matchClose = "\x03"
)

// searchWords splits what the owner typed into words as FTS5's unicode61
// tokenizer does: runs of letters, digits and combining marks; anything
// else (spaces, punctuation, quotes, operators) separates them.
func searchWords(query string) []string {
	return strings.FieldsFunc(query, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r)
	})
}

// matchExpression turns what the owner typed into an FTS5 query that
// cannot fail to parse: every word quoted (so AND, OR, NOT and NEAR are
// words) and taken as a prefix, all of them required. It is "" when the
// query has no word.
func matchExpression(query string) string {
	words := searchWords(query)
	if len(words) == 0 {
		return ""
	}
	parts := make([]string, len(words))
	for i, w := range words {
		// A word holds no quote; doubling is FTS5's escape all the same.
		parts[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"*`
	}
	return strings.Join(parts, " ")
}

// numberDigits returns the digits of a query that looks like part of a
// phone number (digits with +, spaces, dashes, dots, parentheses), when
// there are at least three; else "". A number matches anywhere in it,
// not only at its start.
func numberDigits(query string) string {
	var b strings.Builder
	for _, r := range query {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case strings.ContainsRune("+ -.()", r):
		default:
			return ""
		}
	}
	if b.Len() < 3 {
		return ""
	}
	return b.String()
}

// matchText reads a snippet with matchOpen/matchClose around the
// matching words: it returns the text without them, line breaks shown as
// spaces, and the ranges they marked.
func matchText(marked string) (string, []app.TextRange) {
	var b strings.Builder
	b.Grow(len(marked))
	var ranges []app.TextRange
	start := -1
	for i := 0; i < len(marked); i++ {
		switch c := marked[i]; c {
		case matchOpen[0]:
			start = b.Len()
		case matchClose[0]:
			if start >= 0 && b.Len() > start {
				ranges = append(ranges, app.TextRange{Start: start, End: b.Len()})
			}
			start = -1
		case '\n', '\r', '\t':
			b.WriteByte(' ')
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), ranges
}
