package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

const templateColumns = `remote_id, name, language, category, status, rejected_reason, components, variables, modified_at`

// upsertTemplateSQL stores one template keyed by channel, name and
// language. Storing a synced template over a local draft of the same name
// and language replaces the draft: WhatsApp's copy wins.
const upsertTemplateSQL = `INSERT INTO templates
	(channel_id, remote_id, name, language, category, status, rejected_reason, components, variables, is_draft, modified_at)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (channel_id, name, language) DO UPDATE SET remote_id = excluded.remote_id,
		category = excluded.category, status = excluded.status, rejected_reason = excluded.rejected_reason,
		components = excluded.components, variables = excluded.variables, is_draft = excluded.is_draft,
		modified_at = excluded.modified_at`

// ReplaceTemplates replaces every synced (non-draft) template of the
// channel with ts in one transaction and records syncedAt. Local drafts
// stay. Variable bindings are local only, so a synced template without
// bindings keeps the ones stored for the same name and language.
func (s *Store) ReplaceTemplates(ctx context.Context, id app.ChannelID, ts []app.Template, syncedAt time.Time) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		kept, err := storedVariables(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM templates WHERE channel_id = ? AND is_draft = 0`, id); err != nil {
			return err
		}
		stmt, err := tx.PrepareContext(ctx, upsertTemplateSQL)
		if err != nil {
			return err
		}
		defer stmt.Close()
		for _, t := range ts {
			if len(t.Variables) == 0 {
				t.Variables = kept[templateKey(t.Name, t.Language)]
			}
			if t.Status == app.TemplateDraft {
				t.Status = app.TemplateUnknown // WhatsApp knows it, so it is no draft
			}
			args, err := templateArgs(id, t)
			if err != nil {
				return err
			}
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return fmt.Errorf("template %s (%s): %w", t.Name, t.Language, err)
			}
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO sync_state (channel_id, templates_synced_at) VALUES (?, ?)
			ON CONFLICT (channel_id) DO UPDATE SET templates_synced_at = excluded.templates_synced_at`,
			id, timeValue(syncedAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("save templates of channel %d: %w", id, notFoundIfFK(err, "channel"))
	}
	return nil
}

// storedVariables returns the variable bindings of the channel's
// templates by templateKey.
func storedVariables(ctx context.Context, tx *sql.Tx, id app.ChannelID) (map[string][]app.Variable, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, language, variables FROM templates WHERE channel_id = ? AND variables <> '[]'`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string][]app.Variable{}
	for rows.Next() {
		var t app.Template
		var vars sql.NullString
		if err := rows.Scan(&t.Name, &t.Language, &vars); err != nil {
			return nil, err
		}
		if err := decodeTemplateParts(&t, sql.NullString{}, vars); err != nil {
			return nil, err
		}
		out[templateKey(t.Name, t.Language)] = t.Variables
	}
	return out, rows.Err()
}

func templateKey(name, language string) string { return name + "\x00" + language }

// templateArgs returns the arguments of upsertTemplateSQL for t.
func templateArgs(id app.ChannelID, t app.Template) ([]any, error) {
	comps, err := encodeComponents(t)
	if err != nil {
		return nil, err
	}
	vars, err := encodeVariables(t.Variables)
	if err != nil {
		return nil, err
	}
	status := t.Status
	if status == "" {
		status = app.TemplateUnknown
	}
	draft := 0
	if status == app.TemplateDraft {
		draft = 1
	}
	return []any{id, t.ID, t.Name, t.Language, t.Category, string(status), t.RejectedReason, comps, vars, draft,
		timeValue(t.ModifiedAt)}, nil
}

// Templates returns the channel's templates (synced ones and drafts),
// sorted by name and language.
func (s *Store) Templates(ctx context.Context, id app.ChannelID) ([]app.Template, error) {
	rows, err := s.ro.QueryContext(ctx, `SELECT `+templateColumns+` FROM templates WHERE channel_id = ?
		ORDER BY name, language`, id)
	if err != nil {
		return nil, fmt.Errorf("list templates of channel %d: %w", id, err)
	}
	defer rows.Close()
	var ts []app.Template
	for rows.Next() {
		var t app.Template
		var status string
		var comps, vars sql.NullString
		var modified sql.NullInt64
		if err := rows.Scan(&t.ID, &t.Name, &t.Language, &t.Category, &status, &t.RejectedReason, &comps, &vars, &modified); err != nil {
			return nil, fmt.Errorf("list templates of channel %d: %w", id, err)
		}
		t.Status = app.TemplateStatus(status)
		t.ModifiedAt = timeOf(modified)
		if err := decodeTemplateParts(&t, comps, vars); err != nil {
			return nil, fmt.Errorf("list templates of channel %d: template %s: %w", id, t.Name, err)
		}
		ts = append(ts, t)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list templates of channel %d: %w", id, err)
	}
	return ts, nil
}

// TemplatesSyncedAt returns when the channel's templates were last
// synced, or the zero time if never.
func (s *Store) TemplatesSyncedAt(ctx context.Context, id app.ChannelID) (time.Time, error) {
	var at sql.NullInt64
	err := s.ro.QueryRowContext(ctx, `SELECT templates_synced_at FROM sync_state WHERE channel_id = ?`, id).Scan(&at)
	if err == sql.ErrNoRows {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("read template sync time of channel %d: %w", id, err)
	}
	return timeOf(at), nil
}

// UpsertTemplate stores one template (a draft, or one just submitted),
// replacing the stored one with the same name and language. A template
// with Status app.TemplateDraft is a local draft that ReplaceTemplates
// keeps.
func (s *Store) UpsertTemplate(ctx context.Context, id app.ChannelID, t app.Template) error {
	args, err := templateArgs(id, t)
	if err != nil {
		return fmt.Errorf("save template %s: %w", t.Name, err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, upsertTemplateSQL, args...)
		return err
	})
	if err != nil {
		return fmt.Errorf("save template %s: %w", t.Name, notFoundIfFK(err, "channel"))
	}
	return nil
}

// DeleteTemplate removes the template with name and language, or returns
// app.ErrNotFound.
func (s *Store) DeleteTemplate(ctx context.Context, id app.ChannelID, name, language string) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM templates WHERE channel_id = ? AND name = ? AND language = ?`,
			id, name, language)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("template %s (%s)", name, language))
	})
	if err != nil {
		return fmt.Errorf("delete template: %w", err)
	}
	return nil
}
