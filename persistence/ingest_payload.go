package persistence

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// ingestPayload writes the rows of one payload: contacts, conversations
// and messages, statuses, template and other provider events, and the
// channel's account health. What the
// messages add to their conversations and contacts is left to the group
// (groupCommit.finish).
func (g *groupCommit) ingestPayload(ctx context.Context, id app.ChannelID, b app.InboundBatch) ([]app.Message, error) {
	for _, c := range b.Contacts {
		if c.WAID == "" {
			continue // a profile without an id names nobody
		}
		if err := g.saveContact(ctx, id, c.WAID, c.Name); err != nil {
			return nil, err
		}
	}
	inserted, err := g.ingestMessages(ctx, id, b.Messages)
	if err != nil {
		return nil, err
	}
	if inserted, err = g.ingestEchoes(ctx, id, b.Echoes, inserted); err != nil {
		return nil, err
	}
	for _, pc := range b.PhoneContacts {
		if err := g.savePhoneContact(ctx, id, pc); err != nil {
			return nil, err
		}
	}
	for _, st := range b.Statuses {
		if err := ingestStatus(ctx, g.tx, id, st, g.now); err != nil {
			return nil, err
		}
	}
	for _, te := range b.Templates {
		if err := ingestTemplateEvent(ctx, g.tx, id, te, g.now); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Errors {
		if err := insertProviderEvent(ctx, g.tx, id, EventError, e, g.now); err != nil {
			return nil, err
		}
	}
	for _, e := range b.Other {
		if err := insertProviderEvent(ctx, g.tx, id, EventOther, e, g.now); err != nil {
			return nil, err
		}
	}
	if err := ingestHealth(ctx, g.tx, id, b.Health); err != nil {
		return nil, err
	}
	return inserted, nil
}

// saveContact creates the contact or renames it when name is not empty
// and differs; a contact that exists with that name is left alone.
func (g *groupCommit) saveContact(ctx context.Context, id app.ChannelID, waID, name string) error {
	k := waKey{id, waID}
	st, ok := g.rows.contact(k)
	if !ok {
		if err := g.rows.lookup(ctx, g.tx, []waKey{k}); err != nil {
			return err
		}
		st, _ = g.rows.contact(k)
	}
	if st.exists && (name == "" || name == st.name) {
		return nil
	}
	if err := upsertContact(ctx, g.tx, id, waID, name); err != nil {
		return err
	}
	if name != "" {
		st.name = name
	}
	st.exists = true
	g.rows.wroteContact(k, st)
	return nil
}

// insertInboundSQL adds an inbound message (or an echo) unless its
// WhatsApp id is already stored (then it changes no row). Unlike insertMessageSQL it
// returns nothing: the new ID is the last inserted row ID, which spares
// the driver a query per message.
const insertInboundSQL = `INSERT INTO messages (channel_id, conversation_id, wa_message_id, direction, type, raw_type,
	sender, text, payload, media, location, contacts, reply_to, forwarded, timestamp, state, error_code, error_text, template,
	from_phone, referral, product, pricing)
	VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
	ON CONFLICT (channel_id, wa_message_id) DO NOTHING`

// ingestMessages inserts new inbound messages, creating their senders'
// contacts and conversations when needed, and queues their attachments
// to be saved (see DueMediaDownloads).
func (g *groupCommit) ingestMessages(ctx context.Context, id app.ChannelID, msgs []app.Message) ([]app.Message, error) {
	var inserted []app.Message
	for _, m := range msgs {
		convID, err := g.senderConversation(ctx, id, m.From)
		if err != nil {
			return nil, err
		}
		m, err = g.insertNew(ctx, normalizeInbound(m, id, convID, g.now), "message")
		if err != nil {
			return nil, err
		}
		if m.ID == 0 {
			continue // already stored: a retried webhook
		}
		if err := queueMedia(ctx, g.tx, m, g.now); err != nil {
			return nil, err
		}
		if err := g.applyOptOut(ctx, m); err != nil {
			return nil, err
		}
		inserted = append(inserted, m)
	}
	return inserted, nil
}

// insertNew stores m unless its WhatsApp id is already stored, and
// returns it with its new ID; the ID stays 0 for a message stored before
// (a retried webhook). what names it in errors.
func (g *groupCommit) insertNew(ctx context.Context, m app.Message, what string) (app.Message, error) {
	m.ID = 0
	args, err := messageArgs(m)
	if err != nil {
		return m, err
	}
	res, err := g.tx.ExecContext(ctx, insertInboundSQL, args...)
	if err != nil {
		return m, fmt.Errorf("%s %s: %w", what, m.WAMessageID, err)
	}
	n, err := res.RowsAffected()
	if err == nil && n == 0 {
		return m, nil
	}
	if err == nil {
		m.ID, err = res.LastInsertId()
	}
	if err != nil {
		return m, fmt.Errorf("%s %s: %w", what, m.WAMessageID, err)
	}
	return m, nil
}

// senderConversation returns the conversation with the sender waID,
// creating it and the contact (which keeps the name) when needed: a
// sender the payload's contacts list left out gets a contact too.
func (g *groupCommit) senderConversation(ctx context.Context, id app.ChannelID, waID string) (int64, error) {
	if err := g.saveContact(ctx, id, waID, ""); err != nil {
		return 0, err
	}
	return g.conversation(ctx, id, waID)
}

// conversation returns the ID of the conversation with waID, creating
// it.
func (g *groupCommit) conversation(ctx context.Context, id app.ChannelID, waID string) (int64, error) {
	k := waKey{id, waID}
	convID, ok := g.rows.conv(k)
	if !ok {
		if err := g.rows.lookup(ctx, g.tx, []waKey{k}); err != nil {
			return 0, err
		}
		convID, _ = g.rows.conv(k)
	}
	if convID != 0 {
		return convID, nil
	}
	res, err := g.tx.ExecContext(ctx, `INSERT INTO conversations (channel_id, wa_id) VALUES (?, ?)
		ON CONFLICT (channel_id, wa_id) DO NOTHING`, id, waID)
	if err != nil {
		return 0, fmt.Errorf("save conversation with %s: %w", waID, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		// Somebody else's row after all: read it.
		if err := g.rows.lookup(ctx, g.tx, []waKey{k}); err != nil {
			return 0, err
		}
		if convID, _ = g.rows.conv(k); convID == 0 {
			return 0, fmt.Errorf("save conversation with %s: not stored", waID)
		}
		return convID, nil
	}
	if convID, err = res.LastInsertId(); err != nil {
		return 0, fmt.Errorf("save conversation with %s: %w", waID, err)
	}
	g.rows.wroteConv(k, convID)
	return convID, nil
}

// normalizeInbound fills what an inbound message must have.
func normalizeInbound(m app.Message, id app.ChannelID, convID int64, now time.Time) app.Message {
	m.ID = 0
	m.ChannelID = id
	m.ConversationID = convID
	m.Direction = app.Inbound
	if m.State == "" {
		m.State = app.StateReceived
	}
	if m.Type == "" {
		m.Type = app.MsgUnsupported
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = now
	}
	return m
}

// ingestEchoes inserts the new messages the owner sent from the WhatsApp
// Business app on their phone as outbound messages of the customer's
// conversation, creating it when needed, and appends them to inserted.
// A status of an echo that arrived before the echo itself moves it on
// at once. Later statuses find it by its WhatsApp id like any message
// Parley sent.
func (g *groupCommit) ingestEchoes(ctx context.Context, id app.ChannelID, echoes []app.Message, inserted []app.Message) ([]app.Message, error) {
	for _, m := range echoes {
		if m.To == "" {
			continue // the parser files these as notices
		}
		convID, err := g.senderConversation(ctx, id, m.To)
		if err != nil {
			return nil, err
		}
		m, err = g.insertNew(ctx, normalizeEcho(m, id, convID, g.now), "message from the phone")
		if err != nil {
			return nil, err
		}
		if m.ID == 0 {
			continue // already stored: a retried webhook
		}
		if err := applyEarlyEchoStatus(ctx, g.tx, id, m.ID, m.WAMessageID); err != nil {
			return nil, err
		}
		inserted = append(inserted, m)
	}
	return inserted, nil
}

// applyEarlyEchoStatusSQL moves message ?3 to the furthest status kept
// for its WhatsApp id ?2 of channel ?1, if that is progress.
var applyEarlyEchoStatusSQL = `UPDATE messages SET state = e.state,
		error_code = CASE WHEN e.state = 'failed' THEN e.error_code ELSE 0 END,
		error_text = CASE WHEN e.state = 'failed' THEN e.error_text ELSE '' END
	FROM (SELECT state, error_code, error_text FROM early_statuses WHERE channel_id = ?1 AND wa_message_id = ?2
		ORDER BY ` + rankOf("state") + ` DESC LIMIT 1) AS e
	WHERE messages.id = ?3 AND ` + rankOf("e.state") + ` > ` + rankOf("messages.state")

// applyEarlyEchoStatus applies and forgets the statuses of an echo that
// arrived before it.
func applyEarlyEchoStatus(ctx context.Context, tx execer, id app.ChannelID, msgID int64, waID string) error {
	if _, err := tx.ExecContext(ctx, applyEarlyEchoStatusSQL, id, waID, msgID); err != nil {
		return fmt.Errorf("apply early status of %s: %w", waID, err)
	}
	if _, err := tx.ExecContext(ctx, applyEarlyPricingSQL, id, waID, msgID); err != nil {
		return fmt.Errorf("apply early pricing of %s: %w", waID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM early_statuses WHERE channel_id = ? AND wa_message_id = ?`, id, waID); err != nil {
		return fmt.Errorf("forget early statuses of %s: %w", waID, err)
	}
	return nil
}

// normalizeEcho fills what a message sent from the phone must have.
func normalizeEcho(m app.Message, id app.ChannelID, convID int64, now time.Time) app.Message {
	m.ID = 0
	m.ChannelID = id
	m.ConversationID = convID
	m.Direction = app.Outbound
	m.FromPhone = true
	m.From = ""
	if m.State == "" {
		m.State = app.StateSent
	}
	if m.Type == "" {
		m.Type = app.MsgUnsupported
	}
	if m.Timestamp.IsZero() {
		m.Timestamp = now
	}
	return m
}

// savePhoneContact applies one change to the owner's phone contacts: an
// addition or edit keeps the name the owner saved (creating the contact,
// but no conversation, when needed); a removal forgets it, and the
// contact and conversation stay with their WhatsApp profile name.
func (g *groupCommit) savePhoneContact(ctx context.Context, id app.ChannelID, pc app.PhoneContact) error {
	if pc.WAID == "" {
		return nil
	}
	if pc.Removed {
		if _, err := g.tx.ExecContext(ctx, `UPDATE contacts SET phone_name = '' WHERE channel_id = ? AND wa_id = ? AND phone_name <> ''`,
			id, pc.WAID); err != nil {
			return fmt.Errorf("forget the phone name of %s: %w", pc.WAID, err)
		}
		return nil
	}
	if pc.Name == "" {
		return g.saveContact(ctx, id, pc.WAID, "")
	}
	k := waKey{id, pc.WAID}
	st, ok := g.rows.contact(k)
	if !ok {
		if err := g.rows.lookup(ctx, g.tx, []waKey{k}); err != nil {
			return err
		}
		st, _ = g.rows.contact(k)
	}
	if _, err := g.tx.ExecContext(ctx, `INSERT INTO contacts (channel_id, wa_id, phone_name) VALUES (?, ?, ?)
		ON CONFLICT (channel_id, wa_id) DO UPDATE SET phone_name = excluded.phone_name`, id, pc.WAID, pc.Name); err != nil {
		return fmt.Errorf("save the phone name of %s: %w", pc.WAID, err)
	}
	if !st.exists {
		st.exists = true
		g.rows.wroteContact(k, st)
	}
	return nil
}
