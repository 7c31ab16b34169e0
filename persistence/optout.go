package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// optOutWords is the owner's stop and start words with their matcher,
// as Store.optOut keeps them between messages.
type optOutWords struct {
	words   app.OptOutWords
	matcher *app.OptOutMatcher
}

// SetOptOut records the owner's decision for the customer of
// conversation conversationID: opted out of marketing since at, by the
// owner, or (at zero) not opted out, whoever had opted them out.
func (s *Store) SetOptOut(ctx context.Context, conversationID int64, at time.Time) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		var by any
		if !at.IsZero() {
			by = app.OptedOutByOwner
		}
		// A customer only a broadcast wrote to has no contact row yet.
		if _, err := tx.ExecContext(ctx, `INSERT INTO contacts (channel_id, wa_id) SELECT channel_id, wa_id FROM conversations
			WHERE id = ? ON CONFLICT (channel_id, wa_id) DO NOTHING`, conversationID); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `UPDATE contacts SET opted_out_at = ?, opted_out_by = ?, opted_out_word = ''
			FROM conversations v WHERE v.id = ? AND contacts.channel_id = v.channel_id AND contacts.wa_id = v.wa_id`,
			timeValue(at), by, conversationID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("contact of conversation %d", conversationID))
	})
	if err != nil {
		return fmt.Errorf("change the opt-out of conversation %d: %w", conversationID, err)
	}
	return nil
}

// OptOutWords returns the owner's stop and start words, Parley's
// defaults for a list they never changed.
func (s *Store) OptOutWords(ctx context.Context) (app.OptOutWords, error) {
	w, err := s.optOutWords(ctx)
	if err != nil {
		return app.OptOutWords{}, err
	}
	return w.words, nil
}

// optOutWords returns the owner's words with their matcher, read once
// and then kept (SaveOptOutWords replaces them).
func (s *Store) optOutWords(ctx context.Context) (*optOutWords, error) {
	if w := s.optOut.Load(); w != nil {
		return w, nil
	}
	var stop, start sql.NullString
	err := s.ro.QueryRowContext(ctx, `SELECT opt_out_stop_words, opt_out_start_words FROM settings WHERE id = 1`).Scan(&stop, &start)
	if err != nil {
		return nil, storageProblem(fmt.Errorf("read the opt-out words: %w", err))
	}
	words := app.DefaultOptOutWords()
	if stop.Valid {
		words.Stop = splitWords(stop.String)
	}
	if start.Valid {
		words.Start = splitWords(start.String)
	}
	w := &optOutWords{words: words, matcher: app.NewOptOutMatcher(words)}
	s.optOut.CompareAndSwap(nil, w)
	return s.optOut.Load(), nil
}

// SaveOptOutWords keeps the owner's lists, one word a line, for the
// messages stored from now on.
func (s *Store) SaveOptOutWords(ctx context.Context, words app.OptOutWords) error {
	err := s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE settings SET opt_out_stop_words = ?, opt_out_start_words = ? WHERE id = 1`,
			strings.Join(words.Stop, "\n"), strings.Join(words.Start, "\n"))
		return err
	})
	if err != nil {
		return fmt.Errorf("save the opt-out words: %w", err)
	}
	s.optOut.Store(&optOutWords{words: words, matcher: app.NewOptOutMatcher(words)})
	return nil
}

// splitWords splits a stored list, one word a line.
func splitWords(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "\n")
}

// optOutStopSQL opts the contact (channel ?3, WhatsApp id ?4) out since
// ?1, for the word ?2, unless they already are.
const optOutStopSQL = `UPDATE contacts SET opted_out_at = ?1, opted_out_by = 'customer', opted_out_word = ?2
	WHERE channel_id = ?3 AND wa_id = ?4 AND opted_out_at IS NULL`

// optOutStartSQL lifts the contact's opt-out (channel ?2, WhatsApp id
// ?3) unless it was set after their message of ?1 (a late delivery).
const optOutStartSQL = `UPDATE contacts SET opted_out_at = NULL, opted_out_by = NULL, opted_out_word = ''
	WHERE channel_id = ?2 AND wa_id = ?3 AND opted_out_at <= ?1`

// applyOptOut opts the sender of the customer's new message m out of
// marketing or back in when m is a stop or start word, in ingest's
// transaction: the message and its effect are stored together.
func (g *groupCommit) applyOptOut(ctx context.Context, m app.Message) error {
	if m.Type != app.MsgText || m.Text == "" {
		return nil // the matcher turns long texts away at once
	}
	w, err := g.s.optOutWords(ctx)
	if err != nil {
		return err
	}
	switch w.matcher.Match(m.Text) {
	case app.OptOutStop:
		_, err = g.tx.ExecContext(ctx, optOutStopSQL, m.Timestamp.UnixNano(), strings.TrimSpace(m.Text), m.ChannelID, m.From)
	case app.OptOutStart:
		_, err = g.tx.ExecContext(ctx, optOutStartSQL, m.Timestamp.UnixNano(), m.ChannelID, m.From)
	}
	if err != nil {
		return fmt.Errorf("opt-out of %s: %w", m.From, err)
	}
	return nil
}
