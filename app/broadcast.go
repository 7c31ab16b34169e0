package app

import "time"

// A broadcast sends one approved template to many customers at once: one
// record plus one outbox message per recipient, created in one
// transaction, released to the outbox below the limits WhatsApp sets (the
// number's messages per second and its messaging limit tier of unique
// customers per 24 hours) and tracked per recipient. See
// BroadcastUseCases.

// BroadcastState is where a broadcast is in its life.
type BroadcastState string

// Broadcast states.
const (
	// BroadcastScheduled waits for its start time.
	BroadcastScheduled BroadcastState = "scheduled"
	// BroadcastSending releases its recipients to the outbox, as fast as
	// the limits allow; recipients over today's limit wait for the next
	// day while it stays in this state.
	BroadcastSending BroadcastState = "sending"
	// BroadcastPaused releases nobody until resumed; what was already
	// handed to WhatsApp goes on.
	BroadcastPaused BroadcastState = "paused"
	// BroadcastCancelled will send nobody else: its waiting recipients
	// are cancelled.
	BroadcastCancelled BroadcastState = "cancelled"
	// BroadcastDone has handed every recipient to WhatsApp (or failed
	// them); statuses and replies still arrive.
	BroadcastDone BroadcastState = "done"
)

// ValueSource is where a template variable's value comes from in a
// broadcast.
type ValueSource string

// Value sources of a broadcast's template variables.
const (
	// ValueColumn takes the recipient's value in a CSV column
	// (ValueMapping.Column).
	ValueColumn ValueSource = "column"
	// ValueContactName is the customer's name as Parley knows it (the
	// owner's name for them, else their WhatsApp profile name, else the
	// CSV's name column); ValueMapping.Text is used when there is none.
	ValueContactName ValueSource = "contact_name"
	// ValueContactPhone is the customer's number, formatted.
	ValueContactPhone ValueSource = "contact_phone"
	// ValueFixed is the same text for everyone (ValueMapping.Text).
	ValueFixed ValueSource = "fixed"
)

// ValueMapping says how one template variable is filled per recipient.
type ValueMapping struct {
	Source ValueSource
	Column string // for ValueColumn: the CSV column's name
	Text   string // for ValueFixed; the fallback for ValueContactName
}

// Recipient is one customer a broadcast goes to.
type Recipient struct {
	// WAID is the customer's WhatsApp id: the number in international
	// form without "+" (4917612345678).
	WAID string
	// Name is the name a broadcast may send the customer (see
	// ValueContactName): the owner's own name for them, else their
	// WhatsApp profile name, cleaned by DisplayName, else the CSV's name
	// column, else "". The name saved on the owner's phone is never used
	// (it is never sent to customers), nor the number: a screen showing
	// the recipient falls back to FormatPhone("+"+WAID).
	Name string
	// ConversationID is the customer's conversation on the channel, or 0
	// when they never wrote and none exists yet.
	ConversationID int64
	// Columns are the recipient's CSV values by column name; nil for an
	// audience that did not come from a file.
	Columns map[string]string
	// Row is the recipient's row in the CSV file (1 is the first data
	// row), or 0.
	Row int
}

// InvalidRow is a CSV row whose number cannot receive a broadcast.
type InvalidRow struct {
	Row int // 1 is the first data row (after the header); 0 for a conversation
	// Line is the row as a spreadsheet program numbers it (the header,
	// if any, is line 1; blank rows count), or 0.
	Line   int
	Value  string // the number as written in the file (a customer's name for a conversation)
	Reason string // plain words: "too short for a number in Germany", ...
}

// AudienceSource is where a broadcast's recipients came from.
type AudienceSource string

// Audience sources.
const (
	AudienceLabels AudienceSource = "labels" // conversations with any of the labels
	AudienceRecent AudienceSource = "recent" // customers who wrote in the last N days
	AudienceCSV    AudienceSource = "csv"    // a file of numbers
)

// Audience is a list of recipients ready for a broadcast, with what the
// owner must see before sending: how many rows were read, which numbers
// are invalid and why, how many duplicates were merged and how many
// opted-out customers were left out.
type Audience struct {
	Source     AudienceSource
	Recipients []Recipient
	// Columns are the CSV file's column names in file order (the number
	// column included), for mapping variables; nil for other sources.
	Columns []string
	// NumberColumn is the CSV column the numbers were read from.
	NumberColumn string
	// Rows is how many rows with any value were read (blank rows are
	// skipped), or how many conversations matched; every one of them is
	// a recipient, an invalid row, a duplicate or opted out.
	Rows       int
	Invalid    []InvalidRow
	Duplicates int // rows merged into an earlier row of the same customer
	OptedOut   int // customers left out because they opted out of marketing
	// ExtraCells counts rows with more cells than the header row has
	// columns: the extra cells were left out.
	ExtraCells int
}

