package persistence

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/parley-app/parley/app"
)

const broadcastColumns = `id, channel_id, name, template_name, language, category, state, created_at, start_at, daily_limit`

// replyWindow is how long after a broadcast's message a customer's
// message counts as a reply to it.
const replyWindow = 24 * time.Hour

// repliedSQL is true for a recipient row r whose message m was handed to
// WhatsApp and whose customer wrote within replyWindow after it.
const repliedSQL = `(m.state IN ('sent', 'delivered', 'read', 'held', 'paused', 'unknown') AND EXISTS (
	SELECT 1 FROM messages i WHERE i.conversation_id = r.conversation_id AND i.id > m.id AND i.direction = 'in'
		AND i.timestamp >= m.timestamp AND i.timestamp < m.timestamp + ?))`

// Broadcasts lists the channel's broadcasts, newest first, with totals.
func (s *Store) Broadcasts(ctx context.Context, id app.ChannelID) ([]app.Broadcast, error) {
	bs, err := queryRows(ctx, s.ro, scanBroadcast, `SELECT `+broadcastColumns+` FROM broadcasts
		WHERE channel_id = ? ORDER BY id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("list broadcasts of channel %d: %w", id, err)
	}
	for i := range bs {
		if bs[i].Totals, err = s.broadcastTotals(ctx, bs[i].ID); err != nil {
			return nil, err
		}
	}
	return bs, nil
}

// Broadcast returns one broadcast with its totals, or app.ErrNotFound.
func (s *Store) Broadcast(ctx context.Context, broadcastID int64) (app.Broadcast, error) {
	b, err := scanBroadcast(s.ro.QueryRowContext(ctx, `SELECT `+broadcastColumns+` FROM broadcasts WHERE id = ?`, broadcastID))
	if err != nil {
		return app.Broadcast{}, fmt.Errorf("read broadcast %d: %w", broadcastID, err)
	}
	if b.Totals, err = s.broadcastTotals(ctx, broadcastID); err != nil {
		return app.Broadcast{}, err
	}
	return b, nil
}

func scanBroadcast(r rowScanner) (app.Broadcast, error) {
	var b app.Broadcast
	var state string
	var created, start int64
	err := r.Scan(&b.ID, &b.ChannelID, &b.Name, &b.Template, &b.Language, &b.Category, &state, &created, &start, &b.DailyLimit)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Broadcast{}, app.ErrNotFound
	}
	if err != nil {
		return app.Broadcast{}, err
	}
	b.State = app.BroadcastState(state)
	b.CreatedAt, b.StartAt = time.Unix(0, created), time.Unix(0, start)
	return b, nil
}

// outcomeOf is a recipient's outcome for its message's state ("" when
// the message is gone).
func outcomeOf(state string) app.RecipientOutcome {
	switch app.DeliveryState(state) {
	case app.StateWaiting:
		return app.OutcomeWaiting
	case app.StateQueued, app.StateSending:
		return app.OutcomeSending
	case app.StateSent, app.StateHeld, app.StatePaused:
		return app.OutcomeSent
	case app.StateDelivered:
		return app.OutcomeDelivered
	case app.StateRead:
		return app.OutcomeRead
	case app.StateFailed:
		return app.OutcomeFailed
	case app.StateUnknown:
		return app.OutcomeUnknown
	}
	return app.OutcomeCancelled
}

// broadcastTotals counts the broadcast's recipients by outcome.
func (s *Store) broadcastTotals(ctx context.Context, broadcastID int64) (app.BroadcastTotals, error) {
	var t app.BroadcastTotals
	rows, err := s.ro.QueryContext(ctx, `SELECT COALESCE(m.state, ''), COUNT(*), COALESCE(SUM(`+repliedSQL+`), 0)
		FROM broadcast_recipients r LEFT JOIN messages m ON m.id = r.message_id
		WHERE r.broadcast_id = ? GROUP BY m.state`, int64(replyWindow), broadcastID)
	if err != nil {
		return t, fmt.Errorf("count recipients of broadcast %d: %w", broadcastID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var state string
		var n, replied int
		if err := rows.Scan(&state, &n, &replied); err != nil {
			return t, fmt.Errorf("count recipients of broadcast %d: %w", broadcastID, err)
		}
		t.Recipients += n
		t.Replied += replied
		switch outcomeOf(state) {
		case app.OutcomeWaiting:
			t.Waiting += n
		case app.OutcomeSending:
			t.Sending += n
		case app.OutcomeSent:
			t.Sent += n
		case app.OutcomeDelivered:
			t.Delivered += n
		case app.OutcomeRead:
			t.Read += n
		case app.OutcomeFailed:
			t.Failed += n
		case app.OutcomeUnknown:
			t.Unknown += n
		default:
			t.Cancelled += n
		}
	}
	if err := rows.Err(); err != nil {
		return t, fmt.Errorf("count recipients of broadcast %d: %w", broadcastID, err)
	}
	return t, nil
}

// BroadcastRecipients returns every recipient's result in audience
// order. Reason is the stored error text (the core words it); SentAt is
// when the message was handed to the outbox, for those that reached
// WhatsApp (a failure WhatsApp reported after taking it too).
func (s *Store) BroadcastRecipients(ctx context.Context, broadcastID int64) ([]app.RecipientResult, error) {
	rs, err := queryRows(ctx, s.ro, scanRecipient, `SELECT r.wa_id,
			COALESCE(NULLIF(k.custom_name, ''), NULLIF(k.phone_name, ''), NULLIF(k.name, ''), r.name),
			r.conversation_id, COALESCE(r.message_id, 0), COALESCE(m.state, ''), COALESCE(m.error_code, 0),
			COALESCE(m.error_text, ''), m.wa_message_id IS NOT NULL, m.timestamp, r.delivered_at, r.read_at, COALESCE(`+repliedSQL+`, 0)
		FROM broadcast_recipients r LEFT JOIN messages m ON m.id = r.message_id
		LEFT JOIN conversations v ON v.id = r.conversation_id
		LEFT JOIN contacts k ON k.channel_id = v.channel_id AND k.wa_id = v.wa_id
		WHERE r.broadcast_id = ? ORDER BY r.position`, int64(replyWindow), broadcastID)
	if err != nil {
		return nil, fmt.Errorf("read recipients of broadcast %d: %w", broadcastID, err)
	}
	return rs, nil
}

func scanRecipient(r rowScanner) (app.RecipientResult, error) {
	var x app.RecipientResult
	var state string
	var handed sql.NullBool
	var sent, delivered, read sql.NullInt64
	err := r.Scan(&x.WAID, &x.Name, &x.ConversationID, &x.MessageID, &state, &x.ErrorCode, &x.Reason, &handed, &sent,
		&delivered, &read, &x.Replied)
	if err != nil {
		return x, err
	}
	x.Outcome = outcomeOf(state)
	switch x.Outcome {
	case app.OutcomeSent, app.OutcomeDelivered, app.OutcomeRead, app.OutcomeUnknown:
		x.SentAt = timeOf(sent)
	case app.OutcomeFailed:
		if handed.Bool { // WhatsApp took it, then reported the failure
			x.SentAt = timeOf(sent)
		}
	}
	x.DeliveredAt, x.ReadAt = timeOf(delivered), timeOf(read)
	if !x.ReadAt.IsZero() && (x.DeliveredAt.IsZero() || x.DeliveredAt.After(x.ReadAt)) {
		x.DeliveredAt = x.ReadAt // read implies delivered
	}
	return x, nil
}

// BroadcastTimeline is the cumulative delivered and read counts at each
// time one of them changed, oldest first.
func (s *Store) BroadcastTimeline(ctx context.Context, broadcastID int64) ([]app.BroadcastPoint, error) {
	type event struct {
		at   int64
		read bool
	}
	var events []event
	rows, err := s.ro.QueryContext(ctx, `SELECT COALESCE(delivered_at, read_at), read_at FROM broadcast_recipients
		WHERE broadcast_id = ? AND (delivered_at IS NOT NULL OR read_at IS NOT NULL)`, broadcastID)
	if err != nil {
		return nil, fmt.Errorf("read timeline of broadcast %d: %w", broadcastID, err)
	}
	defer rows.Close()
	for rows.Next() {
		var delivered int64
		var read sql.NullInt64
		if err := rows.Scan(&delivered, &read); err != nil {
			return nil, fmt.Errorf("read timeline of broadcast %d: %w", broadcastID, err)
		}
		events = append(events, event{at: delivered})
		if read.Valid {
			events = append(events, event{at: max(read.Int64, delivered), read: true})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read timeline of broadcast %d: %w", broadcastID, err)
	}
	slices.SortFunc(events, func(a, b event) int { return cmp.Compare(a.at, b.at) })
	var out []app.BroadcastPoint
	var p app.BroadcastPoint
	for i, e := range events {
		if e.read {
			p.Read++
		} else {
			p.Delivered++
		}
		if i == len(events)-1 || events[i+1].at != e.at {
			p.At = time.Unix(0, e.at)
			out = append(out, p)
		}
	}
	return out, nil
}
