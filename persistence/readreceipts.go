package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// queueReceiptSQL queues a read receipt for conversation ?1's newest
// customer message, at ?2, replacing the conversation's queued one, when
// read receipts are on.
const queueReceiptSQL = `INSERT INTO read_receipts (conversation_id, channel_id, wa_message_id, queued_at)
	SELECT m.conversation_id, m.channel_id, m.wa_message_id, ?2 FROM messages m
	WHERE m.conversation_id = ?1 AND m.direction = 'in' AND m.wa_message_id IS NOT NULL
		AND (SELECT read_receipts FROM settings WHERE id = 1)
	ORDER BY m.timestamp DESC, m.id DESC LIMIT 1
	ON CONFLICT (conversation_id) DO UPDATE SET channel_id = excluded.channel_id,
		wa_message_id = excluded.wa_message_id, queued_at = excluded.queued_at, attempts = 0, next_at = 0`

// MarkReadWithReceipt sets the conversation's unread count to zero and,
// when something was unread and read receipts are on, queues a read
// receipt for its newest customer message in the same transaction (a
// newer one replaces the conversation's queued one). It reports whether
// a receipt was queued.
func (s *Store) MarkReadWithReceipt(ctx context.Context, conversationID int64, at time.Time) (bool, error) {
	var queued bool
	err := s.write(ctx, func(tx *sql.Tx) error {
		var unread int
		err := tx.QueryRowContext(ctx, `SELECT unread FROM conversations WHERE id = ?`, conversationID).Scan(&unread)
		if errors.Is(err, sql.ErrNoRows) {
			return fmt.Errorf("conversation %d: %w", conversationID, app.ErrNotFound)
		}
		if err != nil {
			return err
		}
		if unread == 0 {
			return nil // the customer saw blue ticks for these already
		}
		if _, err := tx.ExecContext(ctx, `UPDATE conversations SET unread = 0 WHERE id = ?`, conversationID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, queueReceiptSQL, conversationID, at.UnixNano())
		if err != nil {
			return fmt.Errorf("queue read receipt: %w", err)
		}
		n, err := res.RowsAffected()
		queued = n > 0
		return err
	})
	if err != nil {
		return false, fmt.Errorf("mark conversation read: %w", err)
	}
	return queued, nil
}

// DueReadReceipts returns up to limit read receipts due at now, oldest
// first; those of a disconnected channel wait until it is reconnected.
func (s *Store) DueReadReceipts(ctx context.Context, now time.Time, limit int) ([]app.ReadReceipt, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT conversation_id, channel_id, wa_message_id, queued_at, attempts
		FROM read_receipts WHERE next_at <= ?
		AND channel_id NOT IN (SELECT id FROM channels WHERE disconnected)
		ORDER BY queued_at, conversation_id LIMIT ?`, now.UnixNano(), limit)
	if err != nil {
		return nil, fmt.Errorf("read queued read receipts: %w", err)
	}
	defer rows.Close()
	var out []app.ReadReceipt
	for rows.Next() {
		var r app.ReadReceipt
		var queued int64
		if err := rows.Scan(&r.ConversationID, &r.ChannelID, &r.WAMessageID, &queued, &r.Attempts); err != nil {
			return nil, fmt.Errorf("read queued read receipts: %w", err)
		}
		r.QueuedAt = time.Unix(0, queued)
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read queued read receipts: %w", err)
	}
	return out, nil
}

// DropReadReceipt removes r unless a newer receipt of its conversation
// replaced it meanwhile.
func (s *Store) DropReadReceipt(ctx context.Context, r app.ReadReceipt) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM read_receipts WHERE conversation_id = ? AND wa_message_id = ?`,
			r.ConversationID, r.WAMessageID)
		return err
	})
	if err != nil {
		return fmt.Errorf("remove read receipt of conversation %d: %w", r.ConversationID, err)
	}
	return nil
}

// DeferReadReceipt counts a failed attempt of r and holds it until next,
// unless a newer receipt of its conversation replaced it meanwhile.
func (s *Store) DeferReadReceipt(ctx context.Context, r app.ReadReceipt, next time.Time) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE read_receipts SET attempts = attempts + 1, next_at = ?
			WHERE conversation_id = ? AND wa_message_id = ?`, next.UnixNano(), r.ConversationID, r.WAMessageID)
		return err
	})
	if err != nil {
		return fmt.Errorf("hold read receipt of conversation %d: %w", r.ConversationID, err)
	}
	return nil
}

// ReadReceiptsOn reports whether read receipts are on.
func (s *Store) ReadReceiptsOn(ctx context.Context) (bool, error) {
	var on bool
	if err := s.ro.QueryRowContext(ctx, `SELECT read_receipts FROM settings WHERE id = 1`).Scan(&on); err != nil {
		return false, storageProblem(fmt.Errorf("read the read-receipts setting: %w", err))
	}
	return on, nil
}

// SetReadReceiptsOn turns read receipts on or off; off also drops the
// receipts still queued, in the same transaction.
func (s *Store) SetReadReceiptsOn(ctx context.Context, on bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `UPDATE settings SET read_receipts = ? WHERE id = 1`, on); err != nil {
			return err
		}
		if on {
			return nil
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM read_receipts`)
		return err
	})
	if err != nil {
		return fmt.Errorf("save the read-receipts setting: %w", err)
	}
	return nil
}
