package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// EventKind classifies a recorded provider event.
type EventKind string

// Kinds of recorded provider events.
const (
	EventError    EventKind = "error"    // an out-of-band error reported by WhatsApp
	EventTemplate EventKind = "template" // a template review or status change
	EventOther    EventKind = "other"    // an event Parley does not act on
)

// templateEventField is the webhook field recorded for template events.
const templateEventField = "message_template_status_update"

// ProviderEventRecord is a provider event as recorded by IngestBatch.
type ProviderEventRecord struct {
	ID        int64
	ChannelID app.ChannelID
	Kind      EventKind
	app.ProviderEvent
	ReceivedAt time.Time
}

// ProviderEvents returns up to limit recorded events of the channel,
// newest first (limit <= 0 means DefaultPageSize).
func (s *Store) ProviderEvents(ctx context.Context, id app.ChannelID, limit int) ([]ProviderEventRecord, error) {
	if limit <= 0 {
		limit = DefaultPageSize
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT id, channel_id, kind, field, code, title, detail, occurred_at, received_at
		FROM provider_events WHERE channel_id = ? ORDER BY id DESC LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("read events of channel %d: %w", id, err)
	}
	defer rows.Close()
	var out []ProviderEventRecord
	for rows.Next() {
		var e ProviderEventRecord
		var kind string
		var occurred, received sql.NullInt64
		if err := rows.Scan(&e.ID, &e.ChannelID, &kind, &e.Field, &e.Code, &e.Title, &e.Detail, &occurred, &received); err != nil {
			return nil, fmt.Errorf("read events of channel %d: %w", id, err)
		}
		e.Kind = EventKind(kind)
		e.Timestamp = timeOf(occurred)
		e.ReceivedAt = timeOf(received)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read events of channel %d: %w", id, err)
	}
	return out, nil
}

// RecordChannelEvent adds an entry Parley noticed itself (kind other,
// with its own field) to the channel's history.
func (s *Store) RecordChannelEvent(ctx context.Context, id app.ChannelID, e app.ProviderEvent) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		return insertProviderEvent(ctx, tx, id, EventOther, e, time.Now())
	})
}

// ChannelHistory returns up to limit entries of the channel's history,
// newest first; an entry without its own time has the time it was
// recorded.
func (s *Store) ChannelHistory(ctx context.Context, id app.ChannelID, limit int) ([]app.ProviderEvent, error) {
	recs, err := s.ProviderEvents(ctx, id, limit)
	if err != nil {
		return nil, err
	}
	out := make([]app.ProviderEvent, len(recs))
	for i, r := range recs {
		out[i] = r.ProviderEvent
		if out[i].Timestamp.IsZero() {
			out[i].Timestamp = r.ReceivedAt
		}
	}
	return out, nil
}

// insertProviderEvent records one event.
func insertProviderEvent(ctx context.Context, tx execer, id app.ChannelID, kind EventKind, e app.ProviderEvent, now time.Time) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO provider_events (channel_id, kind, field, code, title, detail, occurred_at, received_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
		id, string(kind), e.Field, e.Code, e.Title, e.Detail, timeValue(e.Timestamp), now.UnixNano())
	if err != nil {
		return fmt.Errorf("record %s event: %w", kind, err)
	}
	return nil
}

// ingestTemplateEvent records a template event and, when it names a
// status and the template is stored, updates that template. Local drafts
// are never touched.
func ingestTemplateEvent(ctx context.Context, tx execer, id app.ChannelID, te app.TemplateEvent, now time.Time) error {
	detail := te.Name
	if te.Language != "" {
		detail += " (" + te.Language + ")"
	}
	reason := te.ReasonGiven()
	if reason != "" {
		detail += ": " + reason
	}
	pe := app.ProviderEvent{Field: templateEventField, Title: te.Event, Detail: detail, Timestamp: te.Timestamp}
	if err := insertProviderEvent(ctx, tx, id, EventTemplate, pe, now); err != nil {
		return err
	}
	status, ok := te.Status()
	if !ok {
		return nil
	}
	if status != app.TemplateRejected {
		reason = ""
	}
	_, err := tx.ExecContext(ctx, `UPDATE templates SET status = ?, rejected_reason = ?
		WHERE channel_id = ? AND is_draft = 0
		AND ((?4 <> '' AND remote_id = ?4) OR (name = ?5 AND (?6 = '' OR language = ?6)))`,
		string(status), reason, id, te.TemplateID, te.Name, te.Language)
	if err != nil {
		return fmt.Errorf("update template %s: %w", te.Name, err)
	}
	return nil
}
