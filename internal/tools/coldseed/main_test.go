package main

import (
	"context"
	"strings"
	"testing"

	"github.com/parley-app/parley/persistence"
)

func TestSeedFillsOneChannelWithConversations(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	const n = 4_500 // five payloads, the last one short; more customers than messages in the last
	if err := seed(ctx, dir, n); err != nil {
		t.Fatal(err)
	}

	s, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	chs, err := s.Channels(ctx)
	if err != nil || len(chs) != 1 {
		t.Fatalf("channels = %v, %v; want the one seeded", chs, err)
	}
	convs, err := s.Conversations(ctx, chs[0].ID)
	if err != nil || len(convs) != customers {
		t.Fatalf("%d conversations (%v), want one per customer (%d)", len(convs), err, customers)
	}
	total := 0
	for _, c := range convs {
		if !strings.HasPrefix(c.ContactName, "Customer ") {
			t.Fatalf("conversation %s has contact name %q, want the seeded name", c.WAID, c.ContactName)
		}
		total += c.Unread
	}
	if total != n {
		t.Errorf("the conversations hold %d unread messages, want all %d", total, n)
	}
}

func TestSeedRefusesAFolderWithData(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	if err := seed(ctx, dir, 10); err != nil {
		t.Fatal(err)
	}
	if err := seed(ctx, dir, 10); err == nil || !strings.Contains(err.Error(), "already holds a database") {
		t.Errorf("seeding twice = %v, want a refusal", err)
	}
}
