package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// statusRank orders delivery states reported by WhatsApp. A status only
// replaces a state of lower rank, so sent < delivered < read never moves
// backwards, and failed (highest) wins over everything and stays.
// Outbox-internal states (queued, sending, unknown) rank lowest.
func statusRank(s app.DeliveryState) int {
	switch s {
	case app.StateSent:
		return 2
	case app.StateDelivered:
		return 3
	case app.StateRead:
		return 4
	case app.StateFailed:
		return 5
	}
	return 1
}

// isReportedState reports whether s is a status WhatsApp pushes.
func isReportedState(s app.DeliveryState) bool { return statusRank(s) > 1 }

// rankSQL computes statusRank of the state column in SQL.
const rankSQL = `(CASE state WHEN 'sent' THEN 2 WHEN 'delivered' THEN 3 WHEN 'read' THEN 4 WHEN 'failed' THEN 5 ELSE 1 END)`

// rankOf computes statusRank of the column col in SQL.
func rankOf(col string) string {
	return `(CASE ` + col + ` WHEN 'sent' THEN 2 WHEN 'delivered' THEN 3 WHEN 'read' THEN 4 WHEN 'failed' THEN 5 ELSE 1 END)`
}

// advanceStatus moves the outbound message with waID forward to state,
// if that is progress, and reports whether it did.
func advanceStatus(ctx context.Context, tx execer, id app.ChannelID, waID string, state app.DeliveryState, code int, text string) (bool, error) {
	if state != app.StateFailed {
		code, text = 0, ""
	}
	res, err := tx.ExecContext(ctx, `UPDATE messages SET state = ?, error_code = ?, error_text = ?
		WHERE channel_id = ? AND wa_message_id = ? AND direction = 'out' AND `+rankSQL+` < ?`,
		string(state), code, text, id, waID, statusRank(state))
	if err != nil {
		return false, fmt.Errorf("update status of %s: %w", waID, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("update status of %s: %w", waID, err)
	}
	return n > 0, nil
}

// applyStatus moves the outbound message with waID forward to state, if
// that is progress. found reports whether the message exists at all.
func applyStatus(ctx context.Context, tx *sql.Tx, id app.ChannelID, waID string, state app.DeliveryState, code int, text string) (found bool, err error) {
	moved, err := advanceStatus(ctx, tx, id, waID, state, code, text)
	if err != nil || moved {
		return moved, err
	}
	err = tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM messages WHERE channel_id = ? AND wa_message_id = ?)`,
		id, waID).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("update status of %s: %w", waID, err)
	}
	return found, nil
}

// ingestStatus applies one status update from a webhook. A status for a
// message not stored (yet) is kept for a day: the webhook can arrive
// before the outbox has recorded the WhatsApp id of the message it sent.
// It only writes (once when the status is progress, twice otherwise) and
// runs no query, which a group commit does fastest.
func ingestStatus(ctx context.Context, tx execer, id app.ChannelID, st app.StatusUpdate, now time.Time) error {
	if st.WAMessageID == "" || !isReportedState(st.State) {
		return nil // nothing Parley tracks (e.g. "played" unmapped)
	}
	pricing, err := pricingValue(st.Pricing)
	if err != nil {
		return fmt.Errorf("status of %s: %w", st.WAMessageID, err)
	}
	if pricing != nil {
		// What WhatsApp bills is news even when the state is not.
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET pricing = ?
			WHERE channel_id = ? AND wa_message_id = ? AND direction = 'out'`, pricing, id, st.WAMessageID); err != nil {
			return fmt.Errorf("record pricing of %s: %w", st.WAMessageID, err)
		}
	}
	moved, err := advanceStatus(ctx, tx, id, st.WAMessageID, st.State, st.ErrorCode, st.ErrorText)
	if err != nil || moved {
		return err
	}
	// Kept only when no message has the id yet; one that has it is
	// already as far along or further. A copy kept earlier stays, unless
	// it expired (and was not pruned yet): then this one replaces it.
	_, err = tx.ExecContext(ctx, `INSERT INTO early_statuses (channel_id, wa_message_id, state, error_code, error_text, received_at, pricing)
		SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?8
		WHERE NOT EXISTS (SELECT 1 FROM messages WHERE channel_id = ?1 AND wa_message_id = ?2)
		ON CONFLICT (channel_id, wa_message_id, state) DO UPDATE SET
			error_code = excluded.error_code, error_text = excluded.error_text, received_at = excluded.received_at,
			pricing = excluded.pricing
		WHERE received_at < ?7`,
		id, st.WAMessageID, string(st.State), st.ErrorCode, st.ErrorText, now.UnixNano(), now.Add(-earlyStatusTTL).UnixNano(), pricing)
	if err != nil {
		return fmt.Errorf("keep status of %s: %w", st.WAMessageID, err)
	}
	return nil
}

// applyEarlyPricingSQL gives message ?3 the pricing of the furthest
// status kept for its WhatsApp id ?2 of channel ?1 that has one.
var applyEarlyPricingSQL = `UPDATE messages SET pricing = e.pricing
	FROM (SELECT pricing FROM early_statuses WHERE channel_id = ?1 AND wa_message_id = ?2 AND pricing IS NOT NULL
		ORDER BY ` + rankOf("state") + ` DESC LIMIT 1) AS e
	WHERE messages.id = ?3`

// applyEarlyStatuses applies and forgets the statuses that arrived before
// the message's WhatsApp id was recorded.
func applyEarlyStatuses(ctx context.Context, tx *sql.Tx, id app.ChannelID, waID string) error {
	rows, err := tx.QueryContext(ctx, `SELECT state, error_code, error_text FROM early_statuses
		WHERE channel_id = ? AND wa_message_id = ?`, id, waID)
	if err != nil {
		return fmt.Errorf("read early statuses of %s: %w", waID, err)
	}
	type early struct {
		state app.DeliveryState
		code  int
		text  string
	}
	var es []early
	for rows.Next() {
		var e early
		var state string
		if err := rows.Scan(&state, &e.code, &e.text); err != nil {
			rows.Close()
			return fmt.Errorf("read early statuses of %s: %w", waID, err)
		}
		e.state = app.DeliveryState(state)
		es = append(es, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read early statuses of %s: %w", waID, err)
	}
	for _, e := range es {
		if _, err := applyStatus(ctx, tx, id, waID, e.state, e.code, e.text); err != nil {
			return err
		}
	}
	if len(es) > 0 {
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET pricing = e.pricing
			FROM (SELECT pricing FROM early_statuses WHERE channel_id = ?1 AND wa_message_id = ?2 AND pricing IS NOT NULL
				ORDER BY `+rankOf("state")+` DESC LIMIT 1) AS e
			WHERE messages.channel_id = ?1 AND messages.wa_message_id = ?2`, id, waID); err != nil {
			return fmt.Errorf("apply early pricing of %s: %w", waID, err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM early_statuses WHERE channel_id = ? AND wa_message_id = ?`, id, waID); err != nil {
			return fmt.Errorf("forget early statuses of %s: %w", waID, err)
		}
	}
	return nil
}
