package persistence

import (
	"context"
	"database/sql/driver"
	"fmt"

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

// knownRows is what ingest knows about rows it reads: whether channels
// exist, and for customers (channel and WhatsApp id) the contact row
// and the ID of the conversation (0: none yet), and for conversations
// the time of their last message (Unix nanoseconds, 0 when none).
type knownRows struct {
	channels      map[app.ChannelID]bool
	contacts      map[waKey]contactState
	convs         map[waKey]int64
	lastMessageAt map[int64]int64
}

// newKnownRows returns an empty knownRows.
func newKnownRows() *knownRows {
	return &knownRows{
		channels:      map[app.ChannelID]bool{},
		contacts:      map[waKey]contactState{},
		convs:         map[waKey]int64{},
		lastMessageAt: map[int64]int64{},
	}
}

// merge copies everything from o into r.
func (r *knownRows) merge(o *knownRows) {
	for k, v := range o.channels {
		r.channels[k] = v
	}
	for k, v := range o.contacts {
		r.contacts[k] = v
	}
	for k, v := range o.convs {
		r.convs[k] = v
	}
	for k, v := range o.lastMessageAt {
		r.lastMessageAt[k] = v
	}
}

// undoEntry restores one entry of groupRows.known when the payload that
// changed it is rolled back.
type undoEntry struct {
	key     waKey
	isConv  bool
	had     bool // known held an entry before the change
	contact contactState
	conv    int64
}

// groupRows is what one group commit knows about the channels, contacts
// and conversations it reads: from earlier groups (base), or read once
// for the whole group, then kept up to date by the group's own writes,
// which are the only ones inside its transaction. A payload then writes
// only rows that are new or change.
type groupRows struct {
	base  *knownRows  // valid rows from earlier groups, never changed; may be nil
	known *knownRows  // what this group read or wrote; comes before base
	undo  []undoEntry // changes to known by the current payload
}

// newGroupRows starts on top of base (which may be nil).
func newGroupRows(base *knownRows) groupRows {
	return groupRows{base: base, known: newKnownRows()}
}

// channel returns whether the channel exists, if known.
func (r *groupRows) channel(id app.ChannelID) (exists, ok bool) {
	if exists, ok = r.known.channels[id]; ok || r.base == nil {
		return exists, ok
	}
	exists, ok = r.base.channels[id]
	return exists, ok
}

// contact returns the state of the contact k, if known.
func (r *groupRows) contact(k waKey) (contactState, bool) {
	if st, ok := r.known.contacts[k]; ok || r.base == nil {
		return st, ok
	}
	st, ok := r.base.contacts[k]
	return st, ok
}

// conv returns the ID of the conversation with k (0: none), if known.
func (r *groupRows) conv(k waKey) (int64, bool) {
	if id, ok := r.known.convs[k]; ok || r.base == nil {
		return id, ok
	}
	id, ok := r.base.convs[k]
	return id, ok
}

// unknownTime in knownRows.lastMessageAt means that the time is not
// known (any more).
const unknownTime = -1

// lastMessageAt returns the time of the conversation's last message
// (Unix nanoseconds, 0 when none), if known.
func (r *groupRows) lastMessageAt(convID int64) (int64, bool) {
	at, ok := r.known.lastMessageAt[convID]
	if !ok && r.base != nil {
		at, ok = r.base.lastMessageAt[convID]
	}
	return at, ok && at != unknownTime
}

// wroteContact records that the current payload wrote the contact k,
// which is now st.
func (r *groupRows) wroteContact(k waKey, st contactState) {
	old, had := r.known.contacts[k]
	r.undo = append(r.undo, undoEntry{key: k, had: had, contact: old})
	r.known.contacts[k] = st
}

// wroteConv records that the current payload created the conversation
// convID with k, which has no message yet.
func (r *groupRows) wroteConv(k waKey, convID int64) {
	old, had := r.known.convs[k]
	r.undo = append(r.undo, undoEntry{key: k, isConv: true, had: had, conv: old})
	r.known.convs[k] = convID
	r.known.lastMessageAt[convID] = 0
}

// stored forgets how to undo the current payload, which is stored for
// good.
func (r *groupRows) stored() {
	r.undo = r.undo[:0]
}

// revert undoes the changes to known of a payload that was rolled back;
// what base says holds again.
func (r *groupRows) revert() {
	for i := len(r.undo) - 1; i >= 0; i-- {
		u := r.undo[i]
		switch {
		case !u.had && u.isConv:
			delete(r.known.convs, u.key)
		case !u.had:
			delete(r.known.contacts, u.key)
		case u.isConv:
			r.known.convs[u.key] = u.conv
		default:
			r.known.contacts[u.key] = u.contact
		}
	}
	r.undo = r.undo[:0]
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

// lookup reads what the database holds for keys, in tx, into known. A
// key with an empty WhatsApp id only tells whether its channel exists.
func (r *groupRows) lookup(ctx context.Context, tx *rawTx, keys []waKey) error {
	if len(keys) == 0 {
		return nil
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k.channel, k.waID)
	}
	// Padding repeats a key, which only reads it twice.
	err := bulk(args, 2, args[:2], func(rows int, args []any) error {
		return tx.query(ctx, fmt.Sprintf(lookupSQL, valuesList(rows, 2)), args, r.lookedUp)
	})
	if err != nil {
		return fmt.Errorf("look up contacts: %w", err)
	}
	return nil
}

// lookedUp records one row that lookupSQL read.
func (r *groupRows) lookedUp(row []driver.Value) error {
	channel, ok1 := row[0].(int64)
	waID, ok2 := row[1].(string)
	name, ok3 := row[4].(string)
	if !ok1 || !ok2 || !ok3 {
		return fmt.Errorf("unexpected lookup row %v", row)
	}
	k := waKey{app.ChannelID(channel), waID}
	r.known.channels[k.channel] = row[2] == int64(1)
	r.known.contacts[k] = contactState{exists: row[3] == int64(1), name: name}
	r.known.convs[k] = intValue(row[5])
	if id := intValue(row[5]); id != 0 {
		r.known.lastMessageAt[id] = intValue(row[6])
	}
	return nil
}

// intValue returns v if it is an int64, else 0.
func intValue(v driver.Value) int64 {
	n, _ := v.(int64)
	return n
}
