package persistence

import (
	"context"
	"database/sql"
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
	var out []app.Message
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = s.ingest(ctx, tx, id, b)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("store webhook events of channel %d: %w", id, notFoundIfFK(err, "channel"))
	}
	return out, nil
}

// IngestBatches writes many payloads in one transaction (group commit),
// each inside its own savepoint: a payload that fails leaves no trace and
// does not affect the others. results[i] and errs[i] belong to items[i]
// and mean the same as IngestBatch's results. If the transaction itself
// fails, every item gets an error and nothing is stored.
func (s *Store) IngestBatches(ctx context.Context, items []IngestItem) (results [][]app.Message, errs []error) {
	results = make([][]app.Message, len(items))
	errs = make([]error, len(items))
	err := s.write(ctx, func(tx *sql.Tx) error {
		for i, it := range items {
			if _, err := tx.ExecContext(ctx, `SAVEPOINT ingest_batch`); err != nil {
				return err
			}
			ms, err := s.ingest(ctx, tx, it.ChannelID, it.Batch)
			if err != nil {
				errs[i] = fmt.Errorf("store webhook events of channel %d: %w", it.ChannelID, notFoundIfFK(err, "channel"))
				if _, err := tx.ExecContext(ctx, `ROLLBACK TO ingest_batch`); err != nil {
					return fmt.Errorf("undo failed batch: %w", err)
				}
			} else {
				results[i] = ms
			}
			if _, err := tx.ExecContext(ctx, `RELEASE ingest_batch`); err != nil {
				return err
			}
		}
		return nil
	})
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

// convUpdate collects what one batch changes in one conversation.
type convUpdate struct {
	id          int64
	waID        string
	last        app.Message
	inserted    int
	lastInbound time.Time
}

// ingest writes one batch inside tx.
func (s *Store) ingest(ctx context.Context, tx *sql.Tx, id app.ChannelID, b app.InboundBatch) ([]app.Message, error) {
	now := s.now()
	res, err := tx.ExecContext(ctx, `UPDATE channels SET last_event_at = MAX(COALESCE(last_event_at, ?1), ?1) WHERE id = ?2`,
		now.UnixNano(), id)
	if err != nil {
		return nil, fmt.Errorf("record event time: %w", err)
	}
	if err := checkAffected(res, "channel"); err != nil {
		return nil, err
	}
	for _, c := range b.Contacts {
		if c.WAID == "" {
			continue // a profile without an id names nobody
		}
		if err := upsertContact(ctx, tx, id, c.WAID, c.Name); err != nil {
			return nil, err
		}
	}
	inserted, err := ingestMessages(ctx, tx, id, b.Messages, now)
	if err != nil {
		return nil, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM early_statuses WHERE received_at < ?`, now.Add(-earlyStatusTTL).UnixNano()); err != nil {
		return nil, fmt.Errorf("prune early statuses: %w", err)
	}
	for _, st := range b.Statuses {
		if err := ingestStatus(ctx, tx, id, st, now); err != nil {
			return nil, err
		}
	}
	for _, te := range b.Templates {
		if err := ingestTemplateEvent(ctx, tx, id, te, now); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Errors {
		if err := insertProviderEvent(ctx, tx, id, EventError, e, now); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Other {
		if err := insertProviderEvent(ctx, tx, id, EventOther, e, now); err != nil {
			return nil, err
		}
	}
	return inserted, nil
}

// ingestMessages inserts new inbound messages and updates their contacts
// and conversations.
func ingestMessages(ctx context.Context, tx *sql.Tx, id app.ChannelID, msgs []app.Message, now time.Time) ([]app.Message, error) {
	if len(msgs) == 0 {
		return nil, nil
	}
	stmt, err := tx.PrepareContext(ctx, insertMessageSQL)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	convs := map[string]*convUpdate{}
	var order []*convUpdate
	var inserted []app.Message
	for _, m := range msgs {
		c := convs[m.From]
		if c == nil {
			// The contact row keeps the name; create it for senders the
			// payload's contacts list left out.
			if err := upsertContact(ctx, tx, id, m.From, ""); err != nil {
				return nil, err
			}
			convID, err := ensureConversation(ctx, tx, id, m.From)
			if err != nil {
				return nil, err
			}
			c = &convUpdate{id: convID, waID: m.From}
			convs[m.From] = c
			order = append(order, c)
		}
		m = normalizeInbound(m, id, c.id, now)
		args, err := messageArgs(m)
		if err != nil {
			return nil, err
		}
		err = stmt.QueryRowContext(ctx, args...).Scan(&m.ID)
		if errors.Is(err, sql.ErrNoRows) {
			continue // already stored: a retried webhook
		}
		if err != nil {
			return nil, fmt.Errorf("message %s: %w", m.WAMessageID, err)
		}
		inserted = append(inserted, m)
		if c.inserted == 0 || !m.Timestamp.Before(c.last.Timestamp) {
			c.last = m
		}
		c.inserted++
		if m.Timestamp.After(c.lastInbound) {
			c.lastInbound = m.Timestamp
		}
	}
	for _, c := range order {
		if c.inserted == 0 {
			continue
		}
		if err := touchConversation(ctx, tx, c.id, c.last, c.inserted, c.lastInbound.UnixNano()); err != nil {
			return nil, err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE contacts SET last_inbound_at = MAX(COALESCE(last_inbound_at, ?1), ?1)
			WHERE channel_id = ?2 AND wa_id = ?3`, c.lastInbound.UnixNano(), id, c.waID); err != nil {
			return nil, fmt.Errorf("update contact %s: %w", c.waID, err)
		}
	}
	return inserted, nil
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
