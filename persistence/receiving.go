package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// ReceivingSettings returns how this data folder receives messages.
func (s *Store) ReceivingSettings(ctx context.Context) (app.ReceivingSettings, error) {
	var rs app.ReceivingSettings
	var mode string
	var updated int64
	err := s.ro.QueryRowContext(ctx, `SELECT mode, domain, updated_at FROM receiving WHERE id = 1`).Scan(&mode, &rs.Domain, &updated)
	if err != nil {
		return rs, storageProblem(fmt.Errorf("read receiving settings: %w", err))
	}
	rs.Mode = app.ReceivingMode(mode)
	if updated != 0 {
		rs.UpdatedAt = time.Unix(0, updated)
	}
	return rs, nil
}

// SaveReceivingSettings replaces the receiving settings.
func (s *Store) SaveReceivingSettings(ctx context.Context, rs app.ReceivingSettings) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE receiving SET mode = ?, domain = ?, updated_at = ? WHERE id = 1`,
			string(rs.Mode), rs.Domain, rs.UpdatedAt.UnixNano())
		return err
	})
	if err != nil {
		return fmt.Errorf("save receiving settings: %w", err)
	}
	return nil
}
