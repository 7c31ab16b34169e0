package app

import "time"

// InboundBatch is everything one webhook payload carried, already parsed.
// It is ingested in one transaction.
type InboundBatch struct {
	// PhoneNumberID and DisplayNumber come from the payload metadata.
	PhoneNumberID string
	DisplayNumber string
	Contacts      []Contact
	Messages      []Message // Direction Inbound, Timestamp set
	Statuses      []StatusUpdate
	Errors        []ProviderEvent
	Templates     []TemplateEvent
	Other         []ProviderEvent // account updates and events Parley does not act on
	// Health are the reports about the channel's standing (quality
	// rating, messaging limit, restrictions) among the account updates;
	// each is recorded in Other as well.
	Health []AccountHealthEvent
}

// Len is the number of events in the batch.
func (b InboundBatch) Len() int {
	return len(b.Messages) + len(b.Statuses) + len(b.Errors) + len(b.Templates) + len(b.Other)
}

// StatusUpdate is a delivery status of an outbound message.
type StatusUpdate struct {
	WAMessageID string
	State       DeliveryState // sent, delivered, read, failed
	RecipientID string
	Timestamp   time.Time
	ErrorCode   int
	ErrorText   string
}

// TemplateEvent is a template review or quality change pushed by WhatsApp.
type TemplateEvent struct {
	TemplateID string
	Name       string
	Language   string
	Event      string // e.g. APPROVED, REJECTED, PAUSED
	Reason     string
	Timestamp  time.Time
}

// ProviderEvent is an event Parley records but does not act on, or an
// out-of-band error.
type ProviderEvent struct {
	Field     string // the webhook change field, e.g. "account_update"
	Code      int
	Title     string
	Detail    string
	Timestamp time.Time
}
