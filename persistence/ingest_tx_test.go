package persistence

import (
	"context"
	"testing"
)

func TestIngestWithCancelledContextLeavesStoreUsable(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.IngestBatch(ctx, c.ID, textBatch("491", "Ann", "a", 3)); err == nil {
		t.Fatal("ingest with a cancelled context succeeded")
	}
	// Nothing is left half done, and the write connection works on.
	if n := countRows(t, s, "messages"); n != 0 {
		t.Errorf("%d messages stored by a cancelled ingest, want 0", n)
	}
	if ms := mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 3)); len(ms) != 3 {
		t.Errorf("inserted %d messages after the cancelled ingest, want 3", len(ms))
	}
	if _, err := s.ConversationFor(context.Background(), c.ID, "492", "Bob"); err != nil {
		t.Errorf("a later write failed: %v", err)
	}
}
