package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parley-app/parley/app"
)

// TemplateHeaderFile returns the file last sent in the media header of
// the channel's template name in language, or a zero HeaderFile when none
// was sent yet.
func (s *Store) TemplateHeaderFile(ctx context.Context, id app.ChannelID, name, language string) (app.HeaderFile, error) {
	var f app.HeaderFile
	err := s.ro.QueryRowContext(ctx, `SELECT path, file_name FROM template_header_files
		WHERE channel_id = ? AND name = ? AND language = ?`, id, name, language).Scan(&f.Path, &f.Name)
	if errors.Is(err, sql.ErrNoRows) {
		return app.HeaderFile{}, nil
	}
	if err != nil {
		return app.HeaderFile{}, fmt.Errorf("read the last header file of template %s: %w", name, err)
	}
	return f, nil
}

// SetTemplateHeaderFile records f as the file last sent in the media
// header of the channel's template name in language.
func (s *Store) SetTemplateHeaderFile(ctx context.Context, id app.ChannelID, name, language string, f app.HeaderFile) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO template_header_files (channel_id, name, language, path, file_name, used_at)
			VALUES (?, ?, ?, ?, ?, ?)
			ON CONFLICT (channel_id, name, language) DO UPDATE SET path = excluded.path,
				file_name = excluded.file_name, used_at = excluded.used_at`,
			id, name, language, f.Path, f.Name, timeValue(s.now()))
		return err
	})
	if err != nil {
		return fmt.Errorf("remember the header file of template %s: %w", name, notFoundIfFK(err, "channel"))
	}
	return nil
}
