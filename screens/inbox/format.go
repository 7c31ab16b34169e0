package inbox

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"github.com/parley-app/parley/app"
)

// conversationName is how the Space names a customer: their WhatsApp
// profile name, cleaned by app.DisplayName, or their number when they
// have none.
func conversationName(cv app.Conversation) string {
	if name := app.DisplayName(cv.ContactName); name != "" {
		return name
	}
	return conversationNumber(cv)
}

// conversationNumber is the customer's number in international format.
func conversationNumber(cv app.Conversation) string {
	if cv.WAID == "" {
		return ""
	}
	return app.FormatPhone("+" + cv.WAID)
}

// initials are up to two letters for a customer's avatar.
func initials(name string) string {
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

// sameDay reports whether a and b fall on the same local calendar day.
func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Local().Date()
	by, bm, bd := b.Local().Date()
	return ay == by && am == bm && ad == bd
}

// daysBetween counts calendar days from a to b (b later).
func daysBetween(a, b time.Time) int {
	ay, am, ad := a.Local().Date()
	by, bm, bd := b.Local().Date()
	da := time.Date(ay, am, ad, 12, 0, 0, 0, time.UTC)
	db := time.Date(by, bm, bd, 12, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// dayLabel names the day of t for a separator in a conversation: "Today",
// "Yesterday", a weekday within the last week, else the date.
func dayLabel(t, now time.Time) string {
	switch d := daysBetween(t, now); {
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

// listTime is the time of a conversation's last message in the list:
// the clock time today, else "Yesterday", a weekday or a short date.
func listTime(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	switch d := daysBetween(t, now); {
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

// windowMarker is the short window state in the conversation list:
// "open · 5h left" or "closed".
func windowMarker(cv app.Conversation, now time.Time) (string, bool) {
	open, left := cv.WindowOpen(now)
	if !open {
		return "closed", false
	}
	if left >= time.Hour {
		return fmt.Sprintf("open · %dh left", int(left.Hours())), true
	}
	return fmt.Sprintf("open · %dm left", max(1, int(left.Minutes()))), true
}

// windowHeader is the window state in a conversation's header, with the
// time left to the minute.
func windowHeader(cv app.Conversation, now time.Time) (string, bool) {
	open, left := cv.WindowOpen(now)
	if !open {
		return "Reply window closed", false
	}
	mins := max(1, int(left.Minutes()))
	if h := mins / 60; h > 0 {
		return fmt.Sprintf("Reply window open · %d h %d min left", h, mins%60), true
	}
	return fmt.Sprintf("Reply window open · %d min left", mins), true
}
