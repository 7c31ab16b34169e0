package kit

import (
	"strings"
	"time"
	"unicode"
)

// Initials are up to two letters for a customer's avatar.
func Initials(name string) string {
	var out []rune
	for _, word := range strings.Fields(name) {
		r := []rune(word)
		if len(r) == 0 || !unicode.IsLetter(r[0]) {
			continue
		}
		out = append(out, r[0])
		if len(out) == 2 {
			break
		}
	}
	if len(out) == 0 {
		return "#"
	}
	return strings.ToUpper(string(out))
}

// SameDay reports whether a and b fall on the same local calendar day.
func SameDay(a, b time.Time) bool {
	ay, am, ad := a.Local().Date()
	by, bm, bd := b.Local().Date()
	return ay == by && am == bm && ad == bd
}

// DaysBetween counts calendar days from a to b (b later).
func DaysBetween(a, b time.Time) int {
	ay, am, ad := a.Local().Date()
	by, bm, bd := b.Local().Date()
	da := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// DayLabel names the day of t for a separator in a conversation: "Today",
// "Yesterday", a weekday within the last week, else the date.
func DayLabel(t, now time.Time) string {
	switch d := DaysBetween(t, now); {
	case d == 0:
		return "Today"
	case d == 1:
		return "Yesterday"
	case d > 1 && d < 7:
		return t.Local().Format("Monday")
	case t.Local().Year() == now.Local().Year():
		return t.Local().Format("2 January")
	default:
		return t.Local().Format("2 January 2006")
	}
}

// ListTime is the time of a conversation's last message in the list:
// the clock time today, else "Yesterday", a weekday or a short date.
func ListTime(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	switch d := DaysBetween(t, now); {
	case d <= 0:
		return t.Local().Format("15:04")
	case d == 1:
		return "Yesterday"
	case d < 7:
		return t.Local().Format("Monday")
	default:
		return t.Local().Format("02.01.06")
	}
}
