package app

import "testing"

func TestNormalizePhone(t *testing.T) {
	good := map[string]string{
		"+49 30 1234567":    "+49301234567",
		"0049 30 1234567":   "+49301234567",
		"49301234567":       "+49301234567",
		"+1 (415) 555-2671": "+14155552671",
		"+55 11 96123-4567": "+5511961234567",
	}
	for in, want := range good {
		got, err := NormalizePhone(in)
		if err != nil || got != want {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "12", "+49 30", "hello", "+999 1234567"} {
		if _, err := NormalizePhone(bad); err == nil {
			t.Errorf("NormalizePhone(%q) accepted an invalid number", bad)
		}
	}
	if FormatPhone("+49301234567") != "+49 30 1234567" {
		t.Errorf("FormatPhone = %q", FormatPhone("+49301234567"))
	}
	if !SamePhone("+49 30 1234567", "49301234567") || SamePhone("+49301234567", "+49301234568") {
		t.Error("SamePhone wrong")
	}
}
