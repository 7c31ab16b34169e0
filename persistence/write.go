package persistence

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"
)

// The one write path. Every change the store makes to the database runs
// in a transaction begun here, on the write connection, which nothing
// else touches (TestOneWritePath): write for the store's methods,
// writeRaw for ingest's group commit. Both take the connection through
// writeConn, which numbers the transaction; ingest keeps what it read
// between its transactions only while no other transaction came between
// (see ingestCache), so a writer cannot forget to tell it.

// writeConn takes the write connection, numbers the transaction fn is
// about to run (Store.writeSeq) and calls fn. The pool holds one write
// connection, so the store's write transactions run one at a time, in
// the order of their numbers; a number is taken even when the
// transaction then fails, which only makes ingest read again.
func (s *Store) writeConn(ctx context.Context, fn func(conn *sql.Conn, seq uint64) error) error {
	conn, err := s.rw.Conn(ctx)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer conn.Close()
	return fn(conn, s.writeSeq.Add(1))
}

// write runs fn in one write transaction (BEGIN IMMEDIATE) and commits it,
// or rolls back if fn fails. Every write of the store but ingest's group
// commit goes through it.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	return s.writeConn(ctx, func(conn *sql.Conn, _ uint64) error {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return storageProblem(fmt.Errorf("begin: %w", err))
		}
		if err := fn(tx); err != nil {
			_ = tx.Rollback()
			return storageProblem(err)
		}
		if err := tx.Commit(); err != nil {
			return storageProblem(fmt.Errorf("commit: %w", err))
		}
		return nil
	})
}

// writeRaw runs fn in one write transaction (BEGIN IMMEDIATE) on the
// SQLite driver's connection itself (see rawTx) and commits it, or rolls
// back if fn fails. A connection left inside a transaction is given up
// (driver.ErrBadConn), so that database/sql opens a fresh one.
func (s *Store) writeRaw(ctx context.Context, fn func(tx *rawTx) error) error {
	return s.writeConn(ctx, func(conn *sql.Conn, seq uint64) error {
		return conn.Raw(func(dc any) error {
			c, ok := dc.(*sqlite3.SQLiteConn)
			if !ok {
				return fmt.Errorf("begin: unexpected driver connection %T", dc)
			}
			_, err := c.ExecContext(ctx, "BEGIN IMMEDIATE", nil)
			if err != nil {
				err = fmt.Errorf("begin: %w", err)
			} else if err = fn(&rawTx{conn: c, seq: seq}); err == nil {
				if _, err = c.ExecContext(ctx, "COMMIT", nil); err != nil {
					err = fmt.Errorf("commit: %w", err)
				}
			}
			// A cancelled context can fail a statement that still ran.
			if err != nil && !c.AutoCommit() {
				if _, rbErr := c.ExecContext(context.Background(), "ROLLBACK", nil); rbErr != nil {
					return errors.Join(err, fmt.Errorf("roll back: %w", rbErr), driver.ErrBadConn)
				}
			}
			return err
		})
	})
}
