package persistence

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"github.com/parley-app/parley/app"
)

// The outbox is the set of outbound messages in state queued (waiting) or
// sending (handed to the network). Its rules:
//
//   - Per conversation, messages go out one at a time and in the order they
//     were queued: NextQueued offers only the oldest queued message of each
//     conversation, and none of a conversation that has a message in state
//     sending. The worker must mark a message StateSending (UpdateState)
//     before it asks NextQueued again, or it will get the same message.
//   - A message put back to queued (a retry) stays first in its line.
//   - Messages in state unknown (a crash between send and record) do not
//     hold up later messages; the owner decides about them.
//   - A broadcast's messages wait in state waiting, which the outbox
//     ignores, until the broadcast runner releases them (queued); the
//     owner's own queued messages go first (NextQueued).

// defaultOutboxBatch is what NextQueued returns when limit <= 0.
const defaultOutboxBatch = 10

// Enqueue stores an outbound message in state queued and returns it with
// its ID, ChannelID, ConversationID, Direction and State set. The
// conversation is m.ConversationID; when that is 0 it is found (or
// created) for the customer whose WhatsApp id is in m.From. A zero
// Timestamp means now. The conversation's last message and preview move
// forward.
func (s *Store) Enqueue(ctx context.Context, m app.Message) (app.Message, error) {
	m.ID = 0
	m.Direction = app.Outbound
	m.State = app.StateQueued
	m.WAMessageID = ""
	m.ErrorCode, m.ErrorText = 0, ""
	if m.Type == "" {
		m.Type = app.MsgText
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = s.now()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := resolveConversation(ctx, tx, &m); err != nil {
			return err
		}
		m.From = "" // the sender of an outbound message is the business
		args, err := messageArgs(m)
		if err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, insertMessageSQL, args...).Scan(&m.ID); err != nil {
			return err
		}
		if err := touchConversation(ctx, tx, m.ConversationID, m, 0, nil); err != nil {
			return err
		}
		// The owner writing in a conversation a broadcast started makes
		// it one of the Chats.
		_, err = tx.ExecContext(ctx, `UPDATE conversations SET broadcast_only = 0 WHERE id = ? AND broadcast_only`, m.ConversationID)
		return err
	})
	if err != nil {
		return app.Message{}, fmt.Errorf("queue message: %w", notFoundIfFK(err, "channel"))
	}
	return m, nil
}

// resolveConversation sets m.ConversationID (and checks m.ChannelID)
// from the conversation ID or, when that is 0, the customer in m.From.
func resolveConversation(ctx context.Context, tx *sql.Tx, m *app.Message) error {
	if m.ConversationID == 0 {
		if m.From == "" {
			return errors.New("the message names no conversation and no recipient")
		}
		if err := upsertContact(ctx, tx, m.ChannelID, m.From, ""); err != nil {
			return err
		}
		id, err := ensureConversation(ctx, tx, m.ChannelID, m.From)
		m.ConversationID = id
		return err
	}
	var channel app.ChannelID
	err := tx.QueryRowContext(ctx, `SELECT channel_id FROM conversations WHERE id = ?`, m.ConversationID).Scan(&channel)
	if errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("conversation %d: %w", m.ConversationID, app.ErrNotFound)
	}
	if err != nil {
		return err
	}
	if m.ChannelID == 0 {
		m.ChannelID = channel
	}
	if m.ChannelID != channel {
		return fmt.Errorf("conversation %d belongs to channel %d, not %d", m.ConversationID, channel, m.ChannelID)
	}
	return nil
}

// NextQueued returns up to limit messages ready to send, oldest first: of
// each conversation with nothing in state sending, its oldest queued
// message (see the outbox rules above). The owner's own messages come
// before a broadcast's, which the broadcast runner released earlier but
// which were created (and numbered) before them: a reply never waits
// behind a broadcast. Messages of a disconnected
// channel wait until it is reconnected. limit <= 0 means 10.
func (s *Store) NextQueued(ctx context.Context, limit int) ([]app.Message, error) {
	if limit <= 0 {
		limit = defaultOutboxBatch
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id IN (
			SELECT MIN(q.id) FROM messages q WHERE q.state = 'queued'
			AND NOT EXISTS (SELECT 1 FROM messages f WHERE f.state = 'sending' AND f.conversation_id = q.conversation_id)
			AND q.channel_id NOT IN (SELECT id FROM channels WHERE disconnected)
			GROUP BY q.conversation_id)
		ORDER BY EXISTS (SELECT 1 FROM broadcast_recipients r WHERE r.message_id = messages.id), id LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	ms, err := scanMessages(rows)
	if err != nil {
		return nil, fmt.Errorf("read outbox: %w", err)
	}
	return ms, nil
}

// UpdateState records a state change of an outbound message made by the
// outbox worker or the owner; waMessageID is recorded when not empty, and
// any delivery statuses that arrived for it before are applied. The change
// is stored as given, except that a message WhatsApp already reported as
// further along (delivered, read, failed) is not set back to sent,
// delivered or read. A waMessageID another message already has is
// refused with app.ErrWAMessageIDTaken.
func (s *Store) UpdateState(ctx context.Context, messageID int64, state app.DeliveryState, waMessageID string, code int, errText string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var channel app.ChannelID
		var current string
		err := tx.QueryRowContext(ctx, `SELECT channel_id, state FROM messages WHERE id = ? AND direction = 'out'`, messageID).
			Scan(&channel, &current)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("outbound message %d: %w", messageID, app.ErrNotFound)
		}
		if err != nil {
			return err
		}
		var waID any
		if waMessageID != "" {
			waID = waMessageID
		}
		if isReportedState(state) && state != app.StateFailed && statusRank(app.DeliveryState(current)) >= statusRank(state) {
			// WhatsApp already reported more progress: keep it.
			_, err = tx.ExecContext(ctx, `UPDATE messages SET wa_message_id = COALESCE(?, wa_message_id) WHERE id = ?`,
				waID, messageID)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE messages SET state = ?, wa_message_id = COALESCE(?, wa_message_id),
				error_code = ?, error_text = ? WHERE id = ?`, string(state), waID, code, errText, messageID)
		}
		if err != nil {
			return err
		}
		if waMessageID != "" {
			return applyEarlyStatuses(ctx, tx, channel, waMessageID)
		}
		return nil
	})
	if err != nil {
		if isUniqueError(err) {
			err = fmt.Errorf("%w: %w", app.ErrWAMessageIDTaken, err)
		}
		return fmt.Errorf("record state of message %d: %w", messageID, err)
	}
	return nil
}

// RecoverSending marks every message left in state sending (Parley
// stopped between handing it to the network and recording the answer) as
// state unknown and returns them. Call it once at start-up, before the
// outbox worker runs: the owner must decide whether to resend them.
func (s *Store) RecoverSending(ctx context.Context) ([]app.Message, error) {
	var out []app.Message
	err := s.write(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `UPDATE messages SET state = 'unknown' WHERE state = 'sending'
			RETURNING `+messageColumns)
		if err != nil {
			return err
		}
		out, err = scanMessages(rows)
		slices.SortFunc(out, func(a, b app.Message) int { return cmp.Compare(a.ID, b.ID) })
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("recover interrupted sends: %w", err)
	}
	return out, nil
}
