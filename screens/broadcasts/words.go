package broadcasts

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
)

// stateLabel names a broadcast's state for the owner.
func stateLabel(s app.BroadcastState) string {
	switch s {
	case app.BroadcastScheduled:
		return "Scheduled"
	case app.BroadcastSending:
		return "Sending"
	case app.BroadcastPaused:
		return "Paused"
	case app.BroadcastCancelled:
		return "Cancelled"
	case app.BroadcastDone:
		return "Sent"
	}
	return string(s)
}

// stateColor is the colour a state is shown in.
func stateColor(s app.BroadcastState) fyne.ThemeColorName {
	switch s {
	case app.BroadcastSending:
		return theme.ColorNamePrimary
	case app.BroadcastPaused:
		return theme.ColorNameWarning
	case app.BroadcastCancelled:
		return theme.ColorNamePlaceHolder
	case app.BroadcastDone:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

// outcomeLabel names where one recipient is.
func outcomeLabel(o app.RecipientOutcome) string {
	switch o {
	case app.OutcomeWaiting:
		return "Waiting"
	case app.OutcomeSending:
		return "Sending"
	case app.OutcomeSent:
		return "Sent"
	case app.OutcomeDelivered:
		return "Delivered"
	case app.OutcomeRead:
		return "Read"
	case app.OutcomeFailed:
		return "Failed"
	case app.OutcomeUnknown:
		return "Unknown — check first"
	case app.OutcomeCancelled:
		return "Not sent (cancelled)"
	}
	return string(o)
}

// outcomeColor is the colour an outcome is shown in.
func outcomeColor(o app.RecipientOutcome) fyne.ThemeColorName {
	switch o {
	case app.OutcomeDelivered, app.OutcomeRead:
		return theme.ColorNameSuccess
	case app.OutcomeFailed:
		return theme.ColorNameError
	case app.OutcomeUnknown:
		return theme.ColorNameWarning
	case app.OutcomeWaiting, app.OutcomeCancelled:
		return theme.ColorNamePlaceHolder
	}
	return theme.ColorNameForeground
}

// handed counts the recipients Parley is done releasing: everyone but
// those waiting or in the outbox.
func handed(t app.BroadcastTotals) int {
	return t.Sent + t.Delivered + t.Read + t.Failed + t.Unknown + t.Cancelled
}

// progress is the share of recipients Parley is done with, 0 to 1.
func progress(t app.BroadcastTotals) float64 {
	if t.Recipients == 0 {
		return 0
	}
	return float64(handed(t)) / float64(t.Recipients)
}

// totalsLine is a broadcast's totals in one short line:
// "1,200 recipients · 1,150 delivered · 610 read · 12 failed · 30 replied".
func totalsLine(t app.BroadcastTotals) string {
	parts := []string{count(t.Recipients, "recipient", "recipients")}
	// Read messages were delivered too.
	parts = append(parts, number(t.Delivered+t.Read)+" delivered", number(t.Read)+" read")
	if t.Failed > 0 {
		parts = append(parts, number(t.Failed)+" failed")
	}
	if t.Unknown > 0 {
		parts = append(parts, number(t.Unknown)+" unknown")
	}
	if t.Waiting+t.Sending > 0 {
		parts = append(parts, number(t.Waiting+t.Sending)+" to go")
	}
	if t.Replied > 0 {
		parts = append(parts, number(t.Replied)+" replied")
	}
	return strings.Join(parts, "  ·  ")
}

// number writes n with thousands separators: 12,345.
func number(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// count is n with the singular or plural noun: "1 recipient", "3 recipients".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return number(n) + " " + many
}

// when is a moment for the owner: "3 Dec 2026, 14:05".
func when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Local().Format("2 Jan 2006, 15:04")
}

// categoryLabel names a template category as WhatsApp bills it.
func categoryLabel(c string) string {
	switch c {
	case app.CategoryMarketing:
		return "Marketing"
	case app.CategoryUtility:
		return "Utility"
	case app.CategoryAuthentication:
		return "Authentication"
	}
	if c == "" {
		return "Unknown category"
	}
	return strings.ToUpper(c[:1]) + strings.ToLower(c[1:])
}

// duration says roughly how long sending takes: "about 2 minutes".
func duration(seconds float64) string {
	switch {
	case seconds < 60:
		return "less than a minute"
	case seconds < 3600:
		return fmt.Sprintf("about %s", count(int(seconds/60+0.5), "minute", "minutes"))
	}
	return fmt.Sprintf("about %s", count(int(seconds/3600+0.5), "hour", "hours"))
}

// waitsText says until when a broadcast's rest waits for the number's
// daily limit, or "".
func waitsText(b app.Broadcast) string {
	if b.WaitsUntil.IsZero() || b.State != app.BroadcastSending {
		return ""
	}
	return fmt.Sprintf("Your number's daily limit is reached: %s until %s, when the limit leaves room again.",
		count(b.Totals.Waiting, "customer waits", "customers wait"), when(b.WaitsUntil))
}
