package persistence

import (
	"context"
	"database/sql"
	"fmt"
)

// IntegrityCheck runs SQLite's PRAGMA integrity_check; it returns nil
// when the database is sound, else an error listing the problems found.
//
// It reads on a connection of its own: FTS5's part of the check reuses
// what an earlier check on the same connection read of the search index
// and then reports a checksum mismatch once rows were added since, though
// searches on that connection read them well (seen with go-sqlite3
// v1.14.53).
func (s *Store) IntegrityCheck(ctx context.Context) error {
	db, err := sql.Open("sqlite3", dsn(s.path, true, ""))
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("integrity check: %v", problems)
	}
	return nil
}
