package persistence

import (
	"context"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// convTotals is what the stored payloads of a group add to one
// conversation.
type convTotals struct {
	last        app.Message // the newest message (the later one on a tie)
	inserted    int
	unread      int       // the customer's messages among them
	lastInbound time.Time // of the customer's messages; zero when none
}

// groupTotals adds up what the stored payloads of a group change in
// conversations and channels, to be written once per group.
type groupTotals struct {
	touched    []app.ChannelID // channels with a stored payload
	convOrder  []int64         // conversations in the order first seen
	convTotals map[int64]*convTotals
}

// keep adds what a stored payload of channel id, which inserted ms,
// contributes. Call it only once the payload is stored for good.
func (t *groupTotals) keep(id app.ChannelID, ms []app.Message) {
	if !containsChannel(t.touched, id) {
		t.touched = append(t.touched, id)
	}
	for _, m := range ms {
		c := t.convTotals[m.ConversationID]
		if c == nil {
			if t.convTotals == nil {
				t.convTotals = map[int64]*convTotals{}
			}
			c = &convTotals{}
			t.convTotals[m.ConversationID] = c
			t.convOrder = append(t.convOrder, m.ConversationID)
		}
		if c.inserted == 0 || !m.Timestamp.Before(c.last.Timestamp) {
			c.last = m
		}
		c.inserted++
		if m.Direction == app.Outbound {
			// Sent from the owner's phone: the owner's own words are not
			// unread, and only the customer opens the 24-hour window (see
			// app.Conversation.WindowOpen).
			continue
		}
		c.unread++
		if m.Timestamp.After(c.lastInbound) {
			c.lastInbound = m.Timestamp
		}
	}
}

// containsChannel reports whether ids holds id.
func containsChannel(ids []app.ChannelID, id app.ChannelID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// eventTimeResolution is how far a channel's recorded last event time may
// lag behind the real one: under load, a commit every few milliseconds
// would otherwise rewrite the channel's row each time, for a time the
// owner sees to the minute ("last one today at 10:42").
const eventTimeResolution = time.Second

// record writes, in tx at now, what the stored payloads add up to: each
// channel's last event time, each conversation's last message time,
// preview, unread count and last inbound time; rows tells and learns the
// conversations' last message times.
// One prepared statement per row is cheaper here than one statement for
// all rows: a statement that changes a single row by its key needs
// neither a statement journal nor a temporary table.
func (t *groupTotals) record(ctx context.Context, tx *rawTx, rows *groupRows, now time.Time) error {
	for _, id := range t.touched {
		// Within eventTimeResolution the row (and its page) is left alone.
		if _, err := tx.ExecContext(ctx, `UPDATE channels SET last_event_at = ?1
			WHERE id = ?2 AND (last_event_at IS NULL OR last_event_at < ?1 - ?3)`,
			now.UnixNano(), id, int64(eventTimeResolution)); err != nil {
			return fmt.Errorf("record event time: %w", err)
		}
	}
	for _, id := range t.convOrder {
		if err := t.convTotals[id].record(ctx, tx, rows, id); err != nil {
			return err
		}
	}
	return nil
}

// unarchiveSQL brings an archived conversation back to the list when
// the statement stores a customer's message (?4, their latest time, is
// not NULL); the owner's own messages (echoes from the phone, sends from
// Parley) leave it archived. A conversation only a broadcast started
// (broadcast_only) joins the list the same way.
const unarchiveSQL = `archived_at = CASE WHEN ?4 IS NULL THEN archived_at ELSE NULL END,
		broadcast_only = CASE WHEN ?4 IS NULL THEN broadcast_only ELSE 0 END`

// touchSameTimeSQL is convTotals.record for messages no newer than the
// conversation's last one (?1): it leaves last_message_at alone, so that
// the inbox index on it is not rewritten. On a tie the later message's
// preview wins, as in touchConversation. It changes no row when the
// conversation's last message time is not ?1.
const touchSameTimeSQL = `UPDATE conversations SET last_preview = ?2, unread = unread + ?3,
		last_inbound_at = CASE WHEN ?4 IS NULL THEN last_inbound_at ELSE MAX(COALESCE(last_inbound_at, ?4), ?4) END,
		` + unarchiveSQL + `
	WHERE id = ?5 AND last_message_at = ?1`

// touchOlderSQL is convTotals.record for messages older than the
// conversation's last one (later than ?1); it changes no row otherwise.
// It takes the same arguments as touchSameTimeSQL (?2 is unused).
const touchOlderSQL = `UPDATE conversations SET unread = unread + ?3,
		last_inbound_at = CASE WHEN ?4 IS NULL THEN last_inbound_at ELSE MAX(COALESCE(last_inbound_at, ?4), ?4) END,
		` + unarchiveSQL + `
	WHERE id = ?5 AND last_message_at > ?1`

// record writes what the group's stored messages add to the
// conversation id. When the time of its last message is known (rows)
// and these are no newer, a statement that leaves that time (and the
// inbox index on it) alone is tried first; it checks the time itself, and
// when it changes nothing touchConversation does it all.
func (c *convTotals) record(ctx context.Context, tx *rawTx, rows *groupRows, id int64) error {
	at := c.last.Timestamp.UnixNano()
	var inbound any // NULL: no customer message, the window stays
	if !c.lastInbound.IsZero() {
		inbound = c.lastInbound.UnixNano()
	}
	stored, known := rows.lastMessageAt(id)
	var query string
	switch {
	case known && stored != 0 && stored == at:
		query = touchSameTimeSQL
	case known && stored != 0 && stored > at:
		query = touchOlderSQL
	}
	if query != "" {
		res, err := tx.ExecContext(ctx, query, at, app.Summary(c.last), c.unread, inbound, id)
		if err != nil {
			return fmt.Errorf("update conversation %d: %w", id, err)
		}
		if n, err := res.RowsAffected(); err == nil && n == 1 {
			return nil // the last message time stays
		}
		known = false // the time was not what rows knew
	}
	if err := touchConversation(ctx, tx, id, c.last, c.unread, inbound); err != nil {
		return err
	}
	if known {
		rows.known.lastMessageAt[id] = max(stored, at) // stored 0: none before
	} else {
		rows.known.lastMessageAt[id] = unknownTime
	}
	return nil
}
