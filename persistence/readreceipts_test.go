package persistence

import (
	"context"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// dueReceipts returns the read receipts due at at, failing the test on error.
func dueReceipts(t *testing.T, s *Store, at time.Time) []app.ReadReceipt {
	t.Helper()
	rs, err := s.DueReadReceipts(context.Background(), at, 10)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// Reading a conversation queues one receipt for its newest customer
// message, in the same write that clears the unread count; a later read
// replaces it; reading again with nothing unread queues nothing.
func TestReadQueuesOneReceiptPerConversation(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, ch.ID, textBatch("491", "Ann", "ann", 3))
	conv := ms[0].ConversationID

	queued, err := s.MarkReadWithReceipt(ctx, conv, baseTime)
	if err != nil || !queued {
		t.Fatalf("MarkReadWithReceipt = %v, %v; want a receipt queued", queued, err)
	}
	if cv, _ := s.Conversation(ctx, conv); cv.Unread != 0 {
		t.Errorf("unread after reading = %d", cv.Unread)
	}
	rs := dueReceipts(t, s, baseTime)
	if len(rs) != 1 || rs[0].WAMessageID != "ann-2" || rs[0].ChannelID != ch.ID || rs[0].ConversationID != conv {
		t.Fatalf("queued %+v, want one for ann-2 (the newest)", rs)
	}
	if queued, _ := s.MarkReadWithReceipt(ctx, conv, baseTime); queued || len(dueReceipts(t, s, baseTime)) != 1 {
		t.Error("reading again with nothing unread queued another receipt")
	}

	mustIngest(t, s, ch.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "ann-9", "later", baseTime.Add(time.Hour))}})
	if _, err := s.MarkReadWithReceipt(ctx, conv, baseTime.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	rs = dueReceipts(t, s, baseTime.Add(time.Hour))
	if len(rs) != 1 || rs[0].WAMessageID != "ann-9" {
		t.Fatalf("after a newer read: %+v, want only ann-9", rs)
	}
	// Dropping the older one (sent meanwhile) keeps the newer one.
	if err := s.DropReadReceipt(ctx, app.ReadReceipt{ConversationID: conv, WAMessageID: "ann-2"}); err != nil {
		t.Fatal(err)
	}
	if rs := dueReceipts(t, s, baseTime.Add(time.Hour)); len(rs) != 1 {
		t.Fatalf("dropping the replaced receipt removed the newer one: %+v", rs)
	}
	if _, err := s.MarkReadWithReceipt(ctx, 999, baseTime); err == nil {
		t.Error("reading a conversation that does not exist succeeded")
	}
}

// A deferred receipt waits until its time and counts the attempt; a
// disconnected channel's receipts wait until it is reconnected.
func TestDeferredReceiptWaits(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	conv := mustIngest(t, s, ch.ID, textBatch("491", "Ann", "ann", 1))[0].ConversationID
	if _, err := s.MarkReadWithReceipt(ctx, conv, baseTime); err != nil {
		t.Fatal(err)
	}
	r := dueReceipts(t, s, baseTime)[0]
	if err := s.DeferReadReceipt(ctx, r, baseTime.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if rs := dueReceipts(t, s, baseTime.Add(time.Minute-time.Nanosecond)); len(rs) != 0 {
		t.Fatalf("a deferred receipt is due early: %+v", rs)
	}
	if rs := dueReceipts(t, s, baseTime.Add(time.Minute)); len(rs) != 1 || rs[0].Attempts != 1 {
		t.Fatalf("at its time: %+v, want it with 1 attempt", rs)
	}
	ch.Disconnected = true
	if err := s.UpdateChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	if rs := dueReceipts(t, s, baseTime.Add(time.Hour)); len(rs) != 0 {
		t.Fatalf("a disconnected channel's receipt is due: %+v", rs)
	}
}

// Read receipts are on in a new data folder; turned off, the choice is
// kept, reading queues nothing, and what was queued is dropped.
func TestReadReceiptsSetting(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if on, err := s.ReadReceiptsOn(ctx); err != nil || !on {
		t.Fatalf("a new folder: read receipts on = %v, %v; want on", on, err)
	}
	ch := addChannel(t, s, "Shop")
	ann := mustIngest(t, s, ch.ID, textBatch("491", "Ann", "ann", 1))[0].ConversationID
	bob := mustIngest(t, s, ch.ID, textBatch("492", "Bob", "bob", 1))[0].ConversationID
	if _, err := s.MarkReadWithReceipt(ctx, ann, baseTime); err != nil {
		t.Fatal(err)
	}
	if err := s.SetReadReceiptsOn(ctx, false); err != nil {
		t.Fatal(err)
	}
	if rs := dueReceipts(t, s, baseTime); len(rs) != 0 {
		t.Errorf("turning receipts off kept %+v", rs)
	}
	if queued, err := s.MarkReadWithReceipt(ctx, bob, baseTime); err != nil || queued {
		t.Errorf("reading with receipts off: queued = %v, %v", queued, err)
	}
	if cv, _ := s.Conversation(ctx, bob); cv.Unread != 0 {
		t.Errorf("with receipts off the conversation still shows %d unread", cv.Unread)
	}
	s.Close()
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if on, err := s.ReadReceiptsOn(ctx); err != nil || on {
		t.Errorf("after reopening: on = %v, %v; want off", on, err)
	}
}
