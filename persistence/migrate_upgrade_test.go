package persistence

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestUpgradeFromSchema3KeepsContactsAndTheirWindow opens a database
// written by a Parley of schema 3, whose contacts kept a copy of their
// last inbound time, and checks that after the upgrade the contact, its
// name and its conversation's 24-hour window are all still there.
func TestUpgradeFromSchema3KeepsContactsAndTheirWindow(t *testing.T) {
	ctx := context.Background()
	const inboundAt = int64(1_749_000_000_000_000_000)
	dir := oldDatabase(t, 3,
		`INSERT INTO channels (id, name, webhook_token, created_at) VALUES (1, 'Shop', 'tok', 1)`,
		fmt.Sprintf(`INSERT INTO contacts (channel_id, wa_id, name, last_inbound_at) VALUES (1, '491', 'Ann', %d)`, inboundAt),
		fmt.Sprintf(`INSERT INTO conversations (id, channel_id, wa_id, last_message_at, last_inbound_at) VALUES (7, 1, '491', %d, %d)`, inboundAt, inboundAt),
	)
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

// TestUpgradeMarksConflictedProfileEdits opens a schema-4 database whose
// pending profile edit stopped on a conflict, which was then told only by
// its reason text: after the upgrade the edit is marked as waiting for the
// owner's choice, and an edit that waits for the network is not.
func TestUpgradeMarksConflictedProfileEdits(t *testing.T) {
	ctx := context.Background()
	dir := oldDatabase(t, 4,
		`INSERT INTO channels (id, name, webhook_token, created_at) VALUES (1, 'Shop', 'tok1', 1), (2, 'Cafe', 'tok2', 1)`,
		`INSERT INTO profiles (channel_id, pending, pending_base, pending_last_error) VALUES
			(1, '{"about":"Ours"}', '{"about":"Before"}', 'The profile was changed on WhatsApp too. Choose which values to keep.'),
			(2, '{"about":"Ours"}', '{"about":"Before"}', 'No internet connection.')`,
	)
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("open a schema 4 database: %v", err)
	}
	defer s.Close()
	conflicted, _ := s.ProfileRecord(ctx, 1)
	offline, _ := s.ProfileRecord(ctx, 2)
	if conflicted.Pending == nil || !conflicted.Pending.AwaitsChoice() {
		t.Errorf("the edit that stopped on a conflict: %+v; want it to wait for the owner's choice", conflicted.Pending)
	}
	if offline.Pending == nil || offline.Pending.AwaitsChoice() {
		t.Errorf("the edit that waits for the network: %+v; want it to be pushed when online", offline.Pending)
	}
}

// oldDatabase writes, in a new data folder, the database an older Parley
// of the given schema version would have left, holding the rows the
// statements insert, and returns the folder.
func oldDatabase(t *testing.T, version int, statements ...string) string {
	t.Helper()
	dir := t.TempDir()
	old, err := sql.Open("sqlite3", filepath.Join(dir, "parley.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	ms, err := loadMigrations(migrationFS, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms[:version] {
		if _, err := old.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
	}
	statements = append([]string{fmt.Sprintf("PRAGMA user_version = %d", version)}, statements...)
	for _, q := range statements {
		if _, err := old.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestUpgradeGivesProfileEditsTheirState opens a schema-5 database whose
// pending profile edits told their state only by the sentence of their
// last error: after the upgrade each has the state that sentence meant
// and, for a refused or failed push, the reason without the preamble.
func TestUpgradeGivesProfileEditsTheirState(t *testing.T) {
	ctx := context.Background()
	dir := oldDatabase(t, 5,
		`INSERT INTO channels (id, name, webhook_token, created_at) VALUES
			(1, 'A', 't1', 1), (2, 'B', 't2', 1), (3, 'C', 't3', 1), (4, 'D', 't4', 1), (5, 'E', 't5', 1), (6, 'F', 't6', 1)`,
		`INSERT INTO profiles (channel_id, pending, pending_base, pending_last_error, pending_conflicted) VALUES
			(1, '{"about":"Ours"}', '{}', '', 0),
			(2, '{"about":"Ours"}', '{}', 'Saved on this laptop — will sync with WhatsApp when you are online.', 0),
			(3, '{"about":"Ours"}', '{}', 'WhatsApp did not accept the change: The API key is wrong or was revoked.', 0),
			(4, '{"about":"Ours"}', '{}', 'The change could not be sent: read API key of channel 4: not found', 0),
			(5, '{"about":"Ours"}', '{}', 'The profile was changed on WhatsApp too. Choose which values to keep.', 1)`,
		`INSERT INTO profiles (channel_id, remote) VALUES (6, '{"about":"Theirs"}')`,
	)
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatalf("open a schema 5 database: %v", err)
	}
	defer s.Close()
	want := []struct {
		state  app.ProfileEditState
		reason string
	}{
		{app.EditPending, ""},
		{app.EditOffline, ""},
		{app.EditRejected, "The API key is wrong or was revoked."},
		{app.EditFailed, "read API key of channel 4: not found"},
		{app.EditConflicted, ""},
	}
	for i, w := range want {
		rec, err := s.ProfileRecord(ctx, app.ChannelID(i+1))
		if err != nil || rec.Pending == nil || rec.Pending.State != w.state || rec.Pending.Reason != w.reason {
			t.Errorf("edit %d after the upgrade: %+v, %v; want state %d, reason %q", i+1, rec.Pending, err, w.state, w.reason)
		}
	}
	if rec, err := s.ProfileRecord(ctx, 6); err != nil || rec.Pending != nil || rec.Remote.About != "Theirs" {
		t.Errorf("a profile without an edit after the upgrade: %+v, %v", rec, err)
	}
	// The upgraded table takes new edits and clears them.
	if err := s.SavePendingProfile(ctx, 6, app.ProfileEdit{State: app.EditOffline}); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearPendingProfile(ctx, 3); err != nil {
		t.Fatal(err)
	}
}
