package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parley-app/parley/app"
)

// mergeConversationSQL adds conversation ?2 (messages moved already) to
// conversation ?1: the later last message wins, unread counts add up,
// the later customer message opens the window; pinned if either was,
// archived only if both were, left out of the list (broadcast_only) only
// if both were.
const mergeConversationSQL = `UPDATE conversations AS t SET
	last_message_at = CASE WHEN COALESCE(o.last_message_at, 0) > COALESCE(t.last_message_at, 0) THEN o.last_message_at ELSE t.last_message_at END,
	last_preview = CASE WHEN COALESCE(o.last_message_at, 0) > COALESCE(t.last_message_at, 0) THEN o.last_preview ELSE t.last_preview END,
	unread = t.unread + o.unread,
	last_inbound_at = NULLIF(MAX(COALESCE(t.last_inbound_at, 0), COALESCE(o.last_inbound_at, 0)), 0),
	pinned_at = COALESCE(t.pinned_at, o.pinned_at),
	archived_at = CASE WHEN t.archived_at IS NULL OR o.archived_at IS NULL THEN NULL ELSE MAX(t.archived_at, o.archived_at) END,
	broadcast_only = t.broadcast_only AND o.broadcast_only
	FROM conversations AS o WHERE t.id = ?1 AND o.id = ?2`

// RekeyConversation gives the conversation the WhatsApp id waID (the one
// WhatsApp answered a send with, which can differ from the number typed:
// Brazilian mobiles with or without the extra 9). When the channel
// already has a conversation with waID, the two are merged into that one
// and it returns its id; the contact keeps its name.
func (s *Store) RekeyConversation(ctx context.Context, conversationID int64, waID string) (int64, error) {
	if waID == "" {
		return 0, fmt.Errorf("rekey conversation %d: empty WhatsApp id", conversationID)
	}
	kept := conversationID
	err := s.write(ctx, func(tx *sql.Tx) error {
		var channel app.ChannelID
		var old string
		err := tx.QueryRowContext(ctx, `SELECT channel_id, wa_id FROM conversations WHERE id = ?`, conversationID).Scan(&channel, &old)
		if errors.Is(err, sql.ErrNoRows) {
			return app.ErrNotFound
		}
		if err != nil || old == waID {
			return err
		}
		// The owner's own fields go along unless the other contact has
		// some saved already.
		if _, err := tx.ExecContext(ctx, `INSERT INTO contacts (channel_id, wa_id, name, phone_name,
				custom_name, notes, email, birthday, address, updated_at)
			SELECT channel_id, ?, name, phone_name, custom_name, notes, email, birthday, address, updated_at
			FROM contacts WHERE channel_id = ? AND wa_id = ?
			ON CONFLICT (channel_id, wa_id) DO UPDATE SET
				name = CASE WHEN contacts.name = '' THEN excluded.name ELSE contacts.name END,
				phone_name = CASE WHEN contacts.phone_name = '' THEN excluded.phone_name ELSE contacts.phone_name END,
				(custom_name, notes, email, birthday, address, updated_at) = (SELECT
					CASE WHEN contacts.updated_at IS NULL THEN excluded.custom_name ELSE contacts.custom_name END,
					CASE WHEN contacts.updated_at IS NULL THEN excluded.notes ELSE contacts.notes END,
					CASE WHEN contacts.updated_at IS NULL THEN excluded.email ELSE contacts.email END,
					CASE WHEN contacts.updated_at IS NULL THEN excluded.birthday ELSE contacts.birthday END,
					CASE WHEN contacts.updated_at IS NULL THEN excluded.address ELSE contacts.address END,
					COALESCE(contacts.updated_at, excluded.updated_at))`,
			waID, channel, old); err != nil {
			return fmt.Errorf("copy contact: %w", err)
		}
		var other int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM conversations WHERE channel_id = ? AND wa_id = ?`, channel, waID).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) {
			_, err = tx.ExecContext(ctx, `UPDATE conversations SET wa_id = ? WHERE id = ?`, waID, conversationID)
			return err
		}
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE messages SET conversation_id = ? WHERE conversation_id = ?`, other, conversationID); err != nil {
			return fmt.Errorf("move messages: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `UPDATE broadcast_recipients SET conversation_id = ? WHERE conversation_id = ?`, other, conversationID); err != nil {
			return fmt.Errorf("move broadcast recipients: %w", err)
		}
		if _, err := tx.ExecContext(ctx, mergeConversationSQL, other, conversationID); err != nil {
			return fmt.Errorf("merge: %w", err)
		}
		if err := mergeLabels(ctx, tx, other, conversationID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM conversations WHERE id = ?`, conversationID); err != nil {
			return fmt.Errorf("remove the merged conversation: %w", err)
		}
		kept = other
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("rekey conversation %d to %s: %w", conversationID, waID, err)
	}
	return kept, nil
}
