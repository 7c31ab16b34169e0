package persistence

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func TestIngestCreatesConversationAndIsIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	b := textBatch("4917012345", "Ann", "wamid.A", 2)
	b.Messages = append(b.Messages, inbound("4917099999", "wamid.B", "Hello from Bob", baseTime.Add(time.Minute)))

	ms := mustIngest(t, s, c.ID, b)
	if len(ms) != 3 {
		t.Fatalf("inserted %d messages, want 3", len(ms))
	}
	for _, m := range ms {
		if m.ID == 0 || m.ConversationID == 0 || m.ChannelID != c.ID || m.Direction != app.Inbound || m.State != app.StateReceived {
			t.Errorf("inserted message %+v lacks IDs, direction or state", m)
		}
	}
	convs, err := s.Conversations(ctx, c.ID)
	if err != nil || len(convs) != 2 {
		t.Fatalf("Conversations = %+v, %v", convs, err)
	}
	// Both last wrote at baseTime+1m; Bob's conversation is newer (higher ID).
	ann := convs[1]
	if ann.WAID != "4917012345" || ann.ContactName != "Ann" || ann.Unread != 2 || ann.LastPreview != "message 1" ||
		!ann.LastMessageAt.Equal(baseTime.Add(time.Minute)) || !ann.LastInboundAt.Equal(baseTime.Add(time.Minute)) {
		t.Errorf("Ann's conversation = %+v", ann)
	}
	if convs[0].WAID != "4917099999" || convs[0].ContactName != "" || convs[0].Unread != 1 {
		t.Errorf("Bob's conversation = %+v", convs[0])
	}
	if ch, _ := s.Channel(ctx, c.ID); !ch.LastEventAt.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("LastEventAt = %v, want the ingest time", ch.LastEventAt)
	}

	// WhatsApp retries the same payload: nothing new.
	if again := mustIngest(t, s, c.ID, b); len(again) != 0 {
		t.Errorf("second ingest inserted %d messages, want 0", len(again))
	}
	if n := countRows(t, s, "messages"); n != 3 {
		t.Errorf("%d messages stored, want 3", n)
	}
	if conv, _ := s.Conversation(ctx, ann.ID); conv.Unread != 2 {
		t.Errorf("unread after retry = %d, want 2", conv.Unread)
	}
}

func TestIngestOlderMessageKeepsNewerPreview(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w2", "newer", baseTime.Add(time.Hour))}})
	// A delayed webhook brings an older message.
	ms := mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w1", "older", baseTime)}})
	conv, err := s.Conversation(ctx, ms[0].ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	if conv.LastPreview != "newer" || !conv.LastMessageAt.Equal(baseTime.Add(time.Hour)) ||
		!conv.LastInboundAt.Equal(baseTime.Add(time.Hour)) || conv.Unread != 2 {
		t.Errorf("conversation = %+v; want newer preview and time kept, 2 unread", conv)
	}
	if err := s.MarkConversationRead(ctx, conv.ID); err != nil {
		t.Fatal(err)
	}
	if conv, _ := s.Conversation(ctx, conv.ID); conv.Unread != 0 {
		t.Errorf("unread after MarkConversationRead = %d", conv.Unread)
	}
	if err := s.MarkConversationRead(ctx, 999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("MarkConversationRead(999) = %v, want ErrNotFound", err)
	}
}

func TestIngestBatchIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	b := textBatch("4917012345", "Ann", "wamid.ok", 99)
	b.Messages = append(b.Messages, inbound("4917012345", "", "no WhatsApp id", baseTime)) // violates a CHECK
	if b.Len() != 100 {
		t.Fatalf("batch has %d events, want 100", b.Len())
	}
	if _, err := s.IngestBatch(ctx, c.ID, b); err == nil {
		t.Fatal("IngestBatch accepted a message without WhatsApp id")
	}
	for _, table := range []string{"messages", "conversations", "contacts", "provider_events"} {
		if n := countRows(t, s, table); n != 0 {
			t.Errorf("%s has %d rows after a failed batch, want 0", table, n)
		}
	}
	if ch, _ := s.Channel(ctx, c.ID); !ch.LastEventAt.IsZero() {
		t.Errorf("LastEventAt set by a failed batch: %v", ch.LastEventAt)
	}
	if _, err := s.IngestBatch(ctx, 999, textBatch("491", "", "x", 1)); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("ingest for a missing channel = %v, want ErrNotFound", err)
	}
}

func TestIngestBatchesIsolatesBadBatch(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	bad := textBatch("492", "Bad", "bad", 5)
	bad.Messages[4].From = "" // no conversation key
	items := []IngestItem{
		{ChannelID: c.ID, Batch: textBatch("491", "Ann", "a", 2)},
		{ChannelID: c.ID, Batch: bad},
		{ChannelID: 999, Batch: textBatch("493", "", "c", 1)},
		{ChannelID: c.ID, Batch: textBatch("494", "Dan", "d", 3)},
	}
	results, errs := s.IngestBatches(ctx, items)
	if errs[0] != nil || errs[3] != nil || len(results[0]) != 2 || len(results[3]) != 3 {
		t.Errorf("good batches: results %d/%d, errors %v/%v", len(results[0]), len(results[3]), errs[0], errs[3])
	}
	if errs[1] == nil || results[1] != nil {
		t.Errorf("bad batch: %v, %v; want an error and no messages", results[1], errs[1])
	}
	if !errors.Is(errs[2], app.ErrNotFound) {
		t.Errorf("batch for a missing channel: %v, want ErrNotFound", errs[2])
	}
	convs, _ := s.Conversations(ctx, c.ID)
	if len(convs) != 2 || countRows(t, s, "messages") != 5 || countRows(t, s, "contacts") != 2 {
		t.Errorf("stored %d conversations, %d messages, %d contacts; want 2, 5, 2",
			len(convs), countRows(t, s, "messages"), countRows(t, s, "contacts"))
	}
	// The stored IDs are real.
	for _, m := range append(results[0], results[3]...) {
		if got, err := s.Message(ctx, m.ID); err != nil || got.WAMessageID != m.WAMessageID {
			t.Errorf("Message(%d) = %+v, %v", m.ID, got, err)
		}
	}
}

