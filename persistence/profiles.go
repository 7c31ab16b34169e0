package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// ProfileRecord returns what is stored about the channel's profile. A
// channel never synced and never edited gives a zero record with only
// ChannelID set; a channel that does not exist gives app.ErrNotFound.
func (s *Store) ProfileRecord(ctx context.Context, id app.ChannelID) (app.ProfileRecord, error) {
	var (
		channel               sql.NullInt64
		remote, pending, base sql.NullString
		syncedAt, editedAt    sql.NullInt64
		photo                 []byte
		photoMIME, state      sql.NullString
		reason                sql.NullString
		reasonCode            sql.NullInt64
	)
	err := s.ro.QueryRowContext(ctx, `SELECT p.channel_id, p.remote, p.synced_at, p.pending, p.pending_base,
			p.pending_photo, p.pending_photo_mime, p.pending_edited_at, p.pending_state, p.pending_reason, p.pending_reason_code
		FROM channels c LEFT JOIN profiles p ON p.channel_id = c.id WHERE c.id = ?`, id).
		Scan(&channel, &remote, &syncedAt, &pending, &base, &photo, &photoMIME, &editedAt, &state, &reason, &reasonCode)
	if errors.Is(err, sql.ErrNoRows) {
		return app.ProfileRecord{}, fmt.Errorf("read profile of channel %d: %w", id, app.ErrNotFound)
	}
	if err != nil {
		return app.ProfileRecord{}, fmt.Errorf("read profile of channel %d: %w", id, err)
	}
	rec := app.ProfileRecord{ChannelID: id, SyncedAt: timeOf(syncedAt)}
	var r profileJSON
	if err := jsonInto(remote, &r); err != nil {
		return app.ProfileRecord{}, fmt.Errorf("read profile of channel %d: %w", id, err)
	}
	rec.Remote = r.profile()
	if pending.Valid {
		var p, b profileJSON
		if err := jsonInto(pending, &p); err != nil {
			return app.ProfileRecord{}, fmt.Errorf("read pending profile of channel %d: %w", id, err)
		}
		if err := jsonInto(base, &b); err != nil {
			return app.ProfileRecord{}, fmt.Errorf("read pending profile of channel %d: %w", id, err)
		}
		st, err := editStateOf(state.String)
		if err != nil {
			return app.ProfileRecord{}, fmt.Errorf("read pending profile of channel %d: %w", id, err)
		}
		rec.Pending = &app.ProfileEdit{
			Profile:    p.profile(),
			Base:       b.profile(),
			Photo:      photo,
			PhotoMIME:  photoMIME.String,
			EditedAt:   timeOf(editedAt),
			State:      st,
			Reason:     reason.String,
			ReasonCode: int(reasonCode.Int64),
		}
	}
	return rec, nil
}

// SaveRemoteProfile stores the profile as just read from WhatsApp and the
// time of the sync. A pending edit is kept.
func (s *Store) SaveRemoteProfile(ctx context.Context, id app.ChannelID, p app.Profile, syncedAt time.Time) error {
	remote, err := jsonValue(profileToJSON(p), false)
	if err != nil {
		return fmt.Errorf("save profile of channel %d: %w", id, err)
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO profiles (channel_id, remote, synced_at) VALUES (?, ?, ?)
			ON CONFLICT (channel_id) DO UPDATE SET remote = excluded.remote, synced_at = excluded.synced_at`,
			id, remote, timeValue(syncedAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("save profile of channel %d: %w", id, notFoundIfFK(err, "channel"))
	}
	return nil
}

// SavePendingProfile stores (replacing) the local edit that still has to
// be pushed to WhatsApp.
func (s *Store) SavePendingProfile(ctx context.Context, id app.ChannelID, edit app.ProfileEdit) error {
	pending, err := jsonValue(profileToJSON(edit.Profile), false)
	if err != nil {
		return fmt.Errorf("save profile edit of channel %d: %w", id, err)
	}
	base, err := jsonValue(profileToJSON(edit.Base), false)
	if err != nil {
		return fmt.Errorf("save profile edit of channel %d: %w", id, err)
	}
	state, err := editStateName(edit.State)
	if err != nil {
		return fmt.Errorf("save profile edit of channel %d: %w", id, err)
	}
	var photo any
	if edit.Photo != nil {
		photo = edit.Photo
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO profiles (channel_id, pending, pending_base, pending_photo,
				pending_photo_mime, pending_edited_at, pending_state, pending_reason, pending_reason_code)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (channel_id) DO UPDATE SET pending = excluded.pending, pending_base = excluded.pending_base,
				pending_photo = excluded.pending_photo, pending_photo_mime = excluded.pending_photo_mime,
				pending_edited_at = excluded.pending_edited_at, pending_state = excluded.pending_state,
				pending_reason = excluded.pending_reason, pending_reason_code = excluded.pending_reason_code`,
			id, pending, base, photo, edit.PhotoMIME, timeValue(edit.EditedAt), state, edit.Reason, edit.ReasonCode)
		return err
	})
	if err != nil {
		return fmt.Errorf("save profile edit of channel %d: %w", id, notFoundIfFK(err, "channel"))
	}
	return nil
}

// ClearPendingProfile forgets the local edit (after a successful push or
// when the owner discards it). Clearing when nothing is pending is fine.
func (s *Store) ClearPendingProfile(ctx context.Context, id app.ChannelID) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE profiles SET pending = NULL, pending_base = NULL, pending_photo = NULL,
			pending_photo_mime = '', pending_edited_at = NULL, pending_state = 'pending', pending_reason = '', pending_reason_code = 0
			WHERE channel_id = ?`, id)
		return err
	})
	if err != nil {
		return fmt.Errorf("clear profile edit of channel %d: %w", id, err)
	}
	return nil
}
