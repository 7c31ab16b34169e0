package persistence

import (
	"context"
	"database/sql"
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
	exists      bool
	name        string
	lastInbound int64 // Unix nanoseconds; 0 when never
}

// undoEntry restores one entry of a group's caches when the payload that
// changed it is rolled back.
type undoEntry struct {
	key     waKey
	isConv  bool
	had     bool // the cache held an entry before the change
	contact contactState
	conv    int64
}

// ingestGroup is the state of one group commit. It caches which
// channels, contacts and conversations exist (read once for the whole
// group, then kept up to date by the group's own writes, which are the
// only ones inside its transaction), so a payload writes only rows that
// are new or change. It also adds up what stored payloads change in
// conversations, contacts and channels, written once by finish.
type ingestGroup struct {
	tx  *sql.Tx
	now time.Time

	channels map[app.ChannelID]bool
	contacts map[waKey]contactState
	convs    map[waKey]int64 // 0: no conversation yet
	undo     []undoEntry     // cache changes of the current payload

	// failed is set when the transaction itself can no longer be used.
	failed error

	// totals is what the stored payloads add up to.
	totals groupTotals
}

// newIngestGroup starts the state of one group commit in tx at now.
func newIngestGroup(tx *sql.Tx, now time.Time) *ingestGroup {
	return &ingestGroup{
		tx:       tx,
		now:      now,
		channels: map[app.ChannelID]bool{},
		contacts: map[waKey]contactState{},
		convs:    map[waKey]int64{},
	}
}

// prepare reads, in one query, which of the channels, contacts and
// conversations the items name exist, and, if prune, drops early
// statuses that expired. Both concern the whole group, not one payload.
func (g *ingestGroup) prepare(ctx context.Context, items []IngestItem, prune bool) error {
	seen := map[waKey]struct{}{}
	var keys []waKey
	add := func(k waKey) {
		if _, ok := seen[k]; !ok {
			seen[k] = struct{}{}
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
		COALESCE(k.last_inbound_at, 0), COALESCE(v.id, 0)
	FROM j
	LEFT JOIN channels AS c ON c.id = j.channel_id
	LEFT JOIN contacts AS k ON k.channel_id = j.channel_id AND k.wa_id = j.wa_id
	LEFT JOIN conversations AS v ON v.channel_id = j.channel_id AND v.wa_id = j.wa_id`

// lookup fills the caches for keys. A key with an empty WhatsApp id
// only tells whether its channel exists.
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

// lookupRows runs one lookup statement and fills the caches.
func (g *ingestGroup) lookupRows(ctx context.Context, query string, args []any) error {
	rows, err := g.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var k waKey
		var channel bool
		var st contactState
		var convID int64
		if err := rows.Scan(&k.channel, &k.waID, &channel, &st.exists, &st.name, &st.lastInbound, &convID); err != nil {
			return err
		}
		g.channels[k.channel] = channel
		g.contacts[k] = st
		g.convs[k] = convID
	}
	return rows.Err()
}

// channelExists reports whether the channel exists.
func (g *ingestGroup) channelExists(ctx context.Context, id app.ChannelID) (bool, error) {
	if exists, ok := g.channels[id]; ok {
		return exists, nil
	}
	if err := g.lookup(ctx, []waKey{{channel: id}}); err != nil {
		g.failed = err
		return false, err
	}
	return g.channels[id], nil
}

// saveContact creates the contact or renames it when name is not empty
// and differs; a contact that exists with that name is left alone.
func (g *ingestGroup) saveContact(ctx context.Context, id app.ChannelID, waID, name string) error {
	k := waKey{id, waID}
	st, had := g.contacts[k]
	if !had {
		if err := g.lookup(ctx, []waKey{k}); err != nil {
			return err
		}
		st = g.contacts[k]
	}
	if st.exists && (name == "" || name == st.name) {
		return nil
	}
	if err := upsertContact(ctx, g.tx, id, waID, name); err != nil {
		return err
	}
	g.undo = append(g.undo, undoEntry{key: k, had: had, contact: st})
	if name != "" {
		st.name = name
	}
	st.exists = true
	g.contacts[k] = st
	return nil
}

// conversation returns the ID of the conversation with waID, creating
// it.
func (g *ingestGroup) conversation(ctx context.Context, id app.ChannelID, waID string) (int64, error) {
	k := waKey{id, waID}
	convID, had := g.convs[k]
	if !had {
		if err := g.lookup(ctx, []waKey{k}); err != nil {
			return 0, err
		}
		convID = g.convs[k]
	}
	if convID != 0 {
		return convID, nil
	}
	res, err := g.tx.ExecContext(ctx, `INSERT INTO conversations (channel_id, wa_id) VALUES (?, ?)
		ON CONFLICT (channel_id, wa_id) DO NOTHING`, id, waID)
	if err != nil {
		return 0, fmt.Errorf("save conversation with %s: %w", waID, err)
	}
	if n, err := res.RowsAffected(); err == nil && n == 1 {
		convID, err = res.LastInsertId()
		if err != nil {
			return 0, fmt.Errorf("save conversation with %s: %w", waID, err)
		}
	} else if convID, err = ensureConversation(ctx, g.tx, id, waID); err != nil {
		return 0, err
	}
	g.undo = append(g.undo, undoEntry{key: k, isConv: true, had: had})
	g.convs[k] = convID
	return convID, nil
}

// revert undoes the cache changes of a payload that was rolled back.
func (g *ingestGroup) revert() {
	for i := len(g.undo) - 1; i >= 0; i-- {
		u := g.undo[i]
		switch {
		case !u.had && u.isConv:
			delete(g.convs, u.key)
		case !u.had:
			delete(g.contacts, u.key)
		case u.isConv:
			g.convs[u.key] = u.conv
		default:
			g.contacts[u.key] = u.contact
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
