package persistence

import (
	"context"
	"database/sql/driver"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
)

// waKey names one customer of one channel.
type waKey struct {
	channel app.ChannelID
	waID    string
}

// contactState is what a group transaction knows about a contact row.
type contactState struct {
	exists bool
	name   string
}

// undoEntry restores one entry of ingestGroup.known when the payload
// that changed it is rolled back.
type undoEntry struct {
	key     waKey
	isConv  bool
	had     bool // known held an entry before the change
	contact contactState
	conv    int64
}

// ingestGroup is the state of one group commit. It knows which
// channels, contacts and conversations exist (from earlier groups, or
// read once for the whole group, then kept up to date by the group's own
// writes, which are the only ones inside its transaction), so a payload
// writes only rows that are new or change. It also adds up what stored
// payloads change in conversations, contacts and channels, written once
// by finish.
type ingestGroup struct {
	tx  *rawTx
	now time.Time

	base  *knownRows  // valid rows from earlier groups, never changed; may be nil
	known *knownRows  // what this group read or wrote; comes before base
	undo  []undoEntry // changes to known by the current payload

	// failed is set when the transaction itself can no longer be used.
	failed error

	// totals is what the stored payloads add up to.
	totals groupTotals
}

// newIngestGroup starts the state of one group commit in tx at now, on
// top of base (which may be nil).
func newIngestGroup(tx *rawTx, now time.Time, base *knownRows) *ingestGroup {
	return &ingestGroup{tx: tx, now: now, base: base, known: newKnownRows()}
}

// channel returns whether the channel exists, if known.
func (g *ingestGroup) channel(id app.ChannelID) (exists, ok bool) {
	if exists, ok = g.known.channels[id]; ok || g.base == nil {
		return exists, ok
	}
	exists, ok = g.base.channels[id]
	return exists, ok
}

// contact returns the state of the contact k, if known.
func (g *ingestGroup) contact(k waKey) (contactState, bool) {
	if st, ok := g.known.contacts[k]; ok || g.base == nil {
		return st, ok
	}
	st, ok := g.base.contacts[k]
	return st, ok
}

// unknownTime in knownRows.lastMessageAt means that the time is not
// known (any more).
const unknownTime = -1

// lastMessageAt returns the time of the conversation's last message
// (Unix nanoseconds, 0 when none), if known.
func (g *ingestGroup) lastMessageAt(convID int64) (int64, bool) {
	at, ok := g.known.lastMessageAt[convID]
	if !ok && g.base != nil {
		at, ok = g.base.lastMessageAt[convID]
	}
	return at, ok && at != unknownTime
}

// conv returns the ID of the conversation with k (0: none), if known.
func (g *ingestGroup) conv(k waKey) (int64, bool) {
	if id, ok := g.known.convs[k]; ok || g.base == nil {
		return id, ok
	}
	id, ok := g.base.convs[k]
	return id, ok
}

// prepare reads, in one query, which of the channels, contacts and
// conversations the items name exist, and, if prune, drops early
// statuses that expired. Both concern the whole group, not one payload.
func (g *ingestGroup) prepare(ctx context.Context, items []IngestItem, prune bool) error {
	seen := map[waKey]struct{}{}
	var keys []waKey
	add := func(k waKey) {
		if _, ok := seen[k]; ok {
			return
		}
		seen[k] = struct{}{}
		_, contact := g.contact(k)
		_, conv := g.conv(k)
		if _, channel := g.channel(k.channel); !channel || (k.waID != "" && !(contact && conv)) {
			keys = append(keys, k)
		}
	}
	for _, it := range items {
		add(waKey{channel: it.ChannelID}) // the channel itself
		for _, c := range it.Batch.Contacts {
			add(waKey{it.ChannelID, c.WAID})
		}
		for _, m := range it.Batch.Messages {
			add(waKey{it.ChannelID, m.From})
		}
	}
	if err := g.lookup(ctx, keys); err != nil {
		return err
	}
	if !prune {
		return nil
	}
	if _, err := g.tx.ExecContext(ctx, `DELETE FROM early_statuses WHERE received_at < ?`,
		g.now.Add(-earlyStatusTTL).UnixNano()); err != nil {
		return fmt.Errorf("prune early statuses: %w", err)
	}
	return nil
}

// lookupSQL reads, for VALUES rows of (channel ID, WhatsApp id), whether
// each channel exists and the contact's and conversation's rows.
const lookupSQL = `WITH j (channel_id, wa_id) AS (VALUES %s)
	SELECT j.channel_id, j.wa_id, c.id IS NOT NULL, k.id IS NOT NULL, COALESCE(k.name, ''),
		COALESCE(v.id, 0), COALESCE(v.last_message_at, 0)
	FROM j
	LEFT JOIN channels AS c ON c.id = j.channel_id
	LEFT JOIN contacts AS k ON k.channel_id = j.channel_id AND k.wa_id = j.wa_id
	LEFT JOIN conversations AS v ON v.channel_id = j.channel_id AND v.wa_id = j.wa_id`

