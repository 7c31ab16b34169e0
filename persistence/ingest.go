package persistence

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// earlyStatusTTL is how long a status for an unknown message is kept in
// case the outbox records that message's WhatsApp id later.
const earlyStatusTTL = 24 * time.Hour

// IngestItem is one webhook payload for IngestBatches.
type IngestItem = app.IngestItem

// errNothingStored rolls back a group transaction in which every payload
// failed; each payload already has its own error.
var errNothingStored = errors.New("no payload of the group was stored")

// errPayloadFailed rolls back a group transaction stored without a
// savepoint per payload in which a payload failed.
var errPayloadFailed = errors.New("a payload of the group failed")

// errNoChannel is the error of a payload for a channel that does not
// exist.
var errNoChannel = fmt.Errorf("channel: %w", app.ErrNotFound)

// IngestBatch writes every event of one webhook payload in one
// transaction: all of it is stored, or (on any error) none of it.
// Messages whose WhatsApp id is already stored are skipped, so a payload
// delivered twice is stored once. It returns the messages actually
// inserted (the customers' and the owner's from the phone, see
// app.InboundBatch.Echoes), with ID and ConversationID set.
//
// Contacts are created or renamed; each conversation's last message,
// preview, unread count (+1 per new inbound message) and last inbound time
// move forward. Statuses move outbound messages forward only (sent <
// delivered < read; failed wins and keeps its error). Template events
// update the status of the matching template; they, errors and other
// events are also recorded as provider events. The channel's last event
// time is set to now.
func (s *Store) IngestBatch(ctx context.Context, id app.ChannelID, b app.InboundBatch) ([]app.Message, error) {
	results, errs := s.IngestBatches(ctx, []IngestItem{{ChannelID: id, Batch: b}})
	return results[0], errs[0]
}

// IngestBatches writes many payloads in one transaction (group commit),
// each all-or-nothing on its own: a payload that fails leaves no trace
// and does not affect the others. results[i] and errs[i] belong to
// items[i] and mean the same as IngestBatch's results. If the transaction
// itself fails, every item gets an error and nothing is stored.
//
// The group is first stored the fast way, without a savepoint per
// payload; if a payload fails, that transaction is rolled back and the
// group is stored again with each payload in its own savepoint. Per
// payload only its own rows are written (contacts and conversations that
// are new or renamed, messages, statuses, events); what payloads add up
// to (conversation previews, unread counts and times, channels' last
// event times) is written once per group, after the last payload, from
// the payloads that were stored.
func (s *Store) IngestBatches(ctx context.Context, items []IngestItem) (results [][]app.Message, errs []error) {
	results = make([][]app.Message, len(items))
	errs = make([]error, len(items))
	err := s.commitGroup(ctx, items, results, errs, false)
	if errors.Is(err, errPayloadFailed) && len(items) > 1 {
		clear(results)
		clear(errs)
		err = s.commitGroup(ctx, items, results, errs, true)
	}
	if errors.Is(err, errPayloadFailed) || errors.Is(err, errNothingStored) {
		return results, errs // every payload has its own error
	}
	if err != nil {
		err = fmt.Errorf("store webhook events: %w", err)
		for i := range items {
			results[i] = nil
			if errs[i] == nil {
				errs[i] = err
			}
		}
	}
	return results, errs
}
