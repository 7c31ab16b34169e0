package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"

	"github.com/parley-app/parley/app"
)

// DefaultPageSize is the number of messages Messages returns when asked
// for a limit of zero or less.
const DefaultPageSize = 50

const messageColumns = `id, channel_id, conversation_id, COALESCE(wa_message_id, ''), direction, type, raw_type,
	sender, text, payload, media, location, contacts, reply_to, forwarded, timestamp, state, error_code, error_text, template,
	from_phone, referral, product, pricing`

// insertMessageSQL adds a message unless its WhatsApp id is already
// stored; RETURNING then yields no row.
const insertMessageSQL = `INSERT INTO messages (channel_id, conversation_id, wa_message_id, direction, type, raw_type,
	sender, text, payload, media, location, contacts, reply_to, forwarded, timestamp, state, error_code, error_text, template,
	from_phone, referral, product, pricing)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (channel_id, wa_message_id) DO NOTHING
	RETURNING id`

// Messages returns up to limit messages of the conversation with an ID
// below beforeID (0 for the newest), newest (highest ID) first. Pass the
// ID of the last message of one page as beforeID to get the next, older
// page. IDs follow the order messages were stored in.
func (s *Store) Messages(ctx context.Context, conversationID int64, beforeID int64, limit int) ([]app.Message, error) {
	if beforeID <= 0 {
		beforeID = math.MaxInt64
	}
	if limit <= 0 {
		limit = DefaultPageSize
	}
	rows, err := s.ro.QueryContext(ctx, `SELECT `+messageColumns+` FROM messages
		WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?`, conversationID, beforeID, limit)
	if err != nil {
		return nil, fmt.Errorf("read messages of conversation %d: %w", conversationID, err)
	}
	ms, err := scanMessages(rows)
	if err != nil {
		return nil, fmt.Errorf("read messages of conversation %d: %w", conversationID, err)
	}
	return ms, nil
}

// Message returns one message by its ID, or app.ErrNotFound.
func (s *Store) Message(ctx context.Context, messageID int64) (app.Message, error) {
	m, err := scanMessage(s.ro.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages WHERE id = ?`, messageID))
	if err != nil {
		return app.Message{}, fmt.Errorf("read message %d: %w", messageID, err)
	}
	return m, nil
}

// MessageByWAID returns the channel's message with WhatsApp id waID, or
// app.ErrNotFound. The core uses it to find the conversation a status
// update belongs to.
func (s *Store) MessageByWAID(ctx context.Context, id app.ChannelID, waID string) (app.Message, error) {
	m, err := scanMessage(s.ro.QueryRowContext(ctx, `SELECT `+messageColumns+` FROM messages
		WHERE channel_id = ? AND wa_message_id = ?`, id, waID))
	if err != nil {
		return app.Message{}, fmt.Errorf("read message %s: %w", waID, err)
	}
	return m, nil
}

// SetMediaPath records where the attachment of a message was saved and
// takes it off the queue of attachments to save.
func (s *Store) SetMediaPath(ctx context.Context, messageID int64, path string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE messages SET media = json_set(media, '$.local_path', ?)
			WHERE id = ? AND media IS NOT NULL`, path, messageID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			if err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `DELETE FROM media_downloads WHERE message_id = ?`, messageID)
			return err
		}
		var exists bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM messages WHERE id = ?)`, messageID).Scan(&exists); err != nil {
			return err
		}
		if !exists {
			return fmt.Errorf("message %d: %w", messageID, app.ErrNotFound)
		}
		return fmt.Errorf("message %d has no attachment", messageID)
	})
	if err != nil {
		return fmt.Errorf("save attachment location: %w", err)
	}
	return nil
}

// messageArgs returns the arguments of insertMessageSQL for m.
func messageArgs(m app.Message) ([]any, error) {
	parts, err := encodeMessageParts(m)
	if err != nil {
		return nil, err
	}
	var waID any
	if m.WAMessageID != "" {
		waID = m.WAMessageID
	}
	return []any{m.ChannelID, m.ConversationID, waID, string(m.Direction), string(m.Type), m.RawType,
		m.From, m.Text, m.Payload, parts.media, parts.location, parts.contacts, m.ReplyTo, m.Forwarded,
		timeValue(m.Timestamp), string(m.State), m.ErrorCode, m.ErrorText, parts.template, m.FromPhone,
		parts.referral, parts.product, parts.pricing}, nil
}

// scanMessages reads every row of messageColumns and closes rows.
func scanMessages(rows *sql.Rows) ([]app.Message, error) {
	defer rows.Close()
	var ms []app.Message
	for rows.Next() {
		m, err := scanMessage(rows)
		if err != nil {
			return nil, err
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

// scanMessage reads one row of messageColumns.
func scanMessage(r rowScanner) (app.Message, error) {
	var m app.Message
	var dir, typ, state string
	var media, location, contacts, template, referral, product, pricing sql.NullString
	var ts sql.NullInt64
	err := r.Scan(&m.ID, &m.ChannelID, &m.ConversationID, &m.WAMessageID, &dir, &typ, &m.RawType, &m.From, &m.Text,
		&m.Payload, &media, &location, &contacts, &m.ReplyTo, &m.Forwarded, &ts, &state, &m.ErrorCode, &m.ErrorText, &template,
		&m.FromPhone, &referral, &product, &pricing)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Message{}, app.ErrNotFound
	}
	if err != nil {
		return app.Message{}, err
	}
	m.Direction = app.Direction(dir)
	m.Type = app.MessageType(typ)
	m.State = app.DeliveryState(state)
	m.Timestamp = timeOf(ts)
	if err := decodeMessageParts(&m, media, location, contacts, template); err != nil {
		return app.Message{}, fmt.Errorf("message %d: %w", m.ID, err)
	}
	if err := decodeMessageExtras(&m, referral, product, pricing); err != nil {
		return app.Message{}, fmt.Errorf("message %d: %w", m.ID, err)
	}
	return m, nil
}

// touchConversation records a new message in its conversation: the
// last-message time and preview move forward only, unread grows by
// unread, and the last inbound time (which opens the 24-hour window)
// moves forward only; a customer's message (lastInbound not nil) brings
// an archived conversation back.
func touchConversation(ctx context.Context, tx execer, convID int64, last app.Message, unread int, lastInbound any) error {
	_, err := tx.ExecContext(ctx, `UPDATE conversations SET
			last_preview = CASE WHEN last_message_at IS NULL OR last_message_at <= ?1 THEN ?2 ELSE last_preview END,
			last_message_at = MAX(COALESCE(last_message_at, ?1), ?1),
			unread = unread + ?3,
			last_inbound_at = CASE WHEN ?4 IS NULL THEN last_inbound_at
				ELSE MAX(COALESCE(last_inbound_at, ?4), ?4) END,
			`+unarchiveSQL+`
		WHERE id = ?5`,
		timeValue(last.Timestamp), app.Summary(last), unread, lastInbound, convID)
	if err != nil {
		return fmt.Errorf("update conversation %d: %w", convID, err)
	}
	return nil
}
