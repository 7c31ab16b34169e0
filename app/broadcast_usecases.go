package app

import (
	"context"
	"errors"
)

// ErrOverDailyLimit marks a broadcast refused because it would reach more
// customers than the channel's messaging limit leaves today, and the
// owner did not choose to spread it over days.
var ErrOverDailyLimit = errors.New("more recipients than the messaging limit allows today")

// errBroadcastsNotBuilt is returned by the parts still being built.
var errBroadcastsNotBuilt = errors.New("broadcasts: not built yet")

// BroadcastUseCases are the use cases of broadcasts: building an
// audience, planning, testing, creating, controlling and following a
// broadcast, and the runner that releases recipients to the outbox.
type BroadcastUseCases struct {
	*ports
}

// BroadcastValues are the template values the draft gives recipient r,
// for the live preview and for sending.
func (c *BroadcastUseCases) BroadcastValues(d BroadcastDraft, r Recipient) TemplateValues {
	return broadcastValues(d, r)
}

// PlanBroadcast checks the draft (ValidationErrors at its fields: the
// template, each variable's mapping, the header file, an empty audience,
// a start time in the past) and says what starting it would do.
func (c *BroadcastUseCases) PlanBroadcast(ctx context.Context, d BroadcastDraft) (BroadcastPlan, error) {
	return BroadcastPlan{}, errBroadcastsNotBuilt
}

// SendBroadcastTest sends the draft's template, with the first
// recipient's values, to the owner's own number first.
func (c *BroadcastUseCases) SendBroadcastTest(ctx context.Context, d BroadcastDraft, ownNumber string) (Message, error) {
	return Message{}, errBroadcastsNotBuilt
}

// CreateBroadcast stores the draft as one broadcast and one outbox
// message per recipient in one transaction, and starts it (now or at
// StartAt). It refuses an invalid draft like PlanBroadcast, and one over
// today's limit without SpreadOverDays with ErrOverDailyLimit.
func (c *BroadcastUseCases) CreateBroadcast(ctx context.Context, d BroadcastDraft) (Broadcast, error) {
	return Broadcast{}, errBroadcastsNotBuilt
}

// Broadcasts lists the channel's broadcasts, newest first, with totals.
func (c *BroadcastUseCases) Broadcasts(ctx context.Context, id ChannelID) ([]Broadcast, error) {
	return nil, errBroadcastsNotBuilt
}

// Broadcast returns one broadcast with its totals.
func (c *BroadcastUseCases) Broadcast(ctx context.Context, broadcastID int64) (Broadcast, error) {
	return Broadcast{}, errBroadcastsNotBuilt
}

// BroadcastRecipients returns every recipient's result, in the order
// they were added.
func (c *BroadcastUseCases) BroadcastRecipients(ctx context.Context, broadcastID int64) ([]RecipientResult, error) {
	return nil, errBroadcastsNotBuilt
}

// BroadcastTimeline is the cumulative delivered and read counts over
// time, for the results chart.
func (c *BroadcastUseCases) BroadcastTimeline(ctx context.Context, broadcastID int64) ([]BroadcastPoint, error) {
	return nil, errBroadcastsNotBuilt
}

// PauseBroadcast stops releasing recipients; those already handed to the
// outbox but not yet sent wait again.
func (c *BroadcastUseCases) PauseBroadcast(ctx context.Context, broadcastID int64) error {
	return errBroadcastsNotBuilt
}

// ResumeBroadcast continues a paused broadcast.
func (c *BroadcastUseCases) ResumeBroadcast(ctx context.Context, broadcastID int64) error {
	return errBroadcastsNotBuilt
}

// CancelBroadcast cancels every recipient not yet handed to WhatsApp;
// what may have reached WhatsApp keeps its state.
func (c *BroadcastUseCases) CancelBroadcast(ctx context.Context, broadcastID int64) error {
	return errBroadcastsNotBuilt
}

// RetryBroadcastFailed sends again to the recipients whose failure may
// pass another time (RecipientResult.Retryable) and returns how many.
// Unknown recipients are never included: the owner resends them one by
// one from their conversation after checking.
func (c *BroadcastUseCases) RetryBroadcastFailed(ctx context.Context, broadcastID int64) (int, error) {
	return 0, errBroadcastsNotBuilt
}

// ExportBroadcastResults writes the results as CSV (number, name,
// outcome, reason, sent, delivered, read, replied) to path.
func (c *BroadcastUseCases) ExportBroadcastResults(ctx context.Context, broadcastID int64, path string) error {
	return errBroadcastsNotBuilt
}

// RunBroadcasts releases recipients of sending broadcasts to the outbox
// until ctx is done: a few at a time so the owner's own messages never
// wait behind thousands, never more unique customers per 24 hours than
// the channel's limit, starting scheduled ones at their time and
// continuing after a restart.
func (c *BroadcastUseCases) RunBroadcasts(ctx context.Context) {}
