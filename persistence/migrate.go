package persistence

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// ErrSchemaTooNew is returned (wrapped) by Open when the database was
// written by a newer version of Parley than this one.
var ErrSchemaTooNew = errors.New("database schema is newer than this version of Parley")

// schemaTooNewError explains ErrSchemaTooNew to the owner.
type schemaTooNewError struct {
	dir        string
	have, know int
}

// Error implements error.
func (e *schemaTooNewError) Error() string {
	return fmt.Sprintf("the database in %s was written by a newer version of Parley (schema %d, this version knows %d); please update Parley",
		e.dir, e.have, e.know)
}

// Unwrap returns ErrSchemaTooNew.
func (e *schemaTooNewError) Unwrap() error { return ErrSchemaTooNew }

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

// migrationFollowUps are Go steps that run right after the SQL of the
// migration with that number, in its transaction: work too long for one
// statement, which reports progress.
var migrationFollowUps = map[int]func(ctx context.Context, tx *sql.Tx, progress func(done, total int)) error{
	14: buildSearchIndex,
}

// loadMigrations reads the embedded migrations, sorted by number. Their
// numbers must run 1, 2, 3, ... without gaps or duplicates.
func loadMigrations(fsys fs.FS, dir string) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var ms []migration
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration %s: name must start with a positive number and an underscore, like 0001_init.sql", e.Name())
		}
		b, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", e.Name(), err)
		}
		ms = append(ms, migration{version: v, name: e.Name(), sql: string(b)})
	}
	sort.Slice(ms, func(i, j int) bool { return ms[i].version < ms[j].version })
	for i, m := range ms {
		if m.version != i+1 {
			return nil, fmt.Errorf("migration %s: expected number %d (numbers must run 1, 2, 3, ... without gaps or duplicates)", m.name, i+1)
		}
	}
	return ms, nil
}

// migrate brings the database on db up to the newest embedded migration.
// Each migration runs in its own transaction together with the update of
// PRAGMA user_version, so a failed step leaves the previous version intact.
// progress (never nil) hears how far a long step is.
func migrate(ctx context.Context, db *sql.DB, dir string, progress func(done, total int)) error {
	ms, err := loadMigrations(migrationFS, "migrations")
	if err != nil {
		return err
	}
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if have > len(ms) {
		return &schemaTooNewError{dir: dir, have: have, know: len(ms)}
	}
	for _, m := range ms[have:] {
		if err := applyMigration(ctx, db, m, progress); err != nil {
			return err
		}
	}
	return nil
}

// applyMigration runs one migration in one transaction.
func applyMigration(ctx context.Context, db *sql.DB, m migration, progress func(done, total int)) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: begin: %w", m.name, err)
	}
	defer tx.Rollback() //nolint:errcheck // no-op after commit
	// Another Parley process may have applied it meanwhile; the immediate
	// transaction holds the write lock, so this check is reliable.
	var have int
	if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("migration %s: read schema version: %w", m.name, err)
	}
	if have >= m.version {
		return nil
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, explainMissingModule(err))
	}
	if follow := migrationFollowUps[m.version]; follow != nil {
		if err := follow(ctx, tx, progress); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	// PRAGMA does not take parameters; the version is a trusted integer.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("migration %s: set version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return nil
}
