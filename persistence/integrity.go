package persistence

import (
	"context"
	"fmt"
)

// IntegrityCheck runs SQLite's PRAGMA integrity_check; it returns nil
// when the database is sound, else an error listing the problems found.
func (s *Store) IntegrityCheck(ctx context.Context) error {
	rows, err := s.ro.QueryContext(ctx, "PRAGMA integrity_check")
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
