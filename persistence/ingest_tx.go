package persistence

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"

	"github.com/mattn/go-sqlite3"
)

// execer runs a statement that returns no rows; *sql.Tx and *rawTx are
// execers.
type execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// rawTx is a write transaction run on the SQLite driver's connection
// itself. Ingest runs many small statements per group commit; going
// around database/sql spares each statement its bookkeeping, and each
// transaction and query a goroutine. Statements are still prepared once
// and reused (the driver's statement cache).
type rawTx struct {
	conn *sqlite3.SQLiteConn
	seq  uint64              // the transaction's number (see writeConn)
	args []driver.NamedValue // reused by every statement
}

// ExecContext runs query with args.
func (t *rawTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	named, err := t.named(args)
	if err != nil {
		return nil, err
	}
	return t.conn.ExecContext(ctx, query, named)
}

// query runs query with args and calls fn with the values of each row,
// which fn must not keep: int64, float64, string, []byte or nil.
func (t *rawTx) query(ctx context.Context, query string, args []any, fn func(row []driver.Value) error) error {
	named, err := t.named(args)
	if err != nil {
		return err
	}
	rows, err := t.conn.QueryContext(ctx, query, named)
	if err != nil {
		return err
	}
	defer rows.Close()
	row := make([]driver.Value, len(rows.Columns()))
	for {
		err := rows.Next(row)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if err := fn(row); err != nil {
			return err
		}
	}
}

// named converts args as database/sql would.
func (t *rawTx) named(args []any) ([]driver.NamedValue, error) {
	t.args = t.args[:0]
	for i, a := range args {
		v, err := driver.DefaultParameterConverter.ConvertValue(a)
		if err != nil {
			return nil, fmt.Errorf("argument %d: %w", i+1, err)
		}
		t.args = append(t.args, driver.NamedValue{Ordinal: i + 1, Value: v})
	}
	return t.args, nil
}
