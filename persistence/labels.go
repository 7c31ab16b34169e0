package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// Labels returns every label, by name (ignoring case).
func (s *Store) Labels(ctx context.Context) ([]app.Label, error) {
	ls, err := queryRows(ctx, s.ro, func(r rowScanner) (app.Label, error) {
		var l app.Label
		var color string
		err := r.Scan(&l.ID, &l.Name, &color)
		l.Color = app.LabelColor(color)
		return l, err
	}, `SELECT id, name, color FROM labels ORDER BY name, id`)
	if err != nil {
		return nil, fmt.Errorf("list labels: %w", err)
	}
	return ls, nil
}

// CreateLabel stores a new label; a name taken (ignoring case) returns
// app.ErrLabelExists.
func (s *Store) CreateLabel(ctx context.Context, l app.Label, at time.Time) (app.Label, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `INSERT INTO labels (name, color, created_at) VALUES (?, ?, ?) RETURNING id`,
			l.Name, string(l.Color), at.UnixNano()).Scan(&l.ID)
	})
	if isUniqueError(err) {
		return app.Label{}, fmt.Errorf("add label %q: %w", l.Name, app.ErrLabelExists)
	}
	if err != nil {
		return app.Label{}, fmt.Errorf("add label %q: %w", l.Name, err)
	}
	return l, nil
}

// UpdateLabel renames or recolours a label; app.ErrNotFound when it is
// gone, app.ErrLabelExists when another label has the name.
func (s *Store) UpdateLabel(ctx context.Context, l app.Label) error {
	// A new name reaches the search index through the schema's triggers
	// (0018).
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE labels SET name = ?, color = ? WHERE id = ?`, l.Name, string(l.Color), l.ID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("label %d", l.ID))
	})
	if isUniqueError(err) {
		return fmt.Errorf("change label %q: %w", l.Name, app.ErrLabelExists)
	}
	if err != nil {
		return fmt.Errorf("change label %q: %w", l.Name, err)
	}
	return nil
}

// DeleteLabel deletes a label; the schema takes it off every
// conversation. A label already gone is no error.
func (s *Store) DeleteLabel(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `DELETE FROM labels WHERE id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("delete label %d: %w", id, err)
	}
	return nil
}

// SetConversationLabel puts the label on the conversation or takes it
// off; app.ErrNotFound when either does not exist.
func (s *Store) SetConversationLabel(ctx context.Context, conversationID, labelID int64, on bool) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		query := `DELETE FROM conversation_labels WHERE conversation_id = ? AND label_id = ?`
		if on {
			query = `INSERT INTO conversation_labels (conversation_id, label_id) VALUES (?, ?) ON CONFLICT DO NOTHING`
		}
		_, err := tx.ExecContext(ctx, query, conversationID, labelID)
		return notFoundIfFK(err, "conversation or label")
	})
	if err != nil {
		return fmt.Errorf("label conversation %d: %w", conversationID, err)
	}
	return nil
}

// PinConversation sets or clears (zero at) the conversation's pin time.
func (s *Store) PinConversation(ctx context.Context, conversationID int64, at time.Time) error {
	return s.setConversationTime(ctx, "pin", "pinned_at", conversationID, at)
}

// ArchiveConversation sets or clears (zero at) the conversation's
// archive time.
func (s *Store) ArchiveConversation(ctx context.Context, conversationID int64, at time.Time) error {
	return s.setConversationTime(ctx, "archive", "archived_at", conversationID, at)
}

// setConversationTime sets column (a constant of the caller) of the
// conversation to at, or NULL for a zero at.
func (s *Store) setConversationTime(ctx context.Context, op, column string, conversationID int64, at time.Time) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE conversations SET `+column+` = ? WHERE id = ?`, timeValue(at), conversationID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("conversation %d", conversationID))
	})
	if err != nil {
		return fmt.Errorf("%s conversation: %w", op, err)
	}
	return nil
}

// MarkConversationUnread gives a read conversation an unread count of
// one.
func (s *Store) MarkConversationUnread(ctx context.Context, conversationID int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE conversations SET unread = MAX(unread, 1) WHERE id = ?`, conversationID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("conversation %d", conversationID))
	})
	if err != nil {
		return fmt.Errorf("mark conversation unread: %w", err)
	}
	return nil
}
