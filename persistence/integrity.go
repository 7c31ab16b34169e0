package persistence

import (
	"context"
	"fmt"
)

// IntegrityCheck runs SQLite's PRAGMA integrity_check and reports whether
// the database is sound; problems it finds come back in the error.
func (s *Store) IntegrityCheck(ctx context.Context) (bool, error) {
	rows, err := s.ro.QueryContext(ctx, "PRAGMA integrity_check")
	if err != nil {
		return false, fmt.Errorf("integrity check: %w", err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return false, fmt.Errorf("integrity check: %w", err)
		}
		if line != "ok" {
			problems = append(problems, line)
		}
	}
	if err := rows.Err(); err != nil {
		return false, fmt.Errorf("integrity check: %w", err)
	}
	if len(problems) > 0 {
		return false, fmt.Errorf("integrity check: %v", problems)
	}
	return true, nil
}
