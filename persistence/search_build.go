package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
)

// ErrNoFullTextSearch is returned (wrapped) by Open when the SQLite
// compiled into this build lacks full-text search: Parley was built
// without the sqlite_fts5 build tag.
var ErrNoFullTextSearch = errors.New("full-text search needs the sqlite_fts5 build tag (build and test with -tags sqlite_fts5, as the Makefile does)")

// searchBuildBatch is how many messages one statement of the index build
// adds: small enough for the progress to move often, large enough that
// the statements cost nothing beside the indexing.
const searchBuildBatch = 10000

// explainMissingModule turns SQLite's "no such module: fts5" into
// ErrNoFullTextSearch, keeping SQLite's words beside it.
func explainMissingModule(err error) error {
	if err != nil && strings.Contains(err.Error(), "no such module: fts5") {
		return fmt.Errorf("%w: %w", ErrNoFullTextSearch, err)
	}
	return err
}

// buildSearchIndex indexes the conversations and messages stored before
// migration 0014 (whose triggers index those written after), reporting
// the messages done of the total.
func buildSearchIndex(ctx context.Context, tx *sql.Tx, progress func(done, total int)) error {
	if _, err := tx.ExecContext(ctx, `INSERT INTO conversation_search (rowid, name, number, labels, notes)
		SELECT id, name, number, labels, notes FROM conversation_search_source`); err != nil {
		return fmt.Errorf("index conversations: %w", err)
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM messages`).Scan(&total); err != nil {
		return fmt.Errorf("count messages to index: %w", err)
	}
	if total == 0 {
		return nil
	}
	progress(0, total)
	done := 0
	var last int64
	for {
		var hi sql.NullInt64
		if err := tx.QueryRowContext(ctx, `SELECT MAX(id) FROM (SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT ?)`,
			last, searchBuildBatch).Scan(&hi); err != nil {
			return fmt.Errorf("index messages after %d: %w", last, err)
		}
		if !hi.Valid {
			break
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO message_search (rowid, body)
			SELECT id, body FROM message_search_source WHERE id > ? AND id <= ?`, last, hi.Int64)
		if err != nil {
			return fmt.Errorf("index messages after %d: %w", last, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return fmt.Errorf("index messages after %d: %w", last, err)
		}
		done = min(done+int(n), total)
		last = hi.Int64
		progress(done, total)
	}
	if done < total {
		progress(total, total)
	}
	return nil
}
