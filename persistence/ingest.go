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
// inserted, with ID and ConversationID set.
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
	err := s.storeGroup(ctx, items, results, errs, false)
	if errors.Is(err, errPayloadFailed) && len(items) > 1 {
		clear(results)
		clear(errs)
		err = s.storeGroup(ctx, items, results, errs, true)
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

// earlyStatusPruneEvery is how often ingest drops expired early
// statuses. A status that arrives again after its copy expired replaces
// that copy, so pruning later than the expiry changes nothing else.
const earlyStatusPruneEvery = time.Minute

// storeGroup stores items in one write transaction (see
// ingestGroup.store), on top of what earlier groups learned about the
// rows they read (see ingestCache).
func (s *Store) storeGroup(ctx context.Context, items []IngestItem, results [][]app.Message, errs []error, isolated bool) error {
	now := s.now()
	last := s.prunedAt.Load()
	prune := last == 0 || now.UnixNano()-last >= int64(earlyStatusPruneEvery) || now.UnixNano() < last
	var g *ingestGroup
	var cache cacheState
	err := s.writeRaw(ctx, func(tx *rawTx) error {
		var base *knownRows
		var err error
		if cache, base, err = s.openCache(ctx, tx); err != nil {
			return err
		}
		g = newIngestGroup(tx, now, base)
		return g.store(ctx, items, results, errs, isolated, prune)
	})
	rolledBack := errors.Is(err, errPayloadFailed) || errors.Is(err, errNothingStored)
	s.closeCache(cache, g, err == nil, rolledBack)
	if err == nil {
		s.ckpt.committed()
		if prune {
			s.prunedAt.Store(now.UnixNano())
		}
	}
	return err
}

// store stores items, filling results and errs; if prune, it also drops
// expired early statuses. Unless isolated, the first payload that fails
// ends it with errPayloadFailed (its error in errs), and the caller must
// roll back; if isolated, each payload is stored in its own savepoint,
// and one that fails leaves no trace. It returns errNothingStored when
// no payload was stored.
func (g *ingestGroup) store(ctx context.Context, items []IngestItem, results [][]app.Message, errs []error, isolated, prune bool) error {
	if err := g.prepare(ctx, items, prune); err != nil {
		return err
	}
	stored := 0
	for i, it := range items {
		if isolated {
			results[i], errs[i] = g.ingestOne(ctx, it)
		} else {
			results[i], errs[i] = g.ingestItem(ctx, it)
			if errs[i] != nil && !errors.Is(errs[i], errNoChannel) {
				errs[i] = itemError(it, errs[i])
				if g.failed != nil {
					return g.failed
				}
				return errPayloadFailed
			}
			if errs[i] == nil {
				g.totals.keep(it.ChannelID, results[i])
			} else {
				errs[i] = itemError(it, errs[i]) // nothing was written
			}
		}
		if g.failed != nil {
			return g.failed // the transaction itself is lost
		}
		if errs[i] == nil {
			stored++
		}
	}
	if stored == 0 {
		return errNothingStored
	}
	return g.finish(ctx)
}

// ingestOne stores one payload inside its own savepoint and returns the
// messages it inserted. When it fails, the payload's rows and its changes
// to the group's state are undone.
func (g *ingestGroup) ingestOne(ctx context.Context, it IngestItem) ([]app.Message, error) {
	if !g.exec(ctx, `SAVEPOINT ingest_batch`) {
		return nil, g.failed
	}
	ms, err := g.ingestItem(ctx, it)
	if err != nil {
		g.revert()
		if !g.exec(ctx, `ROLLBACK TO ingest_batch`) {
			return nil, g.failed
		}
	}
	if !g.exec(ctx, `RELEASE ingest_batch`) {
		return nil, g.failed
	}
	if err != nil {
		return nil, itemError(it, err)
	}
	g.undo = g.undo[:0]
	g.totals.keep(it.ChannelID, ms)
	return ms, nil
}

// itemError describes the failure of one payload.
func itemError(it IngestItem, err error) error {
	return fmt.Errorf("store webhook events of channel %d: %w", it.ChannelID, notFoundIfFK(err, "channel"))
}

// ingestItem writes the rows of one payload, unless its channel does
// not exist.
func (g *ingestGroup) ingestItem(ctx context.Context, it IngestItem) ([]app.Message, error) {
	exists, err := g.channelExists(ctx, it.ChannelID)
	if err != nil {
		return nil, err
	}
	if !exists {
		return nil, errNoChannel
	}
	return g.ingestPayload(ctx, it.ChannelID, it.Batch)
}

// ingestPayload writes the rows of one payload: contacts, conversations
// and messages, statuses, template and other provider events. What the
// messages add to their conversations and contacts is left to the caller.
func (g *ingestGroup) ingestPayload(ctx context.Context, id app.ChannelID, b app.InboundBatch) ([]app.Message, error) {
	for _, c := range b.Contacts {
		if c.WAID == "" {
			continue // a profile without an id names nobody
		}
		if err := g.saveContact(ctx, id, c.WAID, c.Name); err != nil {
			return nil, err
		}
	}
	inserted, err := g.ingestMessages(ctx, id, b.Messages)
	if err != nil {
		return nil, err
	}
	for _, st := range b.Statuses {
		if err := ingestStatus(ctx, g.tx, id, st, g.now); err != nil {
			return nil, err
		}
	}
	for _, te := range b.Templates {
		if err := ingestTemplateEvent(ctx, g.tx, id, te, g.now); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Errors {
		if err := insertProviderEvent(ctx, g.tx, id, EventError, e, g.now); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Other {
		if err := insertProviderEvent(ctx, g.tx, id, EventOther, e, g.now); err != nil {
			return nil, err
		}
	}
	return inserted, nil
}

// insertInboundSQL adds an inbound message unless its WhatsApp id is
// already stored (then it changes no row). Unlike insertMessageSQL it
// returns nothing: the new ID is the last inserted row ID, which spares
// the driver a query per message.
const insertInboundSQL = `INSERT INTO messages (channel_id, conversation_id, wa_message_id, direction, type, raw_type,
	sender, text, payload, media, location, contacts, reply_to, forwarded, timestamp, state, error_code, error_text, template)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (channel_id, wa_message_id) DO NOTHING`

// ingestMessages inserts new inbound messages, creating their senders'
// contacts and conversations when needed.
func (g *ingestGroup) ingestMessages(ctx context.Context, id app.ChannelID, msgs []app.Message) ([]app.Message, error) {
	var inserted []app.Message
	for _, m := range msgs {
		convID, err := g.senderConversation(ctx, id, m.From)
		if err != nil {
			return nil, err
		}
		m = normalizeInbound(m, id, convID, g.now)
		args, err := messageArgs(m)
		if err != nil {
			return nil, err
		}
		res, err := g.tx.ExecContext(ctx, insertInboundSQL, args...)
		if err != nil {
			return nil, fmt.Errorf("message %s: %w", m.WAMessageID, err)
		}
		n, err := res.RowsAffected()
		if err == nil && n == 0 {
			continue // already stored: a retried webhook
		}
		if err == nil {
			m.ID, err = res.LastInsertId()
		}
		if err != nil {
			return nil, fmt.Errorf("message %s: %w", m.WAMessageID, err)
		}
		inserted = append(inserted, m)
	}
	return inserted, nil
}

// senderConversation returns the conversation with the sender waID,
// creating it and the contact (which keeps the name) when needed: a
// sender the payload's contacts list left out gets a contact too.
func (g *ingestGroup) senderConversation(ctx context.Context, id app.ChannelID, waID string) (int64, error) {
	if err := g.saveContact(ctx, id, waID, ""); err != nil {
		return 0, err
	}
	return g.conversation(ctx, id, waID)
}

// normalizeInbound fills what an inbound message must have.
func normalizeInbound(m app.Message, id app.ChannelID, convID int64, now time.Time) app.Message {
	m.ID = 0
	m.ChannelID = id
	m.ConversationID = convID
	m.Direction = app.Inbound
	if m.State == "" {
		m.State = app.StateReceived
	}
	if m.Type == "" {
		m.Type = app.MsgUnsupported
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = now
	}
	return m
}
