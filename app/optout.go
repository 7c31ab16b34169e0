package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Who opted a customer out of marketing.
const (
	OptedOutByCustomer = "customer" // they wrote a stop word
	OptedOutByOwner    = "owner"    // the owner marked them by hand
)

// OptOut is whether a customer asked not to receive marketing templates:
// since At (zero: they did not), by whom (OptedOutByCustomer or
// OptedOutByOwner), and the word they wrote.
type OptOut struct {
	At   time.Time
	By   string
	Word string
}

// Active reports whether the customer is opted out.
func (o OptOut) Active() bool { return !o.At.IsZero() }

// ErrOptedOut marks a marketing template refused because the customer
// asked not to receive marketing. It comes inside an *OptedOutError,
// which says who and since when.
var ErrOptedOut = errors.New("the customer opted out of marketing messages")

// OptedOutError is the refusal of a marketing template to a customer who
// opted out; errors.Is(err, ErrOptedOut) holds for it.
type OptedOutError struct {
	Name   string // how the owner knows the customer
	OptOut OptOut
}

// Error implements error with the owner's words.
func (e *OptedOutError) Error() string { return e.Plain() }

// Is makes errors.Is(err, ErrOptedOut) true.
func (e *OptedOutError) Is(target error) bool { return target == ErrOptedOut }

// Plain says in plain words why the template was refused and what is
// still allowed.
func (e *OptedOutError) Plain() string {
	why := "you marked them"
	if e.OptOut.By == OptedOutByCustomer {
		why = "they wrote " + DisplayName(e.OptOut.Word)
		if e.OptOut.Word == "" {
			why = "they wrote a stop word"
		}
	}
	return fmt.Sprintf("%s asked not to receive marketing messages on %s (%s). You can still answer them and send utility templates.",
		e.Name, OptOutDate(e.OptOut.At), why)
}

// OptOutDate writes the day of an opt-out as the owner reads it: "3 Dec 2026".
func OptOutDate(t time.Time) string { return t.Local().Format("2 Jan 2006") }

// OptOutStore keeps whether customers opted out of marketing and the
// owner's stop and start words. Ingest applies a customer's stop or
// start word in the transaction that stores their message (see
// GroupIngester), with the words OptOutWords returns.
type OptOutStore interface {
	// SetOptOut records the owner's decision for the conversation's
	// customer: opted out since at, by the owner, or (at zero) not.
	SetOptOut(ctx context.Context, conversationID int64, at time.Time) error
	// OptOutWords returns the owner's lists, Parley's defaults if they
	// never changed them.
	OptOutWords(ctx context.Context) (OptOutWords, error)
	// SaveOptOutWords keeps the owner's lists for the next messages.
	SaveOptOutWords(ctx context.Context, w OptOutWords) error
}

// Field keys of the opt-out word lists in Settings.
const (
	FieldOptOutStop  = "optout.stop"
	FieldOptOutStart = "optout.start"
)

// OptOutUseCases are the use cases of customers' opt-outs of marketing:
// the owner's word lists and setting or lifting an opt-out by hand.
// Customers' own stop and start words are applied by ingest.
type OptOutUseCases struct {
	*ports
}

// SetOptedOut opts the conversation's customer out of marketing (out),
// by the owner's hand, or lifts their opt-out, whoever set it.
func (c *OptOutUseCases) SetOptedOut(ctx context.Context, conversationID int64, out bool) error {
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return fmt.Errorf("change the opt-out: %w", err)
	}
	if cv.OptOut.Active() == out {
		return nil
	}
	var at time.Time
	if out {
		at = c.clock.Now()
	}
	if err := c.store.SetOptOut(ctx, conversationID, at); err != nil {
		return fmt.Errorf("change the opt-out: %w", err)
	}
	c.bus.Publish(Event{Kind: EventOptOutChanged, ChannelID: cv.ChannelID, ConversationIDs: []int64{conversationID}})
	return nil
}

// OptOutWords returns the words that opt a customer out and back in.
func (c *OptOutUseCases) OptOutWords(ctx context.Context) (OptOutWords, error) {
	w, err := c.store.OptOutWords(ctx)
	if err != nil {
		return OptOutWords{}, fmt.Errorf("read the opt-out words: %w", err)
	}
	return w, nil
}

// SetOptOutWords keeps the owner's lists (trimmed, without repeats) for
// the messages that arrive from now on; a problem is a ValidationErrors
// naming FieldOptOutStop or FieldOptOutStart.
func (c *OptOutUseCases) SetOptOutWords(ctx context.Context, w OptOutWords) error {
	clean, err := CleanOptOutWords(w)
	if err != nil {
		return err
	}
	if err := c.store.SaveOptOutWords(ctx, clean); err != nil {
		return fmt.Errorf("save the opt-out words: %w", err)
	}
	c.bus.Publish(Event{Kind: EventOptOutChanged})
	return nil
}

// refuseOptedOut returns an *OptedOutError when t is a marketing
// template and the conversation's customer opted out.
func refuseOptedOut(cv Conversation, category string) error {
	if category != CategoryMarketing || !cv.OptOut.Active() {
		return nil
	}
	return &OptedOutError{Name: customerName(cv), OptOut: cv.OptOut}
}

// optOutConversations returns the conversations of received whose
// message is a stop or start word by m: ingest changed their opt-out.
func optOutConversations(m *OptOutMatcher, received []Message) []int64 {
	var ids []int64
	for _, msg := range received {
		if msg.Direction == Inbound && msg.Type == MsgText && m.Match(msg.Text) != OptOutNone && !slices.Contains(ids, msg.ConversationID) {
			ids = append(ids, msg.ConversationID)
		}
	}
	return ids
}

// customerName is how the owner knows the conversation's customer, as
// the Space names them: the name saved on their phone, else the WhatsApp
// profile name, else the number.
func customerName(cv Conversation) string {
	if name := DisplayName(cv.PhoneName); name != "" {
		return name
	}
	if name := DisplayName(cv.ContactName); name != "" {
		return name
	}
	return FormatPhone("+" + cv.WAID)
}