func TestStatusNeverMovesBackwards(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	sent := func(wamid string) int64 {
		m, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "491", Text: "hi " + wamid})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateState(ctx, m.ID, app.StateSending, "", 0, ""); err != nil {
			t.Fatal(err)
		}
		if err := s.UpdateState(ctx, m.ID, app.StateSent, wamid, 0, ""); err != nil {
			t.Fatal(err)
		}
		return m.ID
	}
	status := func(wamid string, st app.DeliveryState) app.StatusUpdate {
		u := app.StatusUpdate{WAMessageID: wamid, State: st, RecipientID: "491"}
		if st == app.StateFailed {
			u.ErrorCode, u.ErrorText = 131026, "The message could not be delivered."
		}
		return u
	}
	tests := []struct {
		name string
		seq  []app.DeliveryState
		want app.DeliveryState
	}{
		{"in order", []app.DeliveryState{app.StateSent, app.StateDelivered, app.StateRead}, app.StateRead},
		{"read before delivered", []app.DeliveryState{app.StateRead, app.StateDelivered, app.StateSent}, app.StateRead},
		{"same batch out of order", []app.DeliveryState{app.StateDelivered, app.StateSent}, app.StateDelivered},
		{"failed wins", []app.DeliveryState{app.StateDelivered, app.StateFailed, app.StateRead}, app.StateFailed},
		{"unknown state ignored", []app.DeliveryState{app.StateDelivered, "played"}, app.StateDelivered},
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wamid := fmt.Sprintf("wamid.out%d", i)
			id := sent(wamid)
			// The first two arrive in one payload, the rest one by one.
			first := app.InboundBatch{}
			for _, st := range tt.seq[:2] {
				first.Statuses = append(first.Statuses, status(wamid, st))
			}
			mustIngest(t, s, c.ID, first)
			for _, st := range tt.seq[2:] {
				mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{status(wamid, st)}})
			}
			m, err := s.Message(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			if m.State != tt.want {
				t.Errorf("state = %s, want %s", m.State, tt.want)
			}
			if wantErr := tt.want == app.StateFailed; wantErr != (m.ErrorCode == 131026 && m.ErrorText != "") {
				t.Errorf("error = %d %q, want one only when failed", m.ErrorCode, m.ErrorText)
			}
		})
	}
}

func TestStatusBeforeSendIsRecordedApplies(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	m, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "491", Text: "fast"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateState(ctx, m.ID, app.StateSending, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	// The webhook beats the send response.
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{
		{WAMessageID: "wamid.fast", State: app.StateSent}, {WAMessageID: "wamid.fast", State: app.StateDelivered}}})
	if err := s.UpdateState(ctx, m.ID, app.StateSent, "wamid.fast", 0, ""); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Message(ctx, m.ID)
	if got.State != app.StateDelivered || got.WAMessageID != "wamid.fast" {
		t.Errorf("message = %s %q, want delivered with its WhatsApp id", got.State, got.WAMessageID)
	}
	if n := countRows(t, s, "early_statuses"); n != 0 {
		t.Errorf("%d early statuses left after applying them", n)
	}
	byWAID, err := s.MessageByWAID(ctx, c.ID, "wamid.fast")
	if err != nil || byWAID.ID != m.ID || byWAID.ConversationID != m.ConversationID {
		t.Errorf("MessageByWAID = %+v, %v", byWAID, err)
	}
}

func TestEarlyStatusesExpire(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.elsewhere", State: app.StateRead}}})
	if n := countRows(t, s, "early_statuses"); n != 1 {
		t.Fatalf("%d early statuses, want 1", n)
	}
	s.now = func() time.Time { return baseTime.Add(3 * 24 * time.Hour) }
	mustIngest(t, s, c.ID, app.InboundBatch{})
	if n := countRows(t, s, "early_statuses"); n != 0 {
		t.Errorf("%d early statuses after two days, want 0", n)
	}
}

func TestProviderEventsAreRecorded(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, app.InboundBatch{
		Errors: []app.ProviderEvent{{Field: "messages", Code: 131000, Title: "Something went wrong", Detail: "try later", Timestamp: baseTime}},
		Other:  []app.ProviderEvent{{Field: "account_update", Title: "ACCOUNT_VIOLATION", Detail: "policy"}},
	})
	evs, err := s.ProviderEvents(ctx, c.ID, 10)
	if err != nil || len(evs) != 2 {
		t.Fatalf("ProviderEvents = %+v, %v", evs, err)
	}
	other, errEv := evs[0], evs[1]
	if errEv.Kind != EventError || errEv.Code != 131000 || errEv.Title != "Something went wrong" || errEv.Detail != "try later" ||
		!errEv.Timestamp.Equal(baseTime) || !errEv.ReceivedAt.Equal(baseTime.Add(time.Hour)) || errEv.ChannelID != c.ID {
		t.Errorf("error event = %+v", errEv)
	}
	if other.Kind != EventOther || other.Field != "account_update" || other.Title != "ACCOUNT_VIOLATION" || !other.Timestamp.IsZero() {
		t.Errorf("other event = %+v", other)
	}
}
