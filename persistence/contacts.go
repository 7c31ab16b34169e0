package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// contactCardColumns are the columns of a contact card, from
// conversationFrom. The first and last contact are the times of the
// conversation's first and last stored message: two steps down the index
// messages_conversation each, however long the conversation.
const contactCardColumns = `v.id, v.channel_id, v.wa_id, COALESCE(k.name, ''), COALESCE(k.phone_name, ''),
	COALESCE(k.custom_name, ''), COALESCE(k.notes, ''), COALESCE(k.email, ''), COALESCE(k.birthday, ''),
	COALESCE(k.address, ''), k.updated_at,
	k.opted_out_at, COALESCE(k.opted_out_by, ''), COALESCE(k.opted_out_word, ''),
	(SELECT m.timestamp FROM messages m WHERE m.conversation_id = v.id ORDER BY m.id LIMIT 1),
	(SELECT m.timestamp FROM messages m WHERE m.conversation_id = v.id ORDER BY m.id DESC LIMIT 1)`

// ContactCard returns the customer of the conversation with the times of
// its first and last message, or app.ErrNotFound.
func (s *Store) ContactCard(ctx context.Context, conversationID int64) (app.ContactCard, error) {
	c, err := scanContactCard(s.ro.QueryRowContext(ctx, `SELECT `+contactCardColumns+` FROM `+conversationFrom+`
		WHERE v.id = ?`, conversationID))
	if err != nil {
		return app.ContactCard{}, fmt.Errorf("read contact of conversation %d: %w", conversationID, err)
	}
	return c, nil
}

// ContactCards returns the customers of every conversation, by channel
// and number.
func (s *Store) ContactCards(ctx context.Context) ([]app.ContactCard, error) {
	cs, err := queryRows(ctx, s.ro, scanContactCard, `SELECT `+contactCardColumns+` FROM `+conversationFrom+`
		ORDER BY v.channel_id, v.wa_id`)
	if err != nil {
		return nil, fmt.Errorf("list contacts: %w", err)
	}
	return cs, nil
}

// SaveContactFields replaces the owner's fields of the conversation's
// customer (creating the contact row if the conversation has none). Only
// the columns custom_name, notes, email, birthday, address and
// updated_at change, which a search index may follow with a trigger.
func (s *Store) SaveContactFields(ctx context.Context, conversationID int64, f app.ContactFields, at time.Time) error {
	birthday := ""
	if !f.Birthday.IsZero() {
		birthday = f.Birthday.Format(app.BirthdayLayout)
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO contacts (channel_id, wa_id, custom_name, notes, email, birthday, address, updated_at)
			SELECT channel_id, wa_id, ?, ?, ?, ?, ?, ? FROM conversations WHERE id = ?
			ON CONFLICT (channel_id, wa_id) DO UPDATE SET custom_name = excluded.custom_name, notes = excluded.notes,
				email = excluded.email, birthday = excluded.birthday, address = excluded.address, updated_at = excluded.updated_at`,
			f.CustomName, f.Notes, f.Email, birthday, f.Address, timeValue(at), conversationID)
		if err != nil {
			return err
		}
		return checkAffected(res, fmt.Sprintf("conversation %d", conversationID))
	})
	if err != nil {
		return fmt.Errorf("save contact of conversation %d: %w", conversationID, err)
	}
	return nil
}

// scanContactCard reads one row of contactCardColumns.
func scanContactCard(r rowScanner) (app.ContactCard, error) {
	var c app.ContactCard
	var birthday string
	var updated, optedOut, first, last sql.NullInt64
	err := r.Scan(&c.ConversationID, &c.ChannelID, &c.WAID, &c.ProfileName, &c.PhoneName,
		&c.CustomName, &c.Notes, &c.Email, &birthday, &c.Address, &updated,
		&optedOut, &c.OptOut.By, &c.OptOut.Word, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return app.ContactCard{}, app.ErrNotFound
	}
	if err != nil {
		return app.ContactCard{}, err
	}
	if birthday != "" {
		if c.Birthday, err = time.Parse(app.BirthdayLayout, birthday); err != nil {
			return app.ContactCard{}, fmt.Errorf("read birthday %q: %w", birthday, err)
		}
	}
	c.UpdatedAt, c.FirstContact, c.LastContact = timeOf(updated), timeOf(first), timeOf(last)
	c.OptOut.At = timeOf(optedOut)
	return c, nil
}
