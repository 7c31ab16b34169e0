package dialog360

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// ErrMalformedWebhook is returned by ParseWebhook when a body is not a
// WhatsApp webhook at all: not JSON, or JSON of a shape no webhook has.
// The wrapping error says which in plain words.
var ErrMalformedWebhook = errors.New("this is not a WhatsApp webhook")

// SyntheticIDPrefix starts the WAMessageID that ParseWebhook makes up for
// a message that arrived without an id. Such an id is unknown to
// WhatsApp: never mark it read or reply to it.
const SyntheticIDPrefix = "parley-synthetic."

// IsSyntheticID reports whether id was made up by ParseWebhook.
func IsSyntheticID(id string) bool { return strings.HasPrefix(id, SyntheticIDPrefix) }

// ParseWebhook reads one webhook body as 360dialog posts it: the Cloud API
// envelope (object, entry[].changes[].value) or the older flat 360dialog
// v1 / On-Premise format (contacts, messages, statuses and errors at the
// top level). It returns an error, wrapping ErrMalformedWebhook, only when
// the body is not a JSON object holding at least one of those keys.
//
// Everything else is read as well as it can be and never fails the whole
// payload: unknown fields are ignored, a field of an unexpected JSON type
// is skipped, unknown message types become app.MsgUnsupported with their
// name in RawType. In detail:
//
//   - Every message is Direction Inbound, State Received. Times are UTC;
//     a missing or unreadable time falls back to the entry's time, then to
//     the time of parsing.
//   - A message without an id keeps a stable made-up id (SyntheticIDPrefix
//     and a hash of its content), so a redelivered payload is still stored
//     once. Skipping it would lose what the customer wrote.
//   - A message without a sender takes the only contact of its change;
//     with no single contact it cannot be filed and goes to Other.
//   - Text, media captions, button and list titles, reaction emojis and
//     readable notices go to Text; button payloads and list row ids to
//     Payload. Forwarded is set for forwarded and frequently forwarded
//     messages alike. An empty reaction emoji means the reaction was
//     removed. ReplyTo is the quoted message, or the message reacted to.
//     Errors attached to a message (as on unsupported ones) fill its
//     ErrorCode and ErrorText.
//   - An edit arrives as a message of the new content's type with RawType
//     "edit" and ReplyTo the edited message. A deletion by the customer
//     (type "revoke") is a MsgSystem notice with ReplyTo the deleted
//     message; the store decides whether to hide the original.
//   - A system notice (number or security code change) is MsgSystem with
//     a readable Text; for a number change Payload is the new WhatsApp id.
//   - An order lists its items in Text (the catalogue id is the Payload).
//     Click-to-WhatsApp ad details are not kept: Message has no field.
//   - Contacts holds every contact listed and every sender, once each.
//     LastInboundAt is the time of their latest message in the batch,
//     system notices aside, and zero when they sent none; Name is empty
//     when the payload did not give one.
//   - Statuses: "played" (a voice note was listened to) counts as read.
//     A failed status carries the first error's code and WhatsApp's own
//     explanation. Any other status, or one without a message id, goes
//     to Other.
//   - Coexistence (the owner's WhatsApp Business app on the same number):
//     each message under "message_echoes" (field smb_message_echoes) is an
//     Echo, Direction Outbound, State sent, FromPhone set, To the customer
//     (digits); it adds no contact and opens no window. One without a
//     recipient goes to Other. Each contact under "state_sync" (field
//     smb_app_state_sync) is a PhoneContact: its full name (else first
//     name) for an addition or edit, Removed for a removal.
//   - Template status, quality and category updates become
//     TemplateEvents; account updates and any other field go to Other,
//     with Title the event code and Detail a plain sentence.
//
// The batch has the first phone number id and display number found.
func ParseWebhook(body []byte) (app.InboundBatch, error) {
	return parseWebhook(body, time.Now())
}

