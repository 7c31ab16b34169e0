package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// SetBroadcastState records the broadcast's state. Paused puts its
// released messages the outbox has not taken yet (queued) back to
// waiting; cancelled turns its waiting and queued messages into
// cancelled. Messages being sent or sent keep their state. It returns the
// conversations whose messages changed.
func (s *Store) SetBroadcastState(ctx context.Context, broadcastID int64, state app.BroadcastState) ([]int64, error) {
	var convs []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE broadcasts SET state = ? WHERE id = ?`, string(state), broadcastID)
		if err != nil {
			return err
		}
		if err := checkAffected(res, fmt.Sprintf("broadcast %d", broadcastID)); err != nil {
			return err
		}
		var query string
		switch state {
		case app.BroadcastPaused:
			query = `UPDATE messages SET state = 'waiting' WHERE state = 'queued'`
		case app.BroadcastCancelled:
			query = `UPDATE messages SET state = 'cancelled' WHERE state IN ('waiting', 'queued')`
		default:
			return nil
		}
		convs, err = queryRows(ctx, tx, scanID, query+`
			AND id IN (SELECT message_id FROM broadcast_recipients WHERE broadcast_id = ?) RETURNING conversation_id`, broadcastID)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("set state of broadcast %d: %w", broadcastID, err)
	}
	return convs, nil
}

// ReleaseBroadcast hands up to n of the broadcast's waiting messages, in
// the order they were created, to the outbox: state queued, timestamp
// now. For a marketing template a customer who opted out is skipped: the
// message fails with optedOutText and is not counted. It returns how
// many it released and the conversations whose messages changed.
func (s *Store) ReleaseBroadcast(ctx context.Context, broadcastID int64, n int, now time.Time, optedOutText string) (int, []int64, error) {
	released := 0
	var convs []int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		released, convs = 0, nil
		var category string
		err := tx.QueryRowContext(ctx, `SELECT category FROM broadcasts WHERE id = ?`, broadcastID).Scan(&category)
		if errors.Is(err, sql.ErrNoRows) {
			return app.ErrNotFound
		}
		if err != nil {
			return err
		}
		type next struct {
			msg, conv int64
			optedOut  bool
		}
		batch, err := queryRows(ctx, tx, func(r rowScanner) (next, error) {
			var x next
			return x, r.Scan(&x.msg, &x.conv, &x.optedOut)
		}, `SELECT m.id, m.conversation_id, k.opted_out_at IS NOT NULL
			FROM messages m INDEXED BY messages_waiting
			CROSS JOIN broadcast_recipients r ON r.message_id = m.id
			JOIN conversations v ON v.id = m.conversation_id
			LEFT JOIN contacts k ON k.channel_id = v.channel_id AND k.wa_id = v.wa_id
			WHERE m.state = 'waiting' AND r.broadcast_id = ? ORDER BY m.id LIMIT ?`, broadcastID, n)
		if err != nil {
			return err
		}
		for _, x := range batch {
			if x.optedOut && category == app.CategoryMarketing {
				if _, err := tx.ExecContext(ctx, `UPDATE messages SET state = 'failed', error_text = ? WHERE id = ?`, optedOutText, x.msg); err != nil {
					return err
				}
			} else {
				if _, err := tx.ExecContext(ctx, `UPDATE messages SET state = 'queued', timestamp = ? WHERE id = ?`, now.UnixNano(), x.msg); err != nil {
					return err
				}
				released++
			}
			convs = append(convs, x.conv)
		}
		return nil
	})
	if err != nil {
		return 0, nil, fmt.Errorf("release recipients of broadcast %d: %w", broadcastID, err)
	}
	return released, convs, nil
}

// ActiveBroadcasts returns the broadcasts scheduled, sending or paused,
// oldest first, with what of each is waiting, queued and being sent.
// Each count walks the small partial index of its state and looks the
// recipient up by message (CROSS JOIN keeps SQLite from walking the
// broadcast's recipients instead, which costs seconds at 10,000).
func (s *Store) ActiveBroadcasts(ctx context.Context) ([]app.BroadcastProgress, error) {
	bs, err := queryRows(ctx, s.ro, func(r rowScanner) (app.BroadcastProgress, error) {
		var p app.BroadcastProgress
		var state string
		var start int64
		err := r.Scan(&p.ID, &p.ChannelID, &state, &start)
		p.State, p.StartAt = app.BroadcastState(state), time.Unix(0, start)
		return p, err
	}, `SELECT id, channel_id, state, start_at FROM broadcasts WHERE state IN ('scheduled', 'sending', 'paused') ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("read active broadcasts: %w", err)
	}
	for i := range bs {
		p := &bs[i]
		err := s.ro.QueryRowContext(ctx, `SELECT
				EXISTS (SELECT 1 FROM messages m INDEXED BY messages_waiting CROSS JOIN broadcast_recipients r ON r.message_id = m.id
					WHERE m.state = 'waiting' AND r.broadcast_id = ?1),
				(SELECT COUNT(*) FROM messages m INDEXED BY messages_queued CROSS JOIN broadcast_recipients r ON r.message_id = m.id
					WHERE m.state = 'queued' AND r.broadcast_id = ?1),
				(SELECT COUNT(*) FROM messages m INDEXED BY messages_sending CROSS JOIN broadcast_recipients r ON r.message_id = m.id
					WHERE m.state = 'sending' AND r.broadcast_id = ?1)`, p.ID).Scan(&p.Waiting, &p.Queued, &p.Sending)
		if err != nil {
			return nil, fmt.Errorf("read progress of broadcast %d: %w", p.ID, err)
		}
	}
	return bs, nil
}

