package app

import (
	"strings"
	"unicode"
)

// Zero-width joiners that scripts and emoji need.
const (
	zeroWidthNonJoiner = '\u200C'
	zeroWidthJoiner    = '\u200D'
)

// DisplayName returns a name that came from outside Parley (a customer's
// file name or profile name) ready to show: without the bidirectional
// controls that reorder what follows them (U+202E makes "fdp.exe" read
// "exe.pdf"), without control and other invisible format characters, with
// every run of white space, line breaks included, shown as one space, and
// trimmed. Letters of every script stay, and so do the two zero-width
// joiners where they join something other than Latin, Greek or Cyrillic
// letters: Persian words and emoji sequences need them, while between
// Latin letters they only make two names look alike.
func DisplayName(s string) string {
	runes := []rune(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i, r := range runes {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == zeroWidthNonJoiner || r == zeroWidthJoiner:
			if i == 0 || i == len(runes)-1 || !joins(runes[i-1]) || !joins(runes[i+1]) {
				continue
			}
		case invisible(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// invisible reports whether r is a control or format character, or one
// Unicode says to show as nothing (a Hangul filler, say). Bidirectional
// controls (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C) are
// format characters.
func invisible(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// joins reports whether a zero-width joiner next to r can matter: r is
// neither a space nor a Latin, Greek or Cyrillic letter or punctuation.
func joins(r rune) bool {
	return r > unicode.MaxLatin1 && !unicode.IsSpace(r) && !invisible(r) &&
		!unicode.In(r, unicode.Latin, unicode.Greek, unicode.Cyrillic)
}

// CustomerName is how Parley names a customer to the owner everywhere
// (the list, the conversation's header, notifications, search): the
// owner's own name for them saved in Parley, else the name saved on the
// owner's phone, else their WhatsApp profile name, each cleaned by
// DisplayName, else their number in international format. It is never
// sent to the customer (a template's contact name is ContactName).
func CustomerName(cv Conversation) string {
	for _, n := range []string{cv.CustomName, cv.PhoneName, cv.ContactName} {
		if name := DisplayName(n); name != "" {
			return name
		}
	}
	if cv.WAID == "" {
		return ""
	}
	return FormatPhone("+" + cv.WAID)
}
