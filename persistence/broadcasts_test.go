package persistence

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// broadcastRecord is a marketing broadcast from channel to the waIDs,
// created at baseTime.
func broadcastRecord(channel app.ChannelID, waIDs ...string) app.BroadcastRecord {
	t := app.Template{Name: "sunday", Language: "en", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Body: "Hello {{1}}, we are open on Sunday"}
	b := app.BroadcastRecord{ChannelID: channel, Name: "Sunday", Template: t, State: app.BroadcastSending,
		Body: []app.ValueMapping{{Source: app.ValueColumn, Column: "name"}}, StartAt: baseTime, CreatedAt: baseTime, DailyLimit: 250}
	for i, w := range waIDs {
		name := fmt.Sprintf("Customer %d", i)
		b.Recipients = append(b.Recipients, app.Recipient{WAID: w, Name: name, Columns: map[string]string{"name": name}})
		send := app.TemplateSend{Name: t.Name, Language: t.Language, Category: t.Category, BodyParams: []string{name}}
		b.Messages = append(b.Messages, app.Message{Type: app.MsgTemplate, Text: "Hello " + name + ", we are open on Sunday", Template: &send})
	}
	return b
}

// oneRecipientBroadcast is broadcastRecord to one customer.
func oneRecipientBroadcast(channel app.ChannelID, waID string) app.BroadcastRecord {
	return broadcastRecord(channel, waID)
}

// numbers returns n WhatsApp ids.
func numbers(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("4917%08d", i)
	}
	return out
}

// mustCreateBroadcast stores b and returns its id.
func mustCreateBroadcast(t testing.TB, s *Store, b app.BroadcastRecord) int64 {
	t.Helper()
	id, err := s.CreateBroadcast(context.Background(), b)
	if err != nil {
		t.Fatalf("CreateBroadcast: %v", err)
	}
	return id
}

