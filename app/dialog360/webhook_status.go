package dialog360

import (
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// whDeliveryState maps a WhatsApp status name onto a delivery state.
// "played" (a voice note was listened to) is the strongest proof of
// reading there is, so it counts as read. Other names ("deleted",
// "warning", ...) are not delivery progress.
func whDeliveryState(status string) (app.DeliveryState, bool) {
	switch strings.ToLower(strings.TrimSpace(status)) {
	case "sent":
		return app.StateSent, true
	case "delivered":
		return app.StateDelivered, true
	case "read", "played":
		return app.StateRead, true
	case "failed":
		return app.StateFailed, true
	}
	return "", false
}

// whFailedText is the reason shown when WhatsApp reports a failure
// without saying why.
const whFailedText = "WhatsApp could not deliver this message."

// addStatus adds one delivery status, or an Other event when the status is
// not one Parley tracks or names no message.
func (b *whBuilder) addStatus(s *whStatus, at time.Time) {
	ts := whTime(s.Timestamp, at)
	state, ok := whDeliveryState(s.Status)
	if !ok || s.ID == "" {
		name := whFirst(strings.TrimSpace(s.Status), "unknown")
		b.batch.Other = append(b.batch.Other, app.ProviderEvent{
			Field:     whFieldMessages,
			Title:     "Message status " + name,
			Detail:    whStatusDetail(s, name),
			Timestamp: ts,
		})
		return
	}
	u := app.StatusUpdate{
		WAMessageID: s.ID,
		State:       state,
		RecipientID: s.RecipientID,
		Timestamp:   ts,
		Pricing:     s.pricing(),
	}
	if state == app.StateFailed {
		u.ErrorText = whFailedText
		if len(s.Errors) > 0 {
			u.ErrorCode = s.Errors[0].code()
			u.ErrorText = whFirst(s.Errors[0].text(), whFailedText)
		}
	}
	b.batch.Statuses = append(b.batch.Statuses, u)
}

func whStatusDetail(s *whStatus, name string) string {
	var sb strings.Builder
	sb.WriteString(`WhatsApp reported the status "`)
	sb.WriteString(name)
	if s.ID != "" {
		sb.WriteString(`" for message `)
		sb.WriteString(s.ID)
	} else {
		sb.WriteString(`" for a message`)
	}
	if s.RecipientID != "" {
		sb.WriteString(" to ")
		sb.WriteString(whPhone(s.RecipientID))
	}
	if s.ID == "" {
		sb.WriteString(" without saying which one")
	}
	sb.WriteString(".")
	if len(s.Errors) > 0 {
		if t := s.Errors[0].text(); t != "" {
			sb.WriteString(" ")
			sb.WriteString(t)
		}
	}
	return sb.String()
}
