package app

import (
	"context"
	"time"
)

// BroadcastStore keeps broadcasts, their recipients and their outbox
// messages. A recipient's outcome is its message's state: StateWaiting
// until the runner releases it, then the outbox's states.
type BroadcastStore interface {
	// CreateBroadcast stores the broadcast, and per recipient its
	// conversation (created when the customer has none, left out of the
	// Chats list until they write), its message in StateWaiting and its
	// recipient row, all in one transaction. It returns the broadcast's
	// id.
	CreateBroadcast(ctx context.Context, b BroadcastRecord) (int64, error)
	// Broadcasts lists the channel's broadcasts, newest first, with
	// totals.
	Broadcasts(ctx context.Context, id ChannelID) ([]Broadcast, error)
	// Broadcast returns one broadcast with its totals, or ErrNotFound.
	Broadcast(ctx context.Context, broadcastID int64) (Broadcast, error)
	// BroadcastRecipients returns every recipient's result in audience
	// order; Reason is the stored error text, Retryable is left false.
	BroadcastRecipients(ctx context.Context, broadcastID int64) ([]RecipientResult, error)
	// BroadcastTimeline is the cumulative delivered and read counts at
	// each time one changed.
	BroadcastTimeline(ctx context.Context, broadcastID int64) ([]BroadcastPoint, error)
	// SetBroadcastState records the broadcast's state. Paused puts its
	// released messages not yet being sent (StateQueued) back to
	// StateWaiting; cancelled turns its waiting and queued messages into
	// StateCancelled. It returns the broadcast's conversations whose
	// messages changed.
	SetBroadcastState(ctx context.Context, broadcastID int64, state BroadcastState) ([]int64, error)
	// ReleaseBroadcast hands up to n of the broadcast's waiting messages,
	// in audience order, to the outbox (StateQueued, timestamp now). For
	// a marketing template, a customer who opted out is not released:
	// the message fails with optedOutText. It returns how many were
	// released and the conversations whose messages changed.
	ReleaseBroadcast(ctx context.Context, broadcastID int64, n int, now time.Time, optedOutText string) (released int, conversations []int64, err error)
	// ActiveBroadcasts returns the broadcasts scheduled, sending or
	// paused, oldest first, with the counts the runner needs.
	ActiveBroadcasts(ctx context.Context) ([]BroadcastProgress, error)
	// TemplateCustomers counts the unique customers of the channel's
	// templates handed to the outbox since since (not waiting, cancelled
	// or failed), and returns the time of the oldest of those sends.
	TemplateCustomers(ctx context.Context, id ChannelID, since time.Time) (n int, oldest time.Time, err error)
	// RetryBroadcastMessages puts the broadcast's failed messages among
	// messageIDs back to StateWaiting (their error and WhatsApp id
	// cleared) and a done broadcast back to sending; it returns how many.
	RetryBroadcastMessages(ctx context.Context, broadcastID int64, messageIDs []int64) (int, error)
}

// BroadcastRecord is a broadcast as CreateBroadcast stores it.
type BroadcastRecord struct {
	ChannelID ChannelID
	Name      string
	Template  Template
	// Body, HeaderText and URLParam are the draft's mappings, kept for
	// the owner to see.
	Body          []ValueMapping
	HeaderText    ValueMapping
	URLParam      ValueMapping
	HeaderFile    string
	HeaderMediaID string
	State         BroadcastState
	StartAt       time.Time
	CreatedAt     time.Time
	DailyLimit    int
	Spread        bool
	// Recipients and Messages go together: Messages[i] (Type, Text,
	// Template, Media) is what Recipients[i] is sent.
	Recipients []Recipient
	Messages   []Message
}

// BroadcastProgress is where an active broadcast is, for the runner.
type BroadcastProgress struct {
	ID        int64
	ChannelID ChannelID
	State     BroadcastState
	StartAt   time.Time
	Waiting   bool // some messages are not released yet
	Queued    int  // released, not yet taken by the outbox
	Sending   int  // taken by the outbox, answer not recorded
}
