package persistence

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"sync"

	"github.com/mattn/go-sqlite3"
)

// maxKnownCustomers bounds the customers ingestCache remembers; past it,
// it starts over with the customers of the latest group.
const maxKnownCustomers = 50_000

// ingestCache carries knownRows from one group commit to the next, so
// that a group reads only customers it has not seen before: in a busy
// shop most messages come from people who wrote recently. The rows are
// valid only while nothing else changes the database: any write
// transaction of the store between two groups (their numbers, see
// writeConn, are not consecutive) and every commit by another connection
// or process (PRAGMA data_version of the write connection) makes ingest
// start over.
type ingestCache struct {
	mu    sync.Mutex
	rows  *knownRows // nil when nothing is known
	state cacheState // what the rows are valid for
}

// cacheState is what a group transaction read to validate the cache.
type cacheState struct {
	conn    *sqlite3.SQLiteConn // data_version is per connection
	seq     uint64              // the transaction's number (see writeConn)
	version int64
}

// follows reports whether a transaction in state comes right after the
// one in prev, with nothing committed in between.
func (state cacheState) follows(prev cacheState) bool {
	return state.conn == prev.conn && state.version == prev.version && state.seq == prev.seq+1
}

// open reads, inside the group's transaction tx (which holds the write
// lock, so nobody changes the database meanwhile), what the cache must
// match, and takes the cached rows if they are still valid (else nil).
func (c *ingestCache) open(ctx context.Context, tx *rawTx) (cacheState, *knownRows, error) {
	st := cacheState{conn: tx.conn, seq: tx.seq, version: -1}
	err := tx.query(ctx, `PRAGMA data_version`, nil, func(row []driver.Value) error {
		st.version = intValue(row[0])
		return nil
	})
	if err == nil && st.version < 0 {
		err = errors.New("no answer")
	}
	if err != nil {
		return st, nil, fmt.Errorf("read data version: %w", err)
	}
	return st, c.take(st), nil
}

// take removes and returns the rows if they are valid in state, or
// returns nil.
func (c *ingestCache) take(state cacheState) *knownRows {
	c.mu.Lock()
	defer c.mu.Unlock()
	rows := c.rows
	c.rows = nil
	if !state.follows(c.state) {
		return nil
	}
	return rows
}

// keep keeps what the group in state knew for the next group: after a
// commit, its base rows and what it learned; after a rollback, the base
// rows only (the database is as before); after any other failure,
// nothing (what open took stays taken).
func (c *ingestCache) keep(st cacheState, base, learned *knownRows, committed, rolledBack bool) {
	switch {
	case committed:
		rows := base
		if rows == nil || len(rows.contacts)+len(learned.contacts) > maxKnownCustomers {
			rows = newKnownRows()
		}
		rows.merge(learned)
		c.put(rows, st)
	case rolledBack && base != nil:
		c.put(base, st)
	}
}

// put keeps rows as valid in state.
func (c *ingestCache) put(rows *knownRows, state cacheState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.rows, c.state = rows, state
}
