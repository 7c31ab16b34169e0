package persistence

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/mattn/go-sqlite3"
)

// BackupDatabase writes a consistent copy of the whole database, what
// the write-ahead log holds included, to the new file dst, with SQLite's
// online backup: writers go on meanwhile (WAL readers block nobody) and
// the copy is the database as of one moment. dst must not exist yet.
//
// It opens connections of its own (a read-only one on the database, one
// on dst) and writes nothing to the store's database.
func (s *Store) BackupDatabase(ctx context.Context, dst string) error {
	if _, err := os.Lstat(dst); err == nil {
		return fmt.Errorf("back up database: %s exists already", dst)
	}
	drv := &sqlite3.SQLiteDriver{}
	src, err := drv.Open(dsn(s.path, true, ""))
	if err != nil {
		return fmt.Errorf("back up database: open %s: %w", s.path, err)
	}
	defer src.Close()
	out, err := drv.Open(dst)
	if err != nil {
		return fmt.Errorf("back up database: create %s: %w", dst, err)
	}
	// The copy is a new file, thrown away if anything fails: it needs
	// no journal, and one flush at the end (below) instead of one per
	// page.
	err = copyDatabase(ctx, out.(*sqlite3.SQLiteConn), src.(*sqlite3.SQLiteConn))
	if cerr := out.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("close: %w", cerr)
	}
	if err == nil {
		err = flushFile(dst)
	}
	if err != nil {
		_ = os.Remove(dst)
		return fmt.Errorf("back up database to %s: %w", dst, storageProblem(err))
	}
	return nil
}

// copyDatabase copies every page of src's main database into dst's in
// one step, under one read transaction of src.
func copyDatabase(ctx context.Context, dst, src *sqlite3.SQLiteConn) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if _, err := dst.ExecContext(ctx, "PRAGMA journal_mode = OFF", nil); err != nil {
		return fmt.Errorf("prepare the copy: %w", err)
	}
	if _, err := dst.ExecContext(ctx, "PRAGMA synchronous = OFF", nil); err != nil {
		return fmt.Errorf("prepare the copy: %w", err)
	}
	bk, err := dst.Backup("main", src, "main")
	if err != nil {
		return fmt.Errorf("start: %w", err)
	}
	done, err := bk.Step(-1)
	ferr := bk.Finish()
	switch {
	case err != nil:
		return fmt.Errorf("copy: %w", err)
	case ferr != nil:
		return fmt.Errorf("finish: %w", ferr)
	case !done:
		return errors.New("copy: pages left over")
	}
	return nil
}

// SchemaVersion returns the number of the newest migration applied to the
// database, which Open brings to the newest this Parley knows.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.ro.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// flushFile writes the file at path to the disk.
func flushFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
