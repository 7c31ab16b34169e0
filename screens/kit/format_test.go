package kit

import (
	"testing"
	"time"
)

// The list and the conversation name days as a person would: the time
// today, "Yesterday", a weekday within the week, else the date.
func TestDaysAreNamedAsPeopleSayThem(t *testing.T) {
	now := time.Date(2026, 12, 3, 15, 0, 0, 0, time.Local) // a Thursday
	cases := []struct {
		at         time.Time
		list, head string
	}{
		{now.Add(-2 * time.Hour), "13:00", "Today"},
		{now.Add(-20 * time.Hour), "Yesterday", "Yesterday"},
		{now.AddDate(0, 0, -3), "Monday", "Monday"},
		{now.AddDate(0, 0, -10), "23.11.26", "23 November"},
		{now.AddDate(-1, 0, 0), "03.12.25", "3 December 2025"},
	}
	for _, c := range cases {
		if got := ListTime(c.at, now); got != c.list {
			t.Errorf("list time of %s = %q, want %q", c.at, got, c.list)
		}
		if got := DayLabel(c.at, now); got != c.head {
			t.Errorf("day label of %s = %q, want %q", c.at, got, c.head)
		}
	}
	if ListTime(time.Time{}, now) != "" {
		t.Error("a conversation without messages shows a time")
	}
	if Initials("anna  schmidt") != "AS" || Initials("🎂 Bakery") != "B" || Initials("") != "#" {
		t.Errorf("initials: %q %q %q", Initials("anna  schmidt"), Initials("🎂 Bakery"), Initials(""))
	}
}
