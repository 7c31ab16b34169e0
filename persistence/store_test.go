package persistence

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/parley-app/parley/app"
)

// crashWriterEnv names the data directory when the test binary is started
// as a writer that crashes right after committing.
const crashWriterEnv = "PARLEY_TEST_CRASH_WRITER_DIR"

func TestMain(m *testing.M) {
	if dir := os.Getenv(crashWriterEnv); dir != "" {
		crashWriter(dir)
	}
	os.Exit(m.Run())
}

// crashWriter stores a channel and a message, reports success and kills
// its own process without closing the database.
func crashWriter(dir string) {
	ctx := context.Background()
	s, err := Open(ctx, dir)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(2)
	}
	c, err := s.CreateChannel(ctx, app.Channel{Name: "Crashy"})
	if err != nil {
		fmt.Println("create:", err)
		os.Exit(2)
	}
	if _, err := s.IngestBatch(ctx, c.ID, textBatch("491701", "Ann", "crash", 3)); err != nil {
		fmt.Println("ingest:", err)
		os.Exit(2)
	}
	fmt.Println("acknowledged")
	p, _ := os.FindProcess(os.Getpid())
	_ = p.Kill() // SIGKILL: no deferred calls, no Close, no checkpoint
	select {}
}

func TestOpenCreatesDatabaseAndReopenIsIdempotent(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "not", "yet", "there")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if want := filepath.Join(dir, DBFileName); !strings.HasSuffix(s.Path(), want) || !filepath.IsAbs(s.Path()) {
		t.Errorf("Path() = %q, want absolute path ending in %q", s.Path(), want)
	}
	if _, err := os.Stat(s.Path()); err != nil {
		t.Fatalf("database file: %v", err)
	}
	ms, err := loadMigrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	var version int
	var journal string
	var fk int
	if err := s.rw.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if err := s.rw.QueryRow("PRAGMA journal_mode").Scan(&journal); err != nil {
		t.Fatal(err)
	}
	if err := s.ro.QueryRow("PRAGMA foreign_keys").Scan(&fk); err != nil {
		t.Fatal(err)
	}
	if version != len(ms) || journal != "wal" || fk != 1 {
		t.Errorf("user_version=%d journal=%s foreign_keys=%d, want %d wal 1", version, journal, fk, len(ms))
	}
	c, err := s.CreateChannel(ctx, app.Channel{Name: "Shop"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}

	for range 2 {
		s2, err := Open(ctx, dir)
		if err != nil {
			t.Fatalf("reopen: %v", err)
		}
		got, err := s2.Channel(ctx, c.ID)
		if err != nil || got.Name != "Shop" {
			t.Errorf("after reopen Channel = %+v, %v; want the saved channel", got, err)
		}
		if err := s2.rw.QueryRow("PRAGMA user_version").Scan(&version); err != nil || version != len(ms) {
			t.Errorf("after reopen user_version = %d, %v; want %d", version, err, len(ms))
		}
		if err := s2.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestReadPoolCannotWrite(t *testing.T) {
	s := openTestStore(t)
	if _, err := s.ro.Exec(`INSERT INTO channels (name, webhook_token, created_at) VALUES ('x', 'y', 1)`); err == nil {
		t.Fatal("insert through the read-only pool succeeded")
	}
}

func TestOpenRefusesNewerSchema(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	path := s.Path()
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 99"); err != nil {
		t.Fatal(err)
	}
	db.Close()

	_, err = Open(ctx, dir)
	if !errors.Is(err, ErrSchemaTooNew) {
		t.Fatalf("Open = %v, want ErrSchemaTooNew", err)
	}
	ms, _ := loadMigrations(migrationFS, "migrations")
	want := fmt.Sprintf("the database in %s was written by a newer version of Parley (schema 99, this version knows %d); please update Parley", dir, len(ms))
	if err.Error() != want {
		t.Errorf("error text\n got %q\nwant %q", err.Error(), want)
	}
}

func TestOpenFolderWithSpacesAndURLCharacters(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "Ann's Shop #1 ?50% off")
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	addChannel(t, s, "Shop")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, DBFileName)); err != nil {
		t.Errorf("database not created inside the folder: %v", err)
	}
}

func TestLoadMigrationsRequiresContiguousNumbers(t *testing.T) {
	sql := &fstest.MapFile{Data: []byte("SELECT 1;")}
	tests := []struct {
		name  string
		files fstest.MapFS
		ok    bool
	}{
		{"in order", fstest.MapFS{"m/0001_a.sql": sql, "m/0002_b.sql": sql, "m/README": sql}, true},
		{"gap", fstest.MapFS{"m/0001_a.sql": sql, "m/0003_c.sql": sql}, false},
		{"duplicate", fstest.MapFS{"m/0001_a.sql": sql, "m/0001_b.sql": sql}, false},
		{"no number", fstest.MapFS{"m/init.sql": sql}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadMigrations(tt.files, "m")
			if (err == nil) != tt.ok {
				t.Errorf("loadMigrations error = %v, want ok=%v", err, tt.ok)
			}
		})
	}
}

func TestNoColumnCanHoldAnAPIKey(t *testing.T) {
	s := openTestStore(t)
	rows, err := s.ro.Query(`SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var table, column string
		if err := rows.Scan(&table, &column); err != nil {
			t.Fatal(err)
		}
		n++
		lc := strings.ToLower(column)
		if (strings.Contains(lc, "key") && lc != "key_state") || strings.Contains(lc, "api") || strings.Contains(lc, "password") {
			t.Errorf("column %s.%s looks like it could hold an API key", table, column)
		}
	}
	if n < 50 {
		t.Fatalf("only %d columns inspected; the schema query is wrong", n)
	}
}

func TestCommittedDataSurvivesProcessCrash(t *testing.T) {
	dir := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), crashWriterEnv+"="+dir)
	out, err := cmd.Output()
	if !strings.Contains(string(out), "acknowledged") {
		t.Fatalf("writer did not acknowledge: %q, %v", out, err)
	}
	if err == nil {
		t.Fatal("writer exited normally; it should have been killed")
	}
	if _, err := os.Stat(filepath.Join(dir, DBFileName+"-wal")); err != nil {
		t.Fatalf("no WAL file left behind by the killed writer: %v", err)
	}

	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cs, err := s.Channels(context.Background())
	if err != nil || len(cs) != 1 {
		t.Fatalf("Channels after crash = %v, %v; want the one channel", cs, err)
	}
	convs, err := s.Conversations(context.Background(), cs[0].ID)
	if err != nil || len(convs) != 1 {
		t.Fatalf("Conversations after crash = %v, %v", convs, err)
	}
	ms, err := s.Messages(context.Background(), convs[0].ID, 0, 10)
	if err != nil || len(ms) != 3 {
		t.Fatalf("after crash %d messages (%v), want 3", len(ms), err)
	}
}
