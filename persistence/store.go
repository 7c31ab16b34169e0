package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/mattn/go-sqlite3"

	"github.com/parley-app/parley/app"
)

// DBFileName is the name of the database file inside the data directory.
const DBFileName = "parley.db"

// busyTimeoutMS is how long a connection waits for a lock before giving up.
const busyTimeoutMS = 5000

// readPoolSize is the number of read-only connections kept open.
const readPoolSize = 4

// writeCacheKiB is the page cache of the write connection, in KiB. It
// keeps the pages ingest touches (indexes of messages, conversations,
// contacts) in memory instead of reading them again from the file;
// SQLite's default is 2 MiB. Read connections keep the default.
const writeCacheKiB = 32 << 10

// walCheckpointPages is how many pages the write-ahead log may grow to
// before the write connection copies them into the database file itself
// (SQLite's default is 1000). Normally the checkpointer does it before,
// in the background (see checkpointer).
const walCheckpointPages = 10000

// stmtCacheSize is how many prepared statements each connection keeps
// for reuse. Compiling a statement costs more than running most of
// Parley's; the store uses fewer distinct statements than this (counting
// each size of ingest's bulk lookup).
const stmtCacheSize = 128

// Store is Parley's SQLite store. It implements app.Store (the channel,
// profile, template, message and outbox ports). It is safe for concurrent
// use.
type Store struct {
	path string
	rw   *sql.DB // exactly one connection, used only by writeConn (and Close)
	ro   *sql.DB // read-only pool
	now  func() time.Time

	// prunedAt is when ingest last dropped expired early statuses (Unix
	// nanoseconds of s.now).
	prunedAt atomic.Int64
	// writeSeq numbers the write transactions (see writeConn).
	writeSeq atomic.Uint64
	// ingestCache remembers rows ingest read, between group commits.
	ingestCache ingestCache
	// ckpt copies the write-ahead log into the database file.
	ckpt *checkpointer
	// optOut holds the owner's opt-out words once read (see optOutWords).
	optOut atomic.Pointer[optOutWords]
}

var _ app.Store = (*Store)(nil)

// Open opens (creating if needed) the database in dir, applies pending
// migrations and returns the store. A restore staged in dir by the core
// (app's StageRestore) is put in place first (ApplyStagedRestore). It returns an error wrapping
// ErrSchemaTooNew when the database was written by a newer Parley.
//
// The folder and the database's files are made private to the user who
// runs Parley (see PrivateDataFolder), and every commit is flushed to the
// disk before it returns (synchronous=FULL), unless an option says
// otherwise.
func Open(ctx context.Context, dir string, opts ...Option) (*Store, error) {
	var o options
	for _, opt := range opts {
		opt(&o)
	}
	abs, err := filepath.Abs(filepath.Join(dir, DBFileName))
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := PrivateDataFolder(dir); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if _, err := ApplyStagedRestore(dir); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := privateDatabaseFiles(abs); err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	rw, err := sql.Open("sqlite3", dsn(abs, false, o.synchronous()))
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	rw.SetMaxOpenConns(1)
	rw.SetMaxIdleConns(1)
	if err := checkWAL(ctx, rw); err != nil {
		rw.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	// The write connection is kept open, so the setting stays.
	if _, err := rw.ExecContext(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", walCheckpointPages)); err != nil {
		rw.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	if err := migrate(ctx, rw, dir, o.progressFunc()); err != nil {
		rw.Close()
		return nil, err
	}
	ro, err := sql.Open("sqlite3", dsn(abs, true, ""))
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("open database %s for reading: %w", abs, err)
	}
	ro.SetMaxOpenConns(readPoolSize)
	ro.SetMaxIdleConns(readPoolSize)
	if err := ro.PingContext(ctx); err != nil {
		ro.Close()
		rw.Close()
		return nil, fmt.Errorf("open database %s for reading: %w", abs, err)
	}
	ckpt, err := newCheckpointer(ctx, abs, o.synchronous())
	if err != nil {
		ro.Close()
		rw.Close()
		return nil, fmt.Errorf("open database %s for checkpoints: %w", abs, err)
	}
	s := &Store{path: abs, rw: rw, ro: ro, now: time.Now, ckpt: ckpt}
	if err := s.relinkMedia(ctx, dir); err != nil {
		s.Close()
		return nil, fmt.Errorf("open database %s: %w", abs, err)
	}
	return s, nil
}

// dsn builds the go-sqlite3 connection string for the database at path;
// synchronous is the write connection's PRAGMA synchronous.
func dsn(path string, readOnly bool, synchronous string) string {
	q := url.Values{}
	q.Set("_foreign_keys", "1")
	q.Set("_busy_timeout", fmt.Sprint(busyTimeoutMS))
	q.Set("_stmt_cache_size", fmt.Sprint(stmtCacheSize))
	// database/sql hands each connection to one goroutine at a time, so
	// SQLite's own lock around every call on it is not needed (it cost
	// ingest about a tenth of its CPU time, BenchmarkIngestGroups).
	q.Set("_mutex", "no")
	if readOnly {
		q.Set("mode", "ro")
	} else {
		q.Set("_journal_mode", "WAL")
		q.Set("_synchronous", synchronous)
		q.Set("_txlock", "immediate")
		q.Set("_cache_size", fmt.Sprint(-writeCacheKiB))
	}
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // Windows: C:/x becomes file:///C:/x
	}
	// url.URL escapes "?", "#", "%" and spaces in the path, as SQLite's
	// URI filenames require: file:///home/ann/My%20Shop/parley.db?...
	u := url.URL{Scheme: "file", Path: p, RawQuery: q.Encode()}
	return u.String()
}

