package inbox

import (
	"slices"
	"testing"
)

// The picker offers Unicode's emoji once each, without skin-tone copies,
// with names to search by, in Unicode's groups and order: those Fyne's
// emoji font draws as one picture.
func TestEmojiCatalogHasTheStandardSet(t *testing.T) {
	all := allEmoji()
	if n := len(all); n < 1300 || n > 2100 {
		t.Fatalf("the picker offers %d emoji, want the 1,300 to 1,900 the emoji font draws", n)
	}
	if all[0].char != "😀" || all[0].name != "grinning face" {
		t.Errorf("the first emoji is %q %q, want 😀 grinning face", all[0].char, all[0].name)
	}
	seen := map[string]bool{}
	lastGroup := 0
	for _, e := range all {
		if seen[e.char] {
			t.Errorf("%s %q is offered twice", e.char, e.name)
		}
		seen[e.char] = true
		if e.group < lastGroup {
			t.Fatalf("%s %q of group %d comes after group %d", e.char, e.name, e.group, lastGroup)
		}
		lastGroup = e.group
	}
	for _, want := range []string{"👍", "❤️", "😂", "😮", "😢", "🙏", "🇧🇷", "🎂"} {
		if !seen[want] {
			t.Errorf("%s is missing", want)
		}
	}
	if seen["👍🏽"] {
		t.Error("skin-tone copies are offered")
	}
	draws := emojiFontDraws()
	for _, e := range all {
		if !draws(e.char) {
			t.Errorf("%s %q is offered but the emoji font cannot draw it", e.char, e.name)
		}
	}
	for _, absent := range []string{"🫠", "😮‍💨"} { // newer than the font; a sequence it cannot join
		if seen[absent] {
			t.Errorf("%s is offered, but Fyne draws it as a box or two pictures", absent)
		}
	}
}

func TestEmojiSearchFindsByName(t *testing.T) {
	all := allEmoji()
	chars := func(es []emoji) []string {
		var out []string
		for _, e := range es {
			out = append(out, e.char)
		}
		return out
	}
	if got := chars(filterEmoji(all, "thumbs")); !slices.Equal(got, []string{"👍", "👎"}) {
		t.Errorf("thumbs finds %v", got)
	}
	hearts := chars(filterEmoji(all, "Heart"))
	if !slices.Contains(hearts, "❤️") || !slices.Contains(hearts, "😍") || len(hearts) < 20 {
		t.Errorf("heart finds %v", hearts)
	}
	if got := chars(filterEmoji(all, "red heart")); !slices.Contains(got, "❤️") || slices.Contains(got, "💙") {
		t.Errorf("red heart finds %v", got)
	}
	if got := filterEmoji(all, "zzqx"); len(got) != 0 {
		t.Errorf("nonsense finds %d emoji", len(got))
	}
}

// BenchmarkEmojiFilter is one keystroke in the picker's search field;
// BenchmarkEmojiScan is the baseline of touching every name once.
func BenchmarkEmojiFilter(b *testing.B) {
	all := allEmoji()
	for b.Loop() {
		filterEmoji(all, "heart")
	}
}

func BenchmarkEmojiScan(b *testing.B) {
	all := allEmoji()
	n := 0
	for b.Loop() {
		for _, e := range all {
			n += len(e.find)
		}
	}
	_ = n
}
