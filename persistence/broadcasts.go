package persistence

import (
	"context"
	"database/sql/driver"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// mappingsJSON is how a broadcast's variable mappings are kept
// (broadcasts.mappings).
type mappingsJSON struct {
	Body       []mappingJSON `json:"body,omitempty"`
	HeaderText *mappingJSON  `json:"header_text,omitempty"`
	URLParam   *mappingJSON  `json:"url_param,omitempty"`
}

type mappingJSON struct {
	Source string `json:"source"`
	Column string `json:"column,omitempty"`
	Text   string `json:"text,omitempty"`
}

func encodeMapping(m app.ValueMapping) mappingJSON {
	return mappingJSON{Source: string(m.Source), Column: m.Column, Text: m.Text}
}

// encodeMappings is the mappings column of b.
func encodeMappings(b app.BroadcastRecord) (string, error) {
	out := mappingsJSON{}
	for _, m := range b.Body {
		out.Body = append(out.Body, encodeMapping(m))
	}
	if b.HeaderText.Source != "" {
		h := encodeMapping(b.HeaderText)
		out.HeaderText = &h
	}
	if b.URLParam.Source != "" {
		u := encodeMapping(b.URLParam)
		out.URLParam = &u
	}
	data, err := json.Marshal(out)
	return string(data), err
}

// CreateBroadcast stores the broadcast, and per recipient its
// conversation (a new one is left out of the Chats list until the
// customer writes; no contact row is made for a customer who never
// wrote), its outbox message in state waiting and its recipient row, all
// in one transaction. It runs on the driver's connection (writeRaw), as
// ingest does, since 10,000 recipients are 30,000 small statements. An
// existing conversation keeps its place and preview in the list: the
// message joins its thread without moving it to the top.
func (s *Store) CreateBroadcast(ctx context.Context, b app.BroadcastRecord) (int64, error) {
	if len(b.Recipients) != len(b.Messages) {
		return 0, fmt.Errorf("create broadcast: %d recipients but %d messages", len(b.Recipients), len(b.Messages))
	}
	mappings, err := encodeMappings(b)
	if err != nil {
		return 0, fmt.Errorf("create broadcast: %w", err)
	}
	var id int64
	err = s.writeRaw(ctx, func(tx *rawTx) error {
		id = 0
		err := tx.query(ctx, `INSERT INTO broadcasts (channel_id, name, template_name, language, category, mappings,
				header_file, header_media_id, state, start_at, created_at, daily_limit, spread)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			[]any{int64(b.ChannelID), b.Name, b.Template.Name, b.Template.Language, b.Template.Category, mappings,
				b.HeaderFile, b.HeaderMediaID, string(b.State), b.StartAt.UnixNano(), b.CreatedAt.UnixNano(), b.DailyLimit, b.Spread},
			func(row []driver.Value) error { id = row[0].(int64); return nil })
		if err != nil {
			return err
		}
		for i, r := range b.Recipients {
			if err := addRecipient(ctx, tx, b.ChannelID, id, i, r, b.Messages[i], b.CreatedAt); err != nil {
				return fmt.Errorf("recipient %s: %w", r.WAID, err)
			}
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("create broadcast: %w", notFoundIfFK(err, "channel"))
	}
	return id, nil
}

// addRecipient stores one recipient: conversation, message, recipient.
func addRecipient(ctx context.Context, tx *rawTx, channel app.ChannelID, broadcast int64, pos int, r app.Recipient, m app.Message, created time.Time) error {
	if r.WAID == "" {
		return errors.New("no WhatsApp id")
	}
	var conv int64
	scanID := func(row []driver.Value) error { conv = row[0].(int64); return nil }
	if err := tx.query(ctx, `INSERT INTO conversations (channel_id, wa_id, broadcast_only) VALUES (?, ?, 1)
			ON CONFLICT (channel_id, wa_id) DO NOTHING RETURNING id`, []any{int64(channel), r.WAID}, scanID); err != nil {
		return fmt.Errorf("save conversation: %w", err)
	}
	if conv == 0 {
		if err := tx.query(ctx, `SELECT id FROM conversations WHERE channel_id = ? AND wa_id = ?`, []any{int64(channel), r.WAID}, scanID); err != nil {
			return fmt.Errorf("read conversation: %w", err)
		}
	}
	m.ID, m.ChannelID, m.ConversationID = 0, channel, conv
	m.Direction, m.State, m.From, m.WAMessageID = app.Outbound, app.StateWaiting, "", ""
	m.Timestamp = created
	args, err := messageArgs(m)
	if err != nil {
		return err
	}
	var msgID int64
	if err := tx.query(ctx, insertMessageSQL, args, func(row []driver.Value) error { msgID = row[0].(int64); return nil }); err != nil {
		return fmt.Errorf("save message: %w", err)
	}
	var columns any
	if r.Columns != nil {
		data, err := json.Marshal(r.Columns)
		if err != nil {
			return err
		}
		columns = string(data)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO broadcast_recipients (broadcast_id, position, wa_id, name, columns, conversation_id, message_id)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, broadcast, pos, r.WAID, r.Name, columns, conv, msgID); err != nil {
		return fmt.Errorf("save recipient: %w", err)
	}
	return nil
}