// checkWAL makes sure the database really runs in WAL mode; some file
// systems (network shares) cannot.
func checkWAL(ctx context.Context, db *sql.DB) error {
	var mode string
	if err := db.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		return fmt.Errorf("check journal mode: %w", err)
	}
	if !strings.EqualFold(mode, "wal") {
		return fmt.Errorf("the database cannot use write-ahead logging here (journal mode %q); keep the data folder on a local disk", mode)
	}
	return nil
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes the database. Pending reads and writes finish first.
func (s *Store) Close() error {
	errRO := s.ro.Close()
	errCkpt := s.ckpt.close()
	// Let SQLite refresh its query planner statistics; cheap and optional.
	_, _ = s.rw.Exec("PRAGMA optimize")
	// The last connection to close copies the whole log into the file.
	errRW := s.rw.Close()
	if err := errors.Join(errRW, errRO, errCkpt); err != nil {
		return fmt.Errorf("close database: %w", err)
	}
	return nil
}

// DiskFullMessage tells the owner, in plain words, that a change could
// not be saved because the disk is full.
const DiskFullMessage = "The disk where Parley keeps its data is full, so this change was not saved. " +
	"Free some space (empty the trash, delete large files), then save again; what you typed is still here."

// ReadOnlyMessage tells the owner that the data folder cannot be written.
const ReadOnlyMessage = "Parley may not write to its data folder, so this change was not saved. " +
	"Check that the disk is not write-protected and that you may change the folder, then save again; what you typed is still here."

// storageProblem gives a full disk or a read-only data folder its plain
// message (keeping err inside for the log); other errors pass as they are.
func storageProblem(err error) error {
	var se sqlite3.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code {
	case sqlite3.ErrFull:
		return &app.StorageError{Plain: DiskFullMessage, Err: err}
	case sqlite3.ErrReadonly:
		return &app.StorageError{Plain: ReadOnlyMessage, Err: err}
	}
	return err
}

// isForeignKeyError reports whether err is a foreign key violation, which
// here always means the channel (or conversation) does not exist.
func isForeignKeyError(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && se.ExtendedCode == sqlite3.ErrConstraintForeignKey
}

// isUniqueError reports whether err is a UNIQUE constraint violation.
func isUniqueError(err error) bool {
	var se sqlite3.Error
	return errors.As(err, &se) && (se.ExtendedCode == sqlite3.ErrConstraintUnique || se.ExtendedCode == sqlite3.ErrConstraintPrimaryKey)
}

// notFoundIfFK turns a foreign key violation into app.ErrNotFound.
func notFoundIfFK(err error, what string) error {
	if isForeignKeyError(err) {
		return fmt.Errorf("%s: %w", what, app.ErrNotFound)
	}
	return err
}

// checkAffected returns app.ErrNotFound when res changed no row.
func checkAffected(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%s: %w", what, app.ErrNotFound)
	}
	return nil
}
