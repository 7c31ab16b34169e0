package app

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// snippetBytes is about how long a search snippet is; text around the
// first match is cut to it.
const snippetBytes = 160

// snippetLead is how much text a snippet keeps before its first match.
const snippetLead = 48

// SearchWords splits a search query into words the way the search index
// does: runs of letters, digits and combining marks; anything else
// (spaces, punctuation, quotes, operators) separates them.
func SearchWords(query string) []string {
	return strings.FieldsFunc(query, func(r rune) bool { return !isWordRune(r) })
}

// isWordRune reports whether r belongs to a word for search.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// foldWord returns w as search compares it: lower case, accents removed
// ("Promoção" → "promocao").
func foldWord(w string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(w) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// MatchRanges returns the words of text that a search for query matches
// (each query word as the start of a word, accents and case ignored), as
// byte ranges of text: what a screen highlights in a customer's name.
func MatchRanges(text, query string) []TextRange {
	return matchRanges(text, foldWords(query), false)
}

// SearchSnippet returns the part of a found message's text to show and
// its words a search for query matches: the whole text when short, else
// the text around the first match with "…" where it was cut; line breaks
// become spaces. A single-letter query word matches whole words only, as
// the message search does.
func SearchSnippet(text, query string) (string, []TextRange) {
	text = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text)
	ranges := matchRanges(text, foldWords(query), true)
	if len(text) <= snippetBytes {
		return text, ranges
	}
	begin := 0
	if len(ranges) > 0 && ranges[0].Start > snippetLead {
		begin = ranges[0].Start - snippetLead
		if sp := strings.IndexByte(text[begin:ranges[0].Start], ' '); sp >= 0 {
			begin += sp + 1 // start at a word
		}
	}
	end := min(len(text), begin+snippetBytes)
	if end < len(text) {
		if sp := strings.LastIndexByte(text[begin:end], ' '); sp > 0 {
			end = begin + sp
		}
		for end > begin && !utf8.RuneStart(text[end]) {
			end--
		}
	}
	var b strings.Builder
	shift := -begin
	if begin > 0 {
		b.WriteString("…")
		shift += len("…")
	}
	b.WriteString(text[begin:end])
	if end < len(text) {
		b.WriteString("…")
	}
	var in []TextRange
	for _, r := range ranges {
		if r.Start >= begin && r.End <= end {
			in = append(in, TextRange{Start: r.Start + shift, End: r.End + shift})
		}
	}
	return b.String(), in
}

// foldWords returns the query's words folded.
func foldWords(query string) []string {
	words := SearchWords(query)
	for i, w := range words {
		words[i] = foldWord(w)
	}
	return words
}

// matchRanges returns the byte ranges of the words of text that start
// with one of words (already folded); with wholeLetters a one-letter word
// matches only that word.
func matchRanges(text string, words []string, wholeLetters bool) []TextRange {
	if len(words) == 0 {
		return nil
	}
	var out []TextRange
	start := -1
	check := func(end int) {
		folded := foldWord(text[start:end])
		for _, w := range words {
			if folded == w || (strings.HasPrefix(folded, w) && (!wholeLetters || utf8.RuneCountInString(w) > 1)) {
				out = append(out, TextRange{Start: start, End: end})
				return
			}
		}
	}
	for i, r := range text {
		switch {
		case isWordRune(r) && start < 0:
			start = i
		case !isWordRune(r) && start >= 0:
			check(i)
			start = -1
		}
	}
	if start >= 0 {
		check(len(text))
	}
	return out
}
