package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"sync"
	"sync/atomic"
)

// checkpointEveryCommits is how many ingest commits pass between two
// checkpoints in the background: about as many log pages as SQLite's
// default automatic checkpoint (1,000) under load.
const checkpointEveryCommits = 64

// checkpointer copies the write-ahead log into the database file on its
// own connection and goroutine. Left to SQLite, the commit that fills the
// log does it, and waits for the disk twice (fsync): every webhook of
// that group, and every one queued behind it, would wait too. The write
// connection still checkpoints by itself if the log grows past
// walCheckpointPages, should this one fall behind.
type checkpointer struct {
	db      *sql.DB       // a connection of its own, used only here
	kick    chan struct{} // asks for a checkpoint; buffered, never blocks
	done    chan struct{} // receives after each checkpoint; buffered
	stop    chan struct{} // closed by close
	exited  chan struct{} // closed when run returns
	commits atomic.Int64  // commits since the last kick
	closing sync.Once
}

// newCheckpointer starts a checkpointer for the database at path, whose
// write connections use PRAGMA synchronous.
func newCheckpointer(ctx context.Context, path, synchronous string) (*checkpointer, error) {
	db, err := sql.Open("sqlite3", dsn(path, false, synchronous))
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	db.SetMaxIdleConns(1)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, err
	}
	c := &checkpointer{
		db:     db,
		kick:   make(chan struct{}, 1),
		done:   make(chan struct{}, 1),
		stop:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	go c.run()
	return c, nil
}

// committed counts one ingest commit and asks for a checkpoint every
// checkpointEveryCommits.
func (c *checkpointer) committed() {
	if c.commits.Add(1)%checkpointEveryCommits != 0 {
		return
	}
	select {
	case c.kick <- struct{}{}:
	default: // one is pending already
	}
}

// run checkpoints whenever asked, until close.
func (c *checkpointer) run() {
	defer close(c.exited)
	for {
		select {
		case <-c.stop:
			return
		case <-c.kick:
		}
		// A failed checkpoint is simply tried again next time; the log
		// only grows meanwhile.
		_ = c.checkpoint(context.Background())
		select {
		case c.done <- struct{}{}:
		default:
		}
	}
}

// checkpoint copies as much of the log into the database file as readers
// and the writer allow, without waiting for them (PASSIVE).
func (c *checkpointer) checkpoint(ctx context.Context) error {
	var busy, logPages, copied int // as SQLite reports them; unused
	if err := c.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(PASSIVE)`).Scan(&busy, &logPages, &copied); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// close stops the checkpointer and closes its connection.
func (c *checkpointer) close() error {
	c.closing.Do(func() { close(c.stop) })
	<-c.exited
	return c.db.Close()
}
