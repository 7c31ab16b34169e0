package app

import "testing"

func TestOptOutMatcher(t *testing.T) {
	m := NewOptOutMatcher(DefaultOptOutWords())
	for text, want := range map[string]OptOutKind{
		"STOP": OptOutStop, " stop. ": OptOutStop, "Stop all": OptOutStop, "stop   all": OptOutStop,
		"Começar": OptOutStart, "COMECAR": OptOutStart, "empezar!": OptOutStart, "शुरू करें": OptOutStart,
		"रोकें": OptOutStop, "रोके": OptOutNone, // a Hindi vowel sign is a letter, not an accent
		"please don't stop": OptOutNone, "stopp": OptOutStop, "stopped": OptOutNone, "": OptOutNone, "🛑": OptOutNone,
	} {
		if got := m.Match(text); got != want {
			t.Errorf("Match(%q) = %d, want %d", text, got, want)
		}
	}
}

func TestDefaultOptOutWordsAreClean(t *testing.T) {
	w := DefaultOptOutWords()
	clean, err := CleanOptOutWords(w)
	if err != nil || len(clean.Stop) != len(w.Stop) || len(clean.Start) != len(w.Start) {
		t.Fatalf("the defaults are not clean: %v (%d/%d stop, %d/%d start)", err, len(clean.Stop), len(w.Stop), len(clean.Start), len(w.Start))
	}
}
