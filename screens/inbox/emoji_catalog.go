package inbox

import (
	"cmp"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/forPelevin/gomoji"
)

// emoji is one emoji the picker offers.
type emoji struct {
	char  string // what is inserted, fully qualified
	name  string // Unicode's name: "thumbs up"
	group int    // index in emojiGroups
	find  string // lower-case text a search looks in: name and sub-group
}

// emojiGroup is one of Unicode's emoji groups, with the sub-groups in
// Unicode's order (emoji-test.txt), which the picker keeps.
type emojiGroup struct {
	name      string // shown on the group's tab
	unicode   string // Unicode's name of the group
	subgroups []string
}

// emojiGroups are Unicode's groups in order; skin-tone and hair
// components are not offered on their own.
var emojiGroups = []emojiGroup{
	{"Smileys", "Smileys & Emotion", strings.Fields(`face-smiling face-affection face-tongue face-hand
		face-neutral-skeptical face-sleepy face-unwell face-hat face-glasses face-concerned face-negative
		face-costume cat-face monkey-face heart emotion`)},
	{"People", "People & Body", strings.Fields(`hand-fingers-open hand-fingers-partial hand-single-finger
		hand-fingers-closed hands hand-prop body-parts person person-gesture person-role person-fantasy
		person-activity person-sport person-resting family person-symbol`)},
	{"Nature", "Animals & Nature", strings.Fields(`animal-mammal animal-bird animal-amphibian animal-reptile
		animal-marine animal-bug plant-flower plant-other`)},
	{"Food", "Food & Drink", strings.Fields(`food-fruit food-vegetable food-prepared food-asian food-marine
		food-sweet drink dishware`)},
	{"Travel", "Travel & Places", strings.Fields(`place-map place-geographic place-building place-religious
		place-other transport-ground transport-water transport-air hotel time sky_&_weather`)},
	{"Activities", "Activities", strings.Fields(`event award-medal sport game arts_&_crafts`)},
	{"Objects", "Objects", strings.Fields(`clothing sound music musical-instrument phone computer
		light_&_video book-paper money mail writing office lock tool science medical household other-object`)},
	{"Symbols", "Symbols", strings.Fields(`transport-sign warning arrow religion zodiac av-symbol gender math
		punctuation currency other-symbol keycap alphanum geometric`)},
	{"Flags", "Flags", strings.Fields(`flag country-flag subdivision-flag`)},
}

// skinTone matches a code point list with a skin-tone modifier: the
// picker offers each emoji in its default yellow.
var skinTone = regexp.MustCompile(`1F3F[B-F]`)

// emojiVersion is the "E0.6 " that starts gomoji's Unicode names.
var emojiVersion = regexp.MustCompile(`^E\d+\.\d+ `)

// allEmoji returns the emoji the picker offers, in Unicode's order, built
// once from gomoji's copy of Unicode's emoji data: those Fyne's emoji font
// draws (see emojiFontDraws), about 1,400. It takes some 80 ms the first
// time the picker opens. It is not built ahead: parsing the emoji font a
// second time for the test adds to the window's memory for good (Go keeps
// the heap it grew), for owners who may never open the picker.
var allEmoji = sync.OnceValue(func() []emoji { return buildEmoji(gomoji.AllEmojis(), emojiFontDraws()) })

// buildEmoji keeps the emoji of Unicode's groups without skin tones that
// draws can draw, one per name (in its fully qualified form, see
// qualified), sorted by group, sub-group and code points.
func buildEmoji(all []gomoji.Emoji, draws func(string) bool) []emoji {
	type key struct{ group, sub int }
	type entry struct {
		emoji
		key  key
		code string
	}
	groupOf := map[string]int{}
	subOf := map[string]int{}
	for gi, g := range emojiGroups {
		groupOf[g.unicode] = gi
		for si, s := range g.subgroups {
			subOf[g.unicode+"/"+strings.ReplaceAll(s, "_", " ")] = si
		}
	}
	byName := map[string]entry{}
	for _, e := range all {
		gi, ok := groupOf[e.Group]
		if !ok || skinTone.MatchString(e.CodePoint) {
			continue
		}
		si, ok := subOf[e.Group+"/"+e.SubGroup]
		if !ok {
			si = len(emojiGroups[gi].subgroups) // a sub-group newer than the list: last
		}
		name := emojiVersion.ReplaceAllString(e.UnicodeName, "")
		if _, seen := byName[name]; seen {
			continue // the same emoji with or without U+FE0F
		}
		char := qualified(e.Character)
		if !draws(char) {
			continue
		}
		byName[name] = entry{
			emoji: emoji{char: char, name: name, group: gi, find: strings.ToLower(name + " " + e.SubGroup)},
			key:   key{gi, si}, code: e.CodePoint,
		}
	}
	entries := make([]entry, 0, len(byName))
	for _, e := range byName {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b entry) int {
		return cmp.Or(cmp.Compare(a.key.group, b.key.group), cmp.Compare(a.key.sub, b.key.sub), compareCodes(a.code, b.code))
	})
	out := make([]emoji, len(entries))
	for i, e := range entries {
		out[i] = e.emoji
	}
	return out
}

// qualified adds U+FE0F (show as emoji) where a single symbol or a
// keycap lacks it: gomoji's entry for "❤️" holds a bare "❤", which Fyne
// draws as a black text heart. Emoji drawn as pictures anyway take the
// selector without a change.
func qualified(char string) string {
	rs := []rune(char)
	switch {
	case len(rs) == 1 && rs[0] < 0x1F000:
		return char + "\uFE0F"
	case len(rs) == 2 && rs[1] == 0x20E3:
		return string(rs[0]) + "\uFE0F\u20E3"
	}
	return char
}

// compareCodes orders code point lists ("1F44D", "0023 FE0F 20E3") by
// their numbers.
func compareCodes(a, b string) int {
	as, bs := strings.FieldsFunc(a, isCodeSep), strings.FieldsFunc(b, isCodeSep)
	for i := range min(len(as), len(bs)) {
		if c := cmp.Or(cmp.Compare(len(as[i]), len(bs[i])), strings.Compare(as[i], bs[i])); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(as), len(bs))
}

func isCodeSep(r rune) bool { return r == ' ' || r == '-' }

// filterEmoji returns the emoji whose name (or sub-group) holds every
// word of query, in order; all of them for an empty query.
func filterEmoji(all []emoji, query string) []emoji {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 {
		return all
	}
	var out []emoji
next:
	for _, e := range all {
		for _, w := range words {
			if !strings.Contains(e.find, w) {
				continue next
			}
		}
		out = append(out, e)
	}
	return out
}
