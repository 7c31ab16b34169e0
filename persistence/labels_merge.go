package persistence

import (
	"context"
	"database/sql"
	"fmt"
)

// mergeLabels puts the labels of conversation from on conversation to,
// which takes its place (RekeyConversation).
func mergeLabels(ctx context.Context, tx *sql.Tx, to, from int64) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO conversation_labels (conversation_id, label_id)
		SELECT ?, label_id FROM conversation_labels WHERE conversation_id = ? ON CONFLICT DO NOTHING`, to, from); err != nil {
		return fmt.Errorf("merge labels: %w", err)
	}
	return nil
}
