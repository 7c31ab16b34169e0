package persistence

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// contactName reads the contact's name from the store.
func contactName(t *testing.T, s *Store, id app.ChannelID, waID string) string {
	t.Helper()
	name, _, found := contactRow(t, s, id, waID)
	if !found {
		t.Fatalf("contact %s not found", waID)
	}
	return name
}

func TestIngestSeesRenameByOtherWrite(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 1))
	// The owner renames the contact; WhatsApp then sends the profile name
	// again, which (as always) wins.
	if _, err := s.ConversationFor(ctx, c.ID, "491", "Ann from the bakery"); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "b", 1))
	if name := contactName(t, s, c.ID, "491"); name != "Ann" {
		t.Errorf("name = %q, want Ann", name)
	}
}

func TestIngestSeesRenameByOtherProcess(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	other, err := Open(ctx, dir) // another Parley on the same data folder
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 1))
	if _, err := other.ConversationFor(ctx, c.ID, "491", "Someone else"); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "b", 1))
	if name := contactName(t, s, c.ID, "491"); name != "Ann" {
		t.Errorf("name = %q, want Ann", name)
	}
	// The other process removes the channel: the next payload for it is
	// refused, not stored into rows that are gone.
	if err := other.DeleteChannel(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.IngestBatch(ctx, c.ID, textBatch("491", "Ann", "c", 1)); err == nil {
		t.Error("ingest for a channel another process removed succeeded")
	}
}

func TestIngestAfterChannelRecreated(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 2))
	if err := s.DeleteChannel(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	// The new channel may well get the old one's ID.
	c2 := addChannel(t, s, "Shop again")
	ms := mustIngest(t, s, c2.ID, textBatch("491", "Ann", "a", 1))
	if len(ms) != 1 {
		t.Fatalf("inserted %d messages, want 1 (the old ones are gone)", len(ms))
	}
	conv, err := s.Conversation(ctx, ms[0].ConversationID)
	if err != nil || conv.ChannelID != c2.ID || conv.Unread != 1 || conv.ContactName != "Ann" {
		t.Errorf("conversation = %+v, %v; want a new one of the new channel with 1 unread", conv, err)
	}
}

func TestIngestAfterRolledBackGroupForgetsItsRows(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	// A single payload that creates a contact and a conversation, then
	// fails: its transaction is rolled back.
	bad := textBatch("491", "Ann", "a", 2)
	bad.Messages[1].WAMessageID = ""
	if _, err := s.IngestBatch(ctx, c.ID, bad); err == nil {
		t.Fatal("bad payload stored")
	}
	ms := mustIngest(t, s, c.ID, textBatch("491", "", "b", 1))
	conv, err := s.Conversation(ctx, ms[0].ConversationID)
	if err != nil || conv.WAID != "491" || conv.Unread != 1 {
		t.Fatalf("conversation = %+v, %v", conv, err)
	}
	if name := contactName(t, s, c.ID, "491"); name != "" {
		t.Errorf("name = %q, want none (the failed payload's name was not stored)", name)
	}
}

func TestIngestCacheStartsOverWhenFull(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 1))
	rows := s.ingestCache.rows
	if rows == nil || len(rows.contacts) == 0 {
		t.Fatal("nothing remembered after a group")
	}
	for i := range maxKnownCustomers {
		rows.contacts[waKey{c.ID, "x" + strconv.Itoa(i)}] = contactState{}
	}
	mustIngest(t, s, c.ID, textBatch("492", "Bob", "b", 1))
	if n := len(s.ingestCache.rows.contacts); n > 2 {
		t.Errorf("%d customers remembered, want the latest group's only", n)
	}
	mustIngest(t, s, c.ID, textBatch("491", "Ann B.", "c", 1))
	if name := contactName(t, s, c.ID, "491"); name != "Ann B." {
		t.Errorf("name = %q, want Ann B.", name)
	}
}

func TestIngestSameSecondAndOlderMessagesAcrossGroups(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w1", "first", baseTime)}})
	convID := ms[0].ConversationID
	check := func(step, preview string, unread int) {
		t.Helper()
		conv, err := s.Conversation(ctx, convID)
		if err != nil {
			t.Fatal(err)
		}
		if conv.LastPreview != preview || conv.Unread != unread || !conv.LastMessageAt.Equal(baseTime) ||
			!conv.LastInboundAt.Equal(baseTime) {
			t.Errorf("%s: conversation = %+v; want preview %q, %d unread, last message and inbound at %v",
				step, conv, preview, unread, baseTime)
		}
	}
	// Same second, next group: the later message is the preview.
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w2", "second, same time", baseTime)}})
	check("same second", "second, same time", 2)
	// A delayed older message counts as unread but changes nothing else.
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w0", "older", baseTime.Add(-time.Hour))}})
	check("older", "second, same time", 3)
	// What ingest remembers is only a hint: even when it is wrong, the
	// conversation ends up right.
	s.ingestCache.rows.lastMessageAt[convID] = baseTime.Add(time.Hour).UnixNano()
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w3", "third, same time", baseTime)}})
	check("wrong hint", "third, same time", 4)
	s.ingestCache.rows.lastMessageAt[convID] = baseTime.Add(-time.Hour).UnixNano()
	later := baseTime.Add(time.Minute)
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w4", "newest", later)}})
	conv, _ := s.Conversation(ctx, convID)
	if conv.LastPreview != "newest" || conv.Unread != 5 || !conv.LastMessageAt.Equal(later) {
		t.Errorf("newest: conversation = %+v", conv)
	}
}

func TestIngestAfterOutboundMessage(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w1", "question", baseTime)}})
	// The owner answers a minute later; then the customer's message of
	// the same second as the first arrives late.
	if _, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "491", Text: "answer", Timestamp: baseTime.Add(time.Minute)}); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w2", "late", baseTime)}})
	conv, err := s.Conversation(ctx, ms[0].ConversationID)
	if err != nil || conv.LastPreview != "answer" || !conv.LastMessageAt.Equal(baseTime.Add(time.Minute)) || conv.Unread != 2 {
		t.Errorf("conversation = %+v, %v; want the answer kept as the last message, 2 unread", conv, err)
	}
}

func TestIngestCacheLastsUntilAnotherWrite(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	remembers := func(waID string) bool {
		_, ok := s.ingestCache.rows.contacts[waKey{c.ID, waID}]
		return ok
	}
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 1))
	mustIngest(t, s, c.ID, textBatch("492", "Bob", "b", 1))
	if !remembers("491") || !remembers("492") {
		t.Fatal("the second group did not start from what the first one read")
	}
	// Any other write in between: the next group reads again.
	if err := s.MarkConversationRead(ctx, mustIngest(t, s, c.ID, textBatch("493", "Cem", "c", 1))[0].ConversationID); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, textBatch("494", "Dora", "d", 1))
	if remembers("491") || !remembers("494") {
		t.Error("the group after another write trusted rows read before it")
	}
}