// recipientStates returns the outcome of every recipient, in order.
func recipientStates(t testing.TB, s *Store, id int64) []app.RecipientOutcome {
	t.Helper()
	rs, err := s.BroadcastRecipients(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	out := make([]app.RecipientOutcome, len(rs))
	for i, r := range rs {
		out[i] = r.Outcome
	}
	return out
}

// A broadcast's messages wait out of the outbox's sight; conversations it
// starts stay out of the Chats list until the customer writes, and a
// customer's existing conversation keeps its place and preview.
func TestCreateBroadcastHidesNewConversationsAndWaits(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	mustIngest(t, s, ch.ID, textBatch("4911", "Ann", "ann", 1))
	before, err := s.Conversations(ctx, ch.ID)
	if err != nil || len(before) != 1 {
		t.Fatalf("conversations before: %v %v", before, err)
	}
	id := mustCreateBroadcast(t, s, broadcastRecord(ch.ID, "4911", "4922", "4933"))

	after, err := s.Conversations(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 1 || after[0].ID != before[0].ID || after[0].LastPreview != before[0].LastPreview ||
		!after[0].LastMessageAt.Equal(before[0].LastMessageAt) {
		t.Fatalf("Chats after the broadcast = %+v, want Ann's conversation as it was: %+v", after, before)
	}
	if q, err := s.NextQueued(ctx, 10); err != nil || len(q) != 0 {
		t.Fatalf("the outbox sees %d messages (%v), want none before release", len(q), err)
	}
	b, err := s.Broadcast(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if b.Totals.Recipients != 3 || b.Totals.Waiting != 3 || b.Template != "sunday" || b.State != app.BroadcastSending {
		t.Fatalf("broadcast = %+v", b)
	}
	rs, err := s.BroadcastRecipients(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if rs[0].Name != "Ann" || rs[1].Name != "Customer 1" {
		t.Errorf("names = %q, %q; want Parley's name for Ann and the list's for the new customer", rs[0].Name, rs[1].Name)
	}
	// The results page can open a hidden conversation.
	cv, err := s.Conversation(ctx, rs[1].ConversationID)
	if err != nil || cv.WAID != "4922" {
		t.Fatalf("Conversation(%d) = %+v, %v", rs[1].ConversationID, cv, err)
	}
	// Nor does search find it, by number or by the message.
	for _, q := range []string{"4922", "Sunday"} {
		hits, err := s.Search(ctx, q, 10, 3)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range hits {
			if h.Conversation.WAID != "4911" {
				t.Errorf("search %q finds %s, whom only the broadcast wrote to", q, h.Conversation.WAID)
			}
		}
	}
	// The customer answers: the conversation joins the Chats and search.
	mustIngest(t, s, ch.ID, textBatch("4922", "Bob", "bob", 1))
	after, err = s.Conversations(ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != 2 {
		t.Fatalf("after Bob answered the Chats hold %d conversations, want 2", len(after))
	}
	for _, q := range []string{"Bob", "4922", "Sunday"} {
		hits, err := s.Search(ctx, q, 10, 3)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(hits, func(h app.SearchHit) bool { return h.Conversation.WAID == "4922" }) {
			t.Errorf("after Bob answered, search %q does not find him: %+v", q, hits)
		}
	}
}

// Release hands waiting messages to the outbox in order, a few at a time,
// and fails (without releasing) a marketing message to a customer who
// opted out; the released count toward the channel's customers.
func TestReleaseBroadcastInOrderSkippingOptOuts(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	id := mustCreateBroadcast(t, s, broadcastRecord(ch.ID, numbers(5)...))
	rs, _ := s.BroadcastRecipients(ctx, id)
	if err := s.SetOptOut(ctx, rs[1].ConversationID, baseTime); err != nil {
		t.Fatal(err)
	}
	now := baseTime.Add(time.Hour)
	n, convs, err := s.ReleaseBroadcast(ctx, id, 3, now, "opted out")
	if err != nil || n != 2 || len(convs) != 3 {
		t.Fatalf("ReleaseBroadcast = %d, %v, %v; want 2 released of 3 looked at", n, convs, err)
	}
	want := []app.RecipientOutcome{app.OutcomeSending, app.OutcomeFailed, app.OutcomeSending, app.OutcomeWaiting, app.OutcomeWaiting}
	if got := recipientStates(t, s, id); !slices.Equal(got, want) {
		t.Fatalf("outcomes = %v, want %v", got, want)
	}
	rs, _ = s.BroadcastRecipients(ctx, id)
	if rs[1].Reason != "opted out" {
		t.Errorf("reason = %q", rs[1].Reason)
	}
	q, err := s.NextQueued(ctx, 10)
	if err != nil || len(q) != 2 || q[0].ID != rs[0].MessageID || !q[0].Timestamp.Equal(now) {
		t.Fatalf("NextQueued = %+v, %v", q, err)
	}
	used, oldest, err := s.TemplateCustomers(ctx, ch.ID, now.Add(-24*time.Hour))
	if err != nil || used != 2 || !oldest.Equal(now) {
		t.Fatalf("TemplateCustomers = %d, %v, %v; want 2 at %v", used, oldest, err, now)
	}
	if used, _, _ := s.TemplateCustomers(ctx, ch.ID, now.Add(time.Minute)); used != 0 {
		t.Errorf("customers after the sends = %d, want 0", used)
	}
	active, err := s.ActiveBroadcasts(ctx)
	if err != nil || len(active) != 1 || !active[0].Waiting || active[0].Queued != 2 || active[0].Sending != 0 {
		t.Fatalf("ActiveBroadcasts = %+v, %v", active, err)
	}
	// The owner's reply, queued after the release, goes first.
	reply, err := s.Enqueue(ctx, app.Message{ChannelID: ch.ID, From: "4999", Text: "Yes, we are open"})
	if err != nil {
		t.Fatal(err)
	}
	if q, err := s.NextQueued(ctx, 10); err != nil || len(q) != 3 || q[0].ID != reply.ID {
		t.Fatalf("NextQueued = %+v, %v; want the owner's reply first", q, err)
	}
}

// Pausing puts released messages the outbox has not taken back to wait;
// cancelling cancels what waits or is queued, never what is being sent.
func TestPauseAndCancelBroadcast(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	id := mustCreateBroadcast(t, s, broadcastRecord(ch.ID, numbers(4)...))
	if _, _, err := s.ReleaseBroadcast(ctx, id, 3, baseTime, ""); err != nil {
		t.Fatal(err)
	}
	q, _ := s.NextQueued(ctx, 1)
	if err := s.UpdateState(ctx, q[0].ID, app.StateSending, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	convs, err := s.SetBroadcastState(ctx, id, app.BroadcastPaused)
	if err != nil || len(convs) != 2 {
		t.Fatalf("pause = %v, %v; want the 2 queued back", convs, err)
	}
	want := []app.RecipientOutcome{app.OutcomeSending, app.OutcomeWaiting, app.OutcomeWaiting, app.OutcomeWaiting}
	if got := recipientStates(t, s, id); !slices.Equal(got, want) {
		t.Fatalf("after pause: %v, want %v", got, want)
	}
	if _, err := s.SetBroadcastState(ctx, id, app.BroadcastCancelled); err != nil {
		t.Fatal(err)
	}
	want = []app.RecipientOutcome{app.OutcomeSending, app.OutcomeCancelled, app.OutcomeCancelled, app.OutcomeCancelled}
	if got := recipientStates(t, s, id); !slices.Equal(got, want) {
		t.Fatalf("after cancel: %v, want %v", got, want)
	}
	b, _ := s.Broadcast(ctx, id)
	if b.State != app.BroadcastCancelled || b.Totals.Cancelled != 3 || b.Totals.Sending != 1 {
		t.Fatalf("broadcast = %+v", b)
	}
	if active, _ := s.ActiveBroadcasts(ctx); len(active) != 0 {
		t.Errorf("a cancelled broadcast is still active: %+v", active)
	}
}

// Statuses from WhatsApp give recipients delivered and read times for
// the chart; a customer's answer within a day counts as a reply; a
// failed recipient can be retried.
func TestBroadcastResultsTimelineRepliesAndRetry(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	id := mustCreateBroadcast(t, s, broadcastRecord(ch.ID, numbers(3)...))
	if _, _, err := s.ReleaseBroadcast(ctx, id, 3, baseTime, ""); err != nil {
		t.Fatal(err)
	}
	rs, _ := s.BroadcastRecipients(ctx, id)
	for i, r := range rs {
		if err := s.UpdateState(ctx, r.MessageID, app.StateSent, fmt.Sprintf("wamid.b%d", i), 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	mustIngest(t, s, ch.ID, app.InboundBatch{Statuses: []app.StatusUpdate{
		{WAMessageID: "wamid.b0", State: app.StateDelivered, Timestamp: baseTime},
		{WAMessageID: "wamid.b1", State: app.StateRead, Timestamp: baseTime},
		{WAMessageID: "wamid.b2", State: app.StateFailed, Timestamp: baseTime, ErrorCode: 131049, ErrorText: "limit"},
	}})
	mustIngest(t, s, ch.ID, app.InboundBatch{Messages: []app.Message{inbound(rs[1].WAID, "wamid.reply", "Great!", baseTime.Add(time.Hour))}})

	b, _ := s.Broadcast(ctx, id)
	want := app.BroadcastTotals{Recipients: 3, Delivered: 1, Read: 1, Failed: 1, Replied: 1}
	if b.Totals != want {
		t.Fatalf("totals = %+v, want %+v", b.Totals, want)
	}
	rs, _ = s.BroadcastRecipients(ctx, id)
	if rs[0].DeliveredAt.IsZero() || rs[1].ReadAt.IsZero() || rs[1].DeliveredAt.IsZero() || !rs[1].Replied || rs[0].Replied {
		t.Fatalf("results = %+v", rs)
	}
	if rs[2].ErrorCode != 131049 || !rs[0].SentAt.Equal(baseTime) {
		t.Fatalf("failed one = %+v, sent at %v", rs[2], rs[0].SentAt)
	}
	points, err := s.BroadcastTimeline(ctx, id)
	if err != nil || len(points) == 0 {
		t.Fatalf("timeline = %v, %v", points, err)
	}
	if last := points[len(points)-1]; last.Delivered != 2 || last.Read != 1 {
		t.Fatalf("timeline ends at %+v, want 2 delivered, 1 read", last)
	}
	if _, err := s.SetBroadcastState(ctx, id, app.BroadcastDone); err != nil {
		t.Fatal(err)
	}
	n, err := s.RetryBroadcastMessages(ctx, id, []int64{rs[0].MessageID, rs[2].MessageID})
	if err != nil || n != 1 {
		t.Fatalf("retry = %d, %v; want only the failed one", n, err)
	}
	b, _ = s.Broadcast(ctx, id)
	if b.State != app.BroadcastSending || b.Totals.Waiting != 1 || b.Totals.Failed != 0 {
		t.Fatalf("after retry: %+v", b)
	}
}

// Deleting the channel removes its broadcasts with it.
func TestBroadcastGoesWithItsChannel(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	mustCreateBroadcast(t, s, broadcastRecord(ch.ID, numbers(2)...))
	if err := s.DeleteChannel(ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if n := countRows(t, s, "broadcasts") + countRows(t, s, "broadcast_recipients"); n != 0 {
		t.Fatalf("%d rows left", n)
	}
}
