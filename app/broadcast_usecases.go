package app

import (
	"context"
	"errors"
	"io"
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

// AudienceFromCSV reads a CSV file of numbers (plus optional columns for
// the template's variables) for a broadcast from the channel: numbers are
// checked with the channel's country as the default region, duplicates
// merged and opted-out customers left out, each counted. A file that
// cannot be used (empty, too big, not text, no number column) is refused
// with a FieldError on FieldBroadcastFile in plain words.
func (c *BroadcastUseCases) AudienceFromCSV(ctx context.Context, id ChannelID, r io.Reader) (Audience, error) {
	return Audience{}, errBroadcastsNotBuilt
}

// AudienceFromLabels is every customer of the channel whose conversation
// has any of the labels, opted-out customers left out and counted.
func (c *BroadcastUseCases) AudienceFromLabels(ctx context.Context, id ChannelID, labelIDs []int64) (Audience, error) {
	return Audience{}, errBroadcastsNotBuilt
}

// AudienceRecent is every customer who wrote to the channel in the last
// days days, opted-out customers left out and counted.
func (c *BroadcastUseCases) AudienceRecent(ctx context.Context, id ChannelID, days int) (Audience, error) {
	return Audience{}, errBroadcastsNotBuilt
}

// BroadcastValues are the template values the draft gives recipient r,
// for the live preview and for sending.
func (c *BroadcastUseCases) BroadcastValues(d BroadcastDraft, r Recipient) TemplateValues {
	return broadcastValues(d, r)
}
