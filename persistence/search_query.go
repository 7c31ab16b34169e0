package persistence

import (
	"strings"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

// matchExpression turns what the owner typed into an FTS5 query that
// cannot fail to parse: every word quoted (so AND, OR, NOT and NEAR are
// words) and taken as a prefix, all of them required. With wholeLetters a
// single letter is a whole word instead: over messages, as a prefix it
// would match most of them and cost a merge of every word starting with
// it. It is "" when the query has no word.
func matchExpression(query string, wholeLetters bool) string {
	words := app.SearchWords(query)
	if len(words) == 0 {
		return ""
	}
	parts := make([]string, len(words))
	for i, w := range words {
		// A word holds no quote; doubling is FTS5's escape all the same.
		parts[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
		if !wholeLetters || utf8.RuneCountInString(w) > 1 {
			parts[i] += "*"
		}
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
