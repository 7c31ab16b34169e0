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
	lastInbound time.Time
}

// groupTotals adds up what the stored payloads of a group change in
// conversations, contacts and channels, to be written once per group.
type groupTotals struct {
	touched    []app.ChannelID // channels with a stored payload
	convOrder  []int64         // conversations in the order first seen
	convTotals map[int64]*convTotals
	inbound    map[waKey]time.Time // contacts' last inbound times
	inOrder    []waKey
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
				t.inbound = map[waKey]time.Time{}
			}
			c = &convTotals{}
			t.convTotals[m.ConversationID] = c
			t.convOrder = append(t.convOrder, m.ConversationID)
		}
		if c.inserted == 0 || !m.Timestamp.Before(c.last.Timestamp) {
			c.last = m
		}
		c.inserted++
		if m.Timestamp.After(c.lastInbound) {
			c.lastInbound = m.Timestamp
		}
		k := waKey{id, m.From}
		last, ok := t.inbound[k]
		if !ok {
			t.inOrder = append(t.inOrder, k)
		}
		if !ok || m.Timestamp.After(last) {
			t.inbound[k] = m.Timestamp
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

// finish writes what the stored payloads add up to: each channel's last
// event time, each conversation's last message time, preview, unread
// count and last inbound time, and each contact's last inbound time.
// One prepared statement per row is cheaper here than one statement for
// all rows: a statement that changes a single row by its key needs
// neither a statement journal nor a temporary table.
func (g *ingestGroup) finish(ctx context.Context) error {
	t := &g.totals
	for _, id := range t.touched {
		if _, err := g.tx.ExecContext(ctx, `UPDATE channels SET last_event_at = MAX(COALESCE(last_event_at, ?1), ?1) WHERE id = ?2`,
			g.now.UnixNano(), id); err != nil {
			return fmt.Errorf("record event time: %w", err)
		}
	}
	for _, id := range t.convOrder {
		c := t.convTotals[id]
		if err := touchConversation(ctx, g.tx, id, c.last, c.inserted, c.lastInbound.UnixNano()); err != nil {
			return err
		}
	}
	for _, k := range t.inOrder {
		// A contact whose time is already as late is not rewritten.
		at := t.inbound[k].UnixNano()
		if st, ok := g.contacts[k]; ok && st.exists && st.lastInbound >= at {
			continue
		}
		if _, err := g.tx.ExecContext(ctx, `UPDATE contacts SET last_inbound_at = ?1
			WHERE channel_id = ?2 AND wa_id = ?3 AND (last_inbound_at IS NULL OR last_inbound_at < ?1)`,
			at, k.channel, k.waID); err != nil {
			return fmt.Errorf("update contact %s: %w", k.waID, err)
		}
	}
	return nil
}