// BroadcastDraft is a broadcast the owner composed and has not started.
type BroadcastDraft struct {
	ChannelID ChannelID
	// Name is the owner's name for it ("Sunday opening"); the template's
	// name when empty.
	Name     string
	Template Template // an approved template of the channel
	// Body maps the template's body variables, index 0 is {{1}}.
	Body []ValueMapping
	// HeaderText maps the text header's {{1}}, if it has one.
	HeaderText ValueMapping
	// URLParam maps the end of a URL button's link, if it has one.
	URLParam ValueMapping
	// HeaderFile is the local file sent in a photo, video or document
	// header: uploaded once, its media id reused for every recipient.
	HeaderFile string
	Audience   Audience
	// StartAt is when sending starts; zero means now.
	StartAt time.Time
	// SpreadOverDays accepts a broadcast larger than what the messaging
	// limit leaves today: the rest goes on the following days. Without
	// it such a broadcast is refused with ErrOverDailyLimit.
	SpreadOverDays bool
}

// BroadcastPlan is what starting a draft would do, shown before it
// starts.
type BroadcastPlan struct {
	Recipients int
	// DailyLimit is the channel's unique customers per 24 hours (its
	// messaging limit tier, or a safe default when WhatsApp has not told
	// it: DefaultDailyLimit).
	DailyLimit int
	// LimitKnown is false when DailyLimit is the default.
	LimitKnown bool
	// UsedToday is how many unique customers the channel's broadcasts
	// reached in the last 24 hours.
	UsedToday int
	// Days is how many days sending takes (1 when it fits today).
	Days int
	// Category is the template's category (MARKETING, UTILITY), which
	// decides what WhatsApp charges.
	Category string
	// Quality is the channel's quality rating; a broadcast warns when it
	// is not green.
	Quality Quality
	// SecondsAtFullSpeed is how long the messages take at the number's
	// messages per second, within one day.
	SecondsAtFullSpeed float64
}

// DefaultDailyLimit is the unique customers per 24 hours assumed while
// WhatsApp has not told the channel's messaging limit: the tier of a new
// number.
const DefaultDailyLimit = 250

// BroadcastTotals counts a broadcast's recipients by outcome. Every
// recipient is in exactly one of Waiting, Sending, Sent, Delivered, Read,
// Failed, Unknown and Cancelled; Replied counts those who answered within
// a day, whatever their state.
type BroadcastTotals struct {
	Recipients int
	Waiting    int // not yet handed to the outbox (today's limit, paused, scheduled)
	Sending    int // in the outbox: queued or being sent
	Sent       int // accepted by WhatsApp, not yet delivered
	Delivered  int
	Read       int
	Failed     int
	Unknown    int // Parley stopped while sending: check before resending
	Cancelled  int
	Replied    int
}

// Broadcast is a stored broadcast with its totals.
type Broadcast struct {
	ID        int64
	ChannelID ChannelID
	Name      string
	Template  string // the template's name
	Language  string
	Category  string
	State     BroadcastState
	CreatedAt time.Time
	StartAt   time.Time
	// DailyLimit is the limit it was planned with.
	DailyLimit int
	Totals     BroadcastTotals
	// WaitsUntil is set while a sending broadcast's waiting recipients
	// wait for the channel's messaging limit: when it next leaves room
	// (the oldest send of the last 24 hours turns a day old). Zero
	// otherwise.
	WaitsUntil time.Time
}

// RecipientOutcome is where one recipient of a broadcast is.
type RecipientOutcome string

// Recipient outcomes.
const (
	OutcomeWaiting   RecipientOutcome = "waiting"
	OutcomeSending   RecipientOutcome = "sending"
	OutcomeSent      RecipientOutcome = "sent"
	OutcomeDelivered RecipientOutcome = "delivered"
	OutcomeRead      RecipientOutcome = "read"
	OutcomeFailed    RecipientOutcome = "failed"
	OutcomeUnknown   RecipientOutcome = "unknown"
	OutcomeCancelled RecipientOutcome = "cancelled"
)

// RecipientResult is one recipient's line in a broadcast's results.
type RecipientResult struct {
	WAID           string
	Name           string
	ConversationID int64
	MessageID      int64
	Outcome        RecipientOutcome
	// Reason is WhatsApp's reason for a failure in plain words ("This
	// number is not on WhatsApp."), or the unknown state's advice.
	Reason    string
	ErrorCode int
	// Retryable is whether RetryBroadcastFailed would send it again: a
	// failure that may pass another time (not an invalid number).
	Retryable   bool
	SentAt      time.Time
	DeliveredAt time.Time
	ReadAt      time.Time
	Replied     bool
}

// BroadcastPoint is one step of a broadcast's chart: how many recipients
// had it delivered and had read it by At (cumulative).
type BroadcastPoint struct {
	At        time.Time
	Delivered int
	Read      int
}
