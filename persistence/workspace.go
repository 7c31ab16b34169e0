package persistence

import (
	"context"
	"fmt"
)

// WorkspaceID is the random id of this data folder, made when its
// database was created (or upgraded); the keyring names API keys with it.
func (s *Store) WorkspaceID(ctx context.Context) (string, error) {
	var id string
	if err := s.ro.QueryRowContext(ctx, `SELECT id FROM workspace LIMIT 1`).Scan(&id); err != nil {
		return "", fmt.Errorf("read workspace id: %w", err)
	}
	return id, nil
}
