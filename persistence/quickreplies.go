package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// QuickReplies returns every quick reply, in the owner's order.
func (s *Store) QuickReplies(ctx context.Context) ([]app.QuickReply, error) {
	out, err := queryRows(ctx, s.ro, func(r rowScanner) (app.QuickReply, error) {
		var q app.QuickReply
		err := r.Scan(&q.ID, &q.Title, &q.Text, &q.Position)
		return q, err
	}, `SELECT id, title, text, position FROM quick_replies ORDER BY position, id`)
	if err != nil {
		return nil, storageProblem(fmt.Errorf("read quick replies: %w", err))
	}
	return out, nil
}

// AddQuickReply stores r last and returns it with its ID and position.
func (s *Store) AddQuickReply(ctx context.Context, r app.QuickReply, at time.Time) (app.QuickReply, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM quick_replies`).Scan(&r.Position); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO quick_replies (title, text, position, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?)`, r.Title, r.Text, r.Position, at.UnixNano(), at.UnixNano())
		if err != nil {
			return err
		}
		r.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return app.QuickReply{}, fmt.Errorf("add quick reply %q: %w", r.Title, err)
	}
	return r, nil
}

// UpdateQuickReply changes the title and text of quick reply r.ID.
func (s *Store) UpdateQuickReply(ctx context.Context, r app.QuickReply, at time.Time) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE quick_replies SET title = ?, text = ?, updated_at = ? WHERE id = ?`,
			r.Title, r.Text, at.UnixNano(), r.ID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("quick reply %d", r.ID))
	})
	if err != nil {
		return fmt.Errorf("change quick reply %d: %w", r.ID, err)
	}
	return nil
}

// MoveQuickReply puts quick reply id at position to (the last one when
// to is past the end) and numbers the list 0, 1, 2… again.
func (s *Store) MoveQuickReply(ctx context.Context, id int64, to int) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		ids, err := quickReplyIDs(ctx, tx)
		if err != nil {
			return err
		}
		from := -1
		for i, x := range ids {
			if x == id {
				from = i
			}
		}
		if from < 0 {
			return fmt.Errorf("quick reply %d: %w", id, app.ErrNotFound)
		}
		to = min(max(to, 0), len(ids)-1)
		ids = append(ids[:from], ids[from+1:]...)
		ids = append(ids[:to], append([]int64{id}, ids[to:]...)...)
		return renumberQuickReplies(ctx, tx, ids)
	})
	if err != nil {
		return fmt.Errorf("move quick reply %d: %w", id, err)
	}
	return nil
}

// DeleteQuickReply removes quick reply id and closes the gap it leaves.
func (s *Store) DeleteQuickReply(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM quick_replies WHERE id = ?`, id)
		if err != nil {
			return err
		}
		if err := checkAffected(res, fmt.Sprintf("quick reply %d", id)); err != nil {
			return err
		}
		ids, err := quickReplyIDs(ctx, tx)
		if err != nil {
			return err
		}
		return renumberQuickReplies(ctx, tx, ids)
	})
	if err != nil {
		return fmt.Errorf("delete quick reply %d: %w", id, err)
	}
	return nil
}

// quickReplyIDs returns the quick replies' IDs in order.
func quickReplyIDs(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	return queryRows(ctx, tx, scanID, `SELECT id FROM quick_replies ORDER BY position, id`)
}

// renumberQuickReplies gives ids the positions 0, 1, 2… in order.
func renumberQuickReplies(ctx context.Context, tx *sql.Tx, ids []int64) error {
	for i, id := range ids {
		if _, err := tx.ExecContext(ctx, `UPDATE quick_replies SET position = ? WHERE id = ? AND position <> ?`, i, id, i); err != nil {
			return err
		}
	}
	return nil
}
