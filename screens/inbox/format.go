package inbox

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// conversationName is how the Space names a customer: app.CustomerName
// (the owner's own name for them, else the name on their phone, else the
// WhatsApp profile name, else the number).
func conversationName(cv app.Conversation) string { return app.CustomerName(cv) }

// conversationNumber is the customer's number in international format.
func conversationNumber(cv app.Conversation) string {
	if cv.WAID == "" {
		return ""
	}
	return app.FormatPhone("+" + cv.WAID)
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
