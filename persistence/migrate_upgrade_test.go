package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"
)

// TestUpgradeFromSchema3KeepsContactsAndTheirWindow opens a database
// written by a Parley of schema 3, whose contacts kept a copy of their
// last inbound time, and checks that after the upgrade the contact, its
// name and its conversation's 24-hour window are all still there.
func TestUpgradeFromSchema3KeepsContactsAndTheirWindow(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "parley.db")
	old, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:3] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	const inboundAt = int64(1_749_000_000_000_000_000)
	for _, q := range []string{
		`PRAGMA user_version = 3`,
		`INSERT INTO channels (id, name, webhook_token, created_at) VALUES (1, 'Shop', 'tok', 1)`,
		fmt.Sprintf(`INSERT INTO contacts (channel_id, wa_id, name, last_inbound_at) VALUES (1, '491', 'Ann', %d)`, inboundAt),
		fmt.Sprintf(`INSERT INTO conversations (id, channel_id, wa_id, last_message_at, last_inbound_at) VALUES (7, 1, '491', %d, %d)`, inboundAt, inboundAt),
	} {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("open a schema 3 database: %v", err)
	}
	defer s.Close()
	conv, err := s.Conversation(ctx, 7)
	if err != nil {
		t.Fatal(err)
	}
	if conv.ContactName != "Ann" || conv.LastInboundAt.UnixNano() != inboundAt {
		t.Errorf("after the upgrade: contact %q, last inbound %v; want Ann and the time she last wrote", conv.ContactName, conv.LastInboundAt)
	}
}