// parseWebhook is ParseWebhook with the fallback time given.
func parseWebhook(body []byte, received time.Time) (app.InboundBatch, error) {
	var p whPayload
	if err := whDecode(body, &p); err != nil {
		return app.InboundBatch{}, err
	}
	b := whBuilder{received: received.UTC().Truncate(time.Second)}
	if v := p.flatValue(); v != nil {
		b.addChange("", v, b.received)
	}
	if p.Entry != nil {
		for i := range *p.Entry {
			e := &(*p.Entry)[i]
			at := whTime(e.Time, b.received)
			for j := range e.Changes {
				b.addChange(e.Changes[j].Field, &e.Changes[j].Value, at)
			}
		}
	}
	return b.batch, nil
}

// whDecode unmarshals body. A value of an unexpected JSON type (say a
// number where a string belongs) is skipped by encoding/json, which still
// decodes the rest; only broken JSON or an unknown shape is refused.
//
// Almost every body is a well-formed webhook, and for those the faster
// strict decoder (jsonv2, see whDecodeStrict) gives the same result in a
// third of the time; whatever it refuses is decoded again by encoding/json.
func whDecode(body []byte, p *whPayload) error {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 {
		return whMalformed("the body is empty")
	}
	if trimmed[0] == '{' && whDecodeStrict(body, p) == nil {
		if !p.recognised() {
			return whMalformed("the body has none of the fields a WhatsApp webhook carries")
		}
		return nil
	}
	*p = whPayload{} // the strict decoder may have filled part of it
	err := json.Unmarshal(body, p)
	var typeErr *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &typeErr) {
		return whMalformed("the body is not valid JSON")
	}
	if trimmed[0] != '{' {
		return whMalformed("the body is JSON but not an object")
	}
	if !p.recognised() {
		return whMalformed("the body has none of the fields a WhatsApp webhook carries")
	}
	return nil
}

func whMalformed(reason string) error {
	return fmt.Errorf("%w: %s", ErrMalformedWebhook, reason)
}

// whBuilder collects the events of one payload into a batch.
type whBuilder struct {
	batch    app.InboundBatch
	received time.Time
	contacts map[string]int // WAID → index in batch.Contacts
}

// Webhook change fields Parley reads.
const (
	whFieldMessages         = "messages"
	whFieldTemplateStatus   = "message_template_status_update"
	whFieldTemplateQuality  = "message_template_quality_update"
	whFieldTemplateCategory = "template_category_update"
	whFieldAccount          = "account_update"
	whFieldEchoes           = "smb_message_echoes"
	whFieldStateSync        = "smb_app_state_sync"
)

// addChange adds one change value; at is the fallback time of its events.
func (b *whBuilder) addChange(field string, v *whValue, at time.Time) {
	switch field {
	case "", whFieldMessages:
		b.addMessaging(v, at)
	case whFieldTemplateStatus, whFieldTemplateQuality, whFieldTemplateCategory:
		b.batch.Templates = append(b.batch.Templates, whTemplateEvent(field, v, at))
	default:
		if v.hasMessaging() {
			b.addMessaging(v, at)
			return
		}
		b.batch.Other = append(b.batch.Other, whOtherEvent(field, v, at))
		if h, ok := whHealthEvent(field, v, at); ok {
			b.batch.Health = append(b.batch.Health, h)
		}
	}
}

// addMessaging adds the contacts, messages, statuses and errors of a
// messages change (or of a flat v1 payload).
func (b *whBuilder) addMessaging(v *whValue, at time.Time) {
	if b.batch.PhoneNumberID == "" && b.batch.DisplayNumber == "" {
		b.batch.PhoneNumberID = v.Metadata.PhoneNumberID
		b.batch.DisplayNumber = v.Metadata.DisplayPhoneNumber
	}
	soleSender := ""
	for i := range v.Contacts {
		c := &v.Contacts[i]
		if c.WAID == "" {
			continue
		}
		b.contact(c.WAID, c.Profile.Name)
		if soleSender == "" {
			soleSender = c.WAID
		} else if soleSender != c.WAID {
			soleSender = "-" // more than one: none is the sender
		}
	}
	if soleSender == "-" {
		soleSender = ""
	}
	for i := range v.Messages {
		b.addMessage(&v.Messages[i], soleSender, at)
	}
	for i := range v.MessageEchoes {
		b.addEcho(&v.MessageEchoes[i], at)
	}
	for i := range v.StateSync {
		b.addStateSync(&v.StateSync[i], at)
	}
	for i := range v.Statuses {
		b.addStatus(&v.Statuses[i], at)
	}
	for i := range v.Errors {
		e := &v.Errors[i]
		b.batch.Errors = append(b.batch.Errors, app.ProviderEvent{
			Field:     whFieldMessages,
			Code:      e.code(),
			Title:     whFirst(e.Title, e.Message, "WhatsApp reported a problem"),
			Detail:    e.text(),
			Timestamp: at,
		})
	}
}