// TemplateCustomers counts the unique customers the channel's templates
// were handed to the outbox for since since (not waiting, cancelled or
// failed: those reached nobody), and the time of the oldest such send.
func (s *Store) TemplateCustomers(ctx context.Context, id app.ChannelID, since time.Time) (int, time.Time, error) {
	var n int
	var oldest sql.NullInt64
	err := s.ro.QueryRowContext(ctx, `SELECT COUNT(DISTINCT conversation_id), MIN(timestamp) FROM messages
		WHERE channel_id = ? AND timestamp >= ?
		AND direction = 'out' AND type = 'template' AND state NOT IN ('waiting', 'cancelled', 'failed')`,
		id, since.UnixNano()).Scan(&n, &oldest)
	if err != nil {
		return 0, time.Time{}, fmt.Errorf("count customers of channel %d's templates: %w", id, err)
	}
	return n, timeOf(oldest), nil
}

// RetryBroadcastMessages puts the broadcast's failed messages among
// messageIDs back to waiting, their error and WhatsApp id cleared, and a
// done broadcast back to sending. It returns how many.
func (s *Store) RetryBroadcastMessages(ctx context.Context, broadcastID int64, messageIDs []int64) (int, error) {
	n := 0
	err := s.write(ctx, func(tx *sql.Tx) error {
		n = 0
		st, err := tx.PrepareContext(ctx, `UPDATE messages SET state = 'waiting', error_code = 0, error_text = '', wa_message_id = NULL
			WHERE id = ? AND state = 'failed' AND id IN (SELECT message_id FROM broadcast_recipients WHERE broadcast_id = ? AND message_id = ?)`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range messageIDs {
			res, err := st.ExecContext(ctx, id, broadcastID, id)
			if err != nil {
				return err
			}
			k, err := res.RowsAffected()
			if err != nil {
				return err
			}
			n += int(k)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE broadcast_recipients SET delivered_at = NULL, read_at = NULL
			WHERE broadcast_id = ? AND message_id IN (SELECT id FROM messages WHERE state = 'waiting')`, broadcastID); err != nil {
			return err
		}
		if n > 0 {
			_, err = tx.ExecContext(ctx, `UPDATE broadcasts SET state = 'sending' WHERE id = ? AND state = 'done'`, broadcastID)
		}
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("retry recipients of broadcast %d: %w", broadcastID, err)
	}
	return n, nil
}