// lookup reads what the database holds for keys into g.known. A key
// with an empty WhatsApp id only tells whether its channel exists.
func (g *ingestGroup) lookup(ctx context.Context, keys []waKey) error {
	if len(keys) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k.channel, k.waID)
	}
	// Padding repeats a key, which only reads it twice.
	err := bulk(args, 2, args[:2], func(rows int, args []any) error {
		return g.lookupRows(ctx, fmt.Sprintf(lookupSQL, valuesList(rows, 2)), args)
	})
	if err != nil {
		return fmt.Errorf("look up contacts: %w", err)
	}
	return nil
}

// lookupRows runs one lookup statement and records what it read.
func (g *ingestGroup) lookupRows(ctx context.Context, query string, args []any) error {
	return g.tx.query(ctx, query, args, func(row []driver.Value) error {
		channel, ok1 := row[0].(int64)
		waID, ok2 := row[1].(string)
		name, ok3 := row[4].(string)
		if !ok1 || !ok2 || !ok3 {
			return fmt.Errorf("unexpected lookup row %v", row)
		}
		k := waKey{app.ChannelID(channel), waID}
		g.known.channels[k.channel] = row[2] == int64(1)
		g.known.contacts[k] = contactState{exists: row[3] == int64(1), name: name}
		g.known.convs[k] = intValue(row[5])
		if id := intValue(row[5]); id != 0 {
			g.known.lastMessageAt[id] = intValue(row[6])
		}
		return nil
	})
}

// intValue returns v if it is an int64, else 0.
func intValue(v driver.Value) int64 {
	n, _ := v.(int64)
	return n
}

// channelExists reports whether the channel exists.
func (g *ingestGroup) channelExists(ctx context.Context, id app.ChannelID) (bool, error) {
	if exists, ok := g.channel(id); ok {
		return exists, nil
	}
	if err := g.lookup(ctx, []waKey{{channel: id}}); err != nil {
		g.failed = err
		return false, err
	}
	exists, _ := g.channel(id)
	return exists, nil
}

// saveContact creates the contact or renames it when name is not empty
// and differs; a contact that exists with that name is left alone.
func (g *ingestGroup) saveContact(ctx context.Context, id app.ChannelID, waID, name string) error {
	k := waKey{id, waID}
	st, ok := g.contact(k)
	if !ok {
		if err := g.lookup(ctx, []waKey{k}); err != nil {
			return err
		}
		st, _ = g.contact(k)
	}
	if st.exists && (name == "" || name == st.name) {
		return nil
	}
	if err := upsertContact(ctx, g.tx, id, waID, name); err != nil {
		return err
	}
	old, had := g.known.contacts[k]
	g.undo = append(g.undo, undoEntry{key: k, had: had, contact: old})
	if name != "" {
		st.name = name
	}
	st.exists = true
	g.known.contacts[k] = st
	return nil
}

// conversation returns the ID of the conversation with waID, creating
// it.
func (g *ingestGroup) conversation(ctx context.Context, id app.ChannelID, waID string) (int64, error) {
	k := waKey{id, waID}
	convID, ok := g.conv(k)
	if !ok {
		if err := g.lookup(ctx, []waKey{k}); err != nil {
			return 0, err
		}
		convID, _ = g.conv(k)
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
		if err := g.lookup(ctx, []waKey{k}); err != nil {
			return 0, err
		}
		if convID, _ = g.conv(k); convID == 0 {
			return 0, fmt.Errorf("save conversation with %s: not stored", waID)
		}
		return convID, nil
	}
	if convID, err = res.LastInsertId(); err != nil {
		return 0, fmt.Errorf("save conversation with %s: %w", waID, err)
	}
	old, had := g.known.convs[k]
	g.undo = append(g.undo, undoEntry{key: k, isConv: true, had: had, conv: old})
	g.known.convs[k] = convID
	g.known.lastMessageAt[convID] = 0 // no message yet
	return convID, nil
}

// revert undoes the changes to g.known of a payload that was rolled
// back; what base says holds again.
func (g *ingestGroup) revert() {
	for i := len(g.undo) - 1; i >= 0; i-- {
		u := g.undo[i]
		switch {
		case !u.had && u.isConv:
			delete(g.known.convs, u.key)
		case !u.had:
			delete(g.known.contacts, u.key)
		case u.isConv:
			g.known.convs[u.key] = u.conv
		default:
			g.known.contacts[u.key] = u.contact
		}
	}
	g.undo = g.undo[:0]
}

// exec runs a statement without arguments that the transaction needs
// (a savepoint); when it fails, it sets g.failed and returns false.
func (g *ingestGroup) exec(ctx context.Context, query string) bool {
	if _, err := g.tx.ExecContext(ctx, query); err != nil {
		g.failed = fmt.Errorf("%s: %w", query, err)
		return false
	}
	return true
}