func (b *whBuilder) addMessage(w *whMessage, soleSender string, at time.Time) {
	m := whMapMessage(w, at)
	if m.From == "" {
		m.From = soleSender
	}
	if m.From == "" {
		b.batch.Other = append(b.batch.Other, app.ProviderEvent{
			Field:     whFieldMessages,
			Title:     "Message without sender",
			Detail:    "WhatsApp sent a message without saying who wrote it, so Parley could not put it in a chat.",
			Timestamp: m.Timestamp,
		})
		return
	}
	if m.WAMessageID == "" {
		m.WAMessageID = whSyntheticID(w)
	}
	b.batch.Messages = append(b.batch.Messages, m)
	c := &b.batch.Contacts[b.contact(m.From, "")]
	if m.Type != app.MsgSystem && m.Timestamp.After(c.LastInboundAt) {
		c.LastInboundAt = m.Timestamp
	}
}

// addEcho adds a message the owner sent from the WhatsApp Business app
// on their phone (coexistence). It is the owner's, not the customer's:
// it names no contact and leaves LastInboundAt alone, so it opens no
// 24-hour window (see app.Conversation.WindowOpen).
func (b *whBuilder) addEcho(w *whMessage, at time.Time) {
	m := whMapMessage(w, at)
	m.Direction, m.State, m.FromPhone = app.Outbound, app.StateSent, true
	m.From, m.To = "", whDigits(w.To)
	if m.To == "" {
		b.batch.Other = append(b.batch.Other, app.ProviderEvent{
			Field:     whFieldEchoes,
			Title:     "Message from your phone without recipient",
			Detail:    "WhatsApp reported a message sent from your phone without saying to whom, so Parley could not put it in a chat.",
			Timestamp: m.Timestamp,
		})
		return
	}
	if m.WAMessageID == "" {
		m.WAMessageID = whSyntheticID(w)
	}
	b.batch.Echoes = append(b.batch.Echoes, m)
}

// addStateSync adds a change to the contacts of the WhatsApp Business
// app. Items of other types, or naming no number, are skipped.
func (b *whBuilder) addStateSync(s *whStateSync, at time.Time) {
	waID := whDigits(s.Contact.PhoneNumber)
	if (s.Type != "" && s.Type != "contact") || waID == "" {
		return
	}
	pc := app.PhoneContact{WAID: waID, Timestamp: whTime(s.Metadata.Timestamp, at)}
	if strings.EqualFold(s.Action, "remove") {
		pc.Removed = true
	} else {
		pc.Name = strings.TrimSpace(whFirst(strings.TrimSpace(s.Contact.FullName), s.Contact.FirstName))
	}
	b.batch.PhoneContacts = append(b.batch.PhoneContacts, pc)
}

// whDigits keeps the digits of a phone number ("+49 170 …" → "49170…").
func whDigits(s string) string {
	var out strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			out.WriteRune(r)
		}
	}
	return out.String()
}

// contact returns the index of the contact with waID, adding it first if
// needed. A non-empty name fills in a missing one.
func (b *whBuilder) contact(waID, name string) int {
	if b.contacts == nil {
		b.contacts = make(map[string]int, 2)
	}
	if i, ok := b.contacts[waID]; ok {
		if b.batch.Contacts[i].Name == "" {
			b.batch.Contacts[i].Name = name
		}
		return i
	}
	b.batch.Contacts = append(b.batch.Contacts, app.Contact{WAID: waID, Name: name})
	b.contacts[waID] = len(b.batch.Contacts) - 1
	return len(b.batch.Contacts) - 1
}
