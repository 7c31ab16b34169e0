package persistence

import (
	"context"
	"database/sql"
	"fmt"
)

// labelNamesChanged is the one point where the label names a
// conversation carries change, inside the transaction that changes them:
// a label put on or taken off a conversation, a label renamed (its
// conversations), a label deleted (told before its rows go, while the
// names are still there). conversations is a query (with args) that
// returns the IDs of the conversations concerned.
//
// It does nothing yet: it is the hook for what keeps an index of the
// label names (search). Such an index reads each conversation's names
// again in tx, e.g. SELECT group_concat(l.name, ' ') FROM
// conversation_labels c JOIN labels l ON l.id = c.label_id WHERE
// c.conversation_id = ? (for a deleted label, leaving that label out).
// Deleting a conversation needs no hook: its index rows go with it.
func labelNamesChanged(ctx context.Context, tx *sql.Tx, conversations string, args ...any) error {
	return nil
}

// mergeLabels puts the labels of conversation from on conversation to,
// which takes its place (RekeyConversation).
func mergeLabels(ctx context.Context, tx *sql.Tx, to, from int64) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO conversation_labels (conversation_id, label_id)
		SELECT ?, label_id FROM conversation_labels WHERE conversation_id = ? ON CONFLICT DO NOTHING`, to, from)
	if err != nil {
		return fmt.Errorf("merge labels: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	return labelNamesChanged(ctx, tx, `SELECT ?`, to)
}
