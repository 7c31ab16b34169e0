package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/parley-app/parley/app"
)

const conversationColumns = `v.id, v.channel_id, v.wa_id, COALESCE(k.name, ''), COALESCE(k.phone_name, ''),
	COALESCE(k.custom_name, ''), v.last_message_at, v.last_preview, v.unread, v.last_inbound_at, v.pinned_at, v.archived_at,
	(SELECT group_concat(c.label_id) FROM conversation_labels c WHERE c.conversation_id = v.id),
	k.opted_out_at, COALESCE(k.opted_out_by, ''), COALESCE(k.opted_out_word, '')`

const conversationFrom = `conversations v LEFT JOIN contacts k ON k.channel_id = v.channel_id AND k.wa_id = v.wa_id`

// Conversations returns the channel's conversations, archived ones
// too: the pinned first (the last pinned first), then the most recent
// first (conversations without messages last). Conversations only a
// broadcast started are left out until the customer writes (Conversation
// still reads them).
func (s *Store) Conversations(ctx context.Context, id app.ChannelID) ([]app.Conversation, error) {
	cs, err := queryRows(ctx, s.ro, scanConversation, `SELECT `+conversationColumns+` FROM `+conversationFrom+`
		WHERE v.channel_id = ? AND NOT v.broadcast_only ORDER BY v.pinned_at IS NULL, v.pinned_at DESC, v.last_message_at DESC, v.id DESC`, id)
	if err != nil {
		return nil, fmt.Errorf("list conversations of channel %d: %w", id, err)
	}
	return cs, nil
}

// Conversation returns one conversation, or app.ErrNotFound.
func (s *Store) Conversation(ctx context.Context, conversationID int64) (app.Conversation, error) {
	c, err := scanConversation(s.ro.QueryRowContext(ctx, `SELECT `+conversationColumns+` FROM `+conversationFrom+`
		WHERE v.id = ?`, conversationID))
	if err != nil {
		return app.Conversation{}, fmt.Errorf("read conversation %d: %w", conversationID, err)
	}
	return c, nil
}

// ConversationFor returns the channel's conversation with waID, creating
// it (and the contact) if needed. A non-empty name updates the contact's
// name.
func (s *Store) ConversationFor(ctx context.Context, id app.ChannelID, waID, name string) (app.Conversation, error) {
	var convID int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := upsertContact(ctx, tx, id, waID, name); err != nil {
			return err
		}
		var err error
		convID, err = ensureConversation(ctx, tx, id, waID)
		return err
	})
	if err != nil {
		return app.Conversation{}, fmt.Errorf("open conversation with %s: %w", waID, notFoundIfFK(err, "channel"))
	}
	// The writer committed; a fresh read sees the row.
	return s.Conversation(ctx, convID)
}

// MarkConversationRead sets the unread count to zero.
func (s *Store) MarkConversationRead(ctx context.Context, conversationID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE conversations SET unread = 0 WHERE id = ?`, conversationID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("conversation %d", conversationID))
	})
	if err != nil {
		return fmt.Errorf("mark conversation read: %w", err)
	}
	return nil
}

// UnreadTotal is the number of unread messages of every conversation of
// every channel: one aggregate, however many conversations there are.
func (s *Store) UnreadTotal(ctx context.Context) (int, error) {
	var n int
	if err := s.ro.QueryRowContext(ctx, `SELECT COALESCE(SUM(unread), 0) FROM conversations`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count unread messages: %w", err)
	}
	return n, nil
}

// upsertContact creates the contact or updates its name when name is not
// empty.
func upsertContact(ctx context.Context, tx execer, id app.ChannelID, waID, name string) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO contacts (channel_id, wa_id, name) VALUES (?, ?, ?)
		ON CONFLICT (channel_id, wa_id) DO UPDATE SET name = excluded.name WHERE excluded.name <> ''`,
		id, waID, name)
	if err != nil {
		return fmt.Errorf("save contact %s: %w", waID, err)
	}
	return nil
}

// ensureConversation returns the id of the conversation with waID,
// creating it.
func ensureConversation(ctx context.Context, tx *sql.Tx, id app.ChannelID, waID string) (int64, error) {
	var convID int64
	// The no-op update makes RETURNING answer for existing rows too.
	err := tx.QueryRowContext(ctx, `INSERT INTO conversations (channel_id, wa_id) VALUES (?, ?)
		ON CONFLICT (channel_id, wa_id) DO UPDATE SET wa_id = excluded.wa_id RETURNING id`, id, waID).Scan(&convID)
	if err != nil {
		return 0, fmt.Errorf("save conversation with %s: %w", waID, err)
	}
	return convID, nil
}

// scanConversation reads one row of conversationColumns.
func scanConversation(r rowScanner) (app.Conversation, error) {
	var c app.Conversation
	var lastMsg, lastIn, pinned, archived, optedOut sql.NullInt64
	var labels sql.NullString
	err := r.Scan(&c.ID, &c.ChannelID, &c.WAID, &c.ContactName, &c.PhoneName, &c.CustomName, &lastMsg, &c.LastPreview, &c.Unread, &lastIn,
		&pinned, &archived, &labels, &optedOut, &c.OptOut.By, &c.OptOut.Word)
	if errors.Is(err, sql.ErrNoRows) {
		return app.Conversation{}, app.ErrNotFound
	}
	if err != nil {
		return app.Conversation{}, err
	}
	c.LastMessageAt = timeOf(lastMsg)
	c.LastInboundAt = timeOf(lastIn)
	c.PinnedAt = timeOf(pinned)
	c.ArchivedAt = timeOf(archived)
	c.OptOut.At = timeOf(optedOut)
	if c.Labels, err = labelIDs(labels.String); err != nil {
		return app.Conversation{}, fmt.Errorf("labels of conversation %d: %w", c.ID, err)
	}
	return c, nil
}

// labelIDs reads the comma-separated label IDs of a conversation.
func labelIDs(list string) ([]int64, error) {
	if list == "" {
		return nil, nil
	}
	var ids []int64
	for part := range strings.SplitSeq(list, ",") {
		id, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
