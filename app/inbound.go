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
	// Echoes are messages the owner sent from the WhatsApp Business app
	// on their phone, on a number connected to the API as well
	// (coexistence): Direction Outbound, FromPhone set, State sent, To the
	// customer they went to, Timestamp set.
	Echoes []Message
	// PhoneContacts are changes to the contacts of the WhatsApp Business
	// app on the owner's phone, in the order WhatsApp sent them.
	PhoneContacts []PhoneContact
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
	return len(b.Messages) + len(b.Echoes) + len(b.PhoneContacts) + len(b.Statuses) + len(b.Errors) +
		len(b.Templates) + len(b.Other)
}

// PhoneContact is one change to the owner's phone contacts in the
// WhatsApp Business app: a customer added or renamed (Name is the name
// the owner saved), or removed.
type PhoneContact struct {
	WAID      string // the customer's WhatsApp id (digits)
	Name      string // full name as saved, else first name; "" when removed
	Removed   bool
	Timestamp time.Time
}

// StatusUpdate is a delivery status of an outbound message.
type StatusUpdate struct {
	WAMessageID string
	State       DeliveryState // sent, delivered, read, failed
	RecipientID string
	Timestamp   time.Time
	ErrorCode   int
	ErrorText   string
	// Pricing is whether and how WhatsApp bills the message, when the
	// status says (the pricing and conversation objects).
	Pricing *Pricing
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
