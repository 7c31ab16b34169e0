package persistence

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func TestEnqueueStoresQueuedOutboundMessage(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	in := mustIngest(t, s, c.ID, textBatch("491", "Ann", "w", 1))[0]

	tpl := &app.TemplateSend{Name: "order_ready", Language: "en_US", BodyParams: []string{"Ann", "#1001"}, URLButtonParam: "1001"}
	m, err := s.Enqueue(ctx, app.Message{ConversationID: in.ConversationID, Type: app.MsgTemplate, Template: tpl,
		Text: "Hi Ann, your order #1001 is ready.", Timestamp: baseTime.Add(2 * time.Hour), ReplyTo: in.WAMessageID})
	if err != nil {
		t.Fatal(err)
	}
	if m.ID == 0 || m.ChannelID != c.ID || m.Direction != app.Outbound || m.State != app.StateQueued || m.WAMessageID != "" {
		t.Fatalf("Enqueue = %+v", m)
	}
	got, err := s.Message(ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Template == nil || got.Template.Name != "order_ready" || len(got.Template.BodyParams) != 2 ||
		got.Template.URLButtonParam != "1001" || got.ReplyTo != in.WAMessageID || got.State != app.StateQueued {
		t.Errorf("stored = %+v (template %+v)", got, got.Template)
	}
	conv, _ := s.Conversation(ctx, in.ConversationID)
	if conv.LastPreview != "Template order_ready: Hi Ann, your order #1001 is ready." || conv.Unread != 1 ||
		!conv.LastMessageAt.Equal(baseTime.Add(2*time.Hour)) || !conv.LastInboundAt.Equal(in.Timestamp) {
		t.Errorf("conversation after enqueue = %+v", conv)
	}

	// A message to a new number creates the conversation.
	fresh, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "4930999", Text: "Welcome"})
	if err != nil {
		t.Fatal(err)
	}
	fc, err := s.Conversation(ctx, fresh.ConversationID)
	if err != nil || fc.WAID != "4930999" || fc.LastPreview != "Welcome" || fresh.Type != app.MsgText || fresh.From != "" {
		t.Errorf("new conversation = %+v, %v; message %+v", fc, err, fresh)
	}
	if _, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, Text: "to nobody"}); err == nil {
		t.Error("Enqueue without conversation or recipient succeeded")
	}
	if _, err := s.Enqueue(ctx, app.Message{ConversationID: 999, Text: "x"}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Enqueue to missing conversation = %v, want ErrNotFound", err)
	}
	other := addChannel(t, s, "Other")
	if _, err := s.Enqueue(ctx, app.Message{ChannelID: other.ID, ConversationID: in.ConversationID, Text: "x"}); err == nil {
		t.Error("Enqueue into another channel's conversation succeeded")
	}
}

func TestNextQueuedKeepsPerConversationOrder(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	enqueue := func(to, text string) app.Message {
		m, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: to, Text: text})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	a1 := enqueue("491", "a1")
	b1 := enqueue("492", "b1")
	enqueue("491", "a2")
	enqueue("492", "b2")
	texts := func(limit int) []string {
		ms, err := s.NextQueued(ctx, limit)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, m := range ms {
			out = append(out, m.Text)
		}
		return out
	}
	expect := func(step string, got []string, want ...string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%s: NextQueued = %v, want %v", step, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%s: NextQueued = %v, want %v", step, got, want)
			}
		}
	}
	expect("start", texts(10), "a1", "b1")
	expect("limit", texts(1), "a1")

	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.UpdateState(ctx, a1.ID, app.StateSending, "", 0, ""))
	expect("a1 in flight", texts(10), "b1")
	must(s.UpdateState(ctx, a1.ID, app.StateQueued, "", 0, "")) // transient failure: retry later
	expect("a1 retried", texts(10), "a1", "b1")
	must(s.UpdateState(ctx, a1.ID, app.StateSending, "", 0, ""))
	must(s.UpdateState(ctx, a1.ID, app.StateSent, "wamid.a1", 0, ""))
	must(s.UpdateState(ctx, b1.ID, app.StateSending, "", 0, ""))
	must(s.UpdateState(ctx, b1.ID, app.StateFailed, "", 131047, "More than 24 hours have passed."))
	expect("a1 sent, b1 failed", texts(10), "a2", "b2")

	failed, _ := s.Message(ctx, b1.ID)
	if failed.State != app.StateFailed || failed.ErrorCode != 131047 || failed.ErrorText == "" {
		t.Errorf("failed message = %+v", failed)
	}
	sent, _ := s.Message(ctx, a1.ID)
	if sent.State != app.StateSent || sent.WAMessageID != "wamid.a1" {
		t.Errorf("sent message = %+v", sent)
	}
	if err := s.UpdateState(ctx, 999, app.StateSent, "", 0, ""); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("UpdateState(999) = %v, want ErrNotFound", err)
	}
}

func TestUpdateStateDoesNotUndoReportedProgress(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	m, _ := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "491", Text: "hi"})
	if err := s.UpdateState(ctx, m.ID, app.StateSent, "wamid.x", 0, ""); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.x", State: app.StateRead}}})
	// A late duplicate record of the send must not turn "read" back to "sent".
	if err := s.UpdateState(ctx, m.ID, app.StateSent, "wamid.x", 0, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Message(ctx, m.ID); got.State != app.StateRead {
		t.Errorf("state = %s, want read", got.State)
	}
}

func TestRecoverSendingMarksUnknown(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	var ids []int64
	for _, to := range []string{"491", "492", "493"} {
		m, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: to, Text: "to " + to})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.ID)
	}
	for _, id := range ids[:2] {
		if err := s.UpdateState(ctx, id, app.StateSending, "", 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	rec, err := s.RecoverSending(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rec) != 2 || rec[0].ID != ids[0] || rec[1].ID != ids[1] || rec[0].State != app.StateUnknown || rec[0].Text != "to 491" {
		t.Fatalf("RecoverSending = %+v", rec)
	}
	// Unknown messages are not resent, the still-queued one goes out, and
	// a second recovery finds nothing.
	next, _ := s.NextQueued(ctx, 10)
	if len(next) != 1 || next[0].ID != ids[2] {
		t.Errorf("NextQueued after recovery = %+v", next)
	}
	if again, _ := s.RecoverSending(ctx); len(again) != 0 {
		t.Errorf("second RecoverSending = %+v", again)
	}
}

func TestOutboxQueriesUseIndexes(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	fillMessages(t, s, c.ID, 20, 5000)
	for _, tt := range []struct{ name, query string }{
		{"NextQueued", `SELECT MIN(q.id) FROM messages q WHERE q.state = 'queued'
			AND NOT EXISTS (SELECT 1 FROM messages f WHERE f.state = 'sending' AND f.conversation_id = q.conversation_id)
			GROUP BY q.conversation_id`},
		{"RecoverSending", `SELECT id FROM messages WHERE state = 'sending'`},
	} {
		rows, err := s.ro.Query(`EXPLAIN QUERY PLAN ` + tt.query)
		if err != nil {
			t.Fatal(err)
		}
		var plan []string
		for rows.Next() {
			var id, parent, unused int
			var detail string
			if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
				t.Fatal(err)
			}
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, "; ")
		// Both read only the outbox's partial indexes, never every message.
		want := strings.Contains(joined, "INDEX messages_sending") &&
			(tt.name != "NextQueued" || strings.Contains(joined, "INDEX messages_queued"))
		for _, step := range plan {
			if strings.HasPrefix(step, "SCAN") && !strings.Contains(step, "USING") {
				want = false // a full table scan
			}
		}
		if !want {
			t.Errorf("%s plan %q: want the outbox's partial indexes only", tt.name, joined)
		}
	}
}

func TestConversationFor(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	first, err := s.ConversationFor(ctx, c.ID, "4930111", "")
	if err != nil || first.ID == 0 || first.WAID != "4930111" || first.ChannelID != c.ID || first.ContactName != "" ||
		!first.LastMessageAt.IsZero() {
		t.Fatalf("ConversationFor = %+v, %v", first, err)
	}
	again, err := s.ConversationFor(ctx, c.ID, "4930111", "Carla")
	if err != nil || again.ID != first.ID || again.ContactName != "Carla" {
		t.Errorf("second ConversationFor = %+v, %v; want the same conversation, renamed", again, err)
	}
	if keep, _ := s.ConversationFor(ctx, c.ID, "4930111", ""); keep.ContactName != "Carla" {
		t.Errorf("an empty name erased the contact name: %+v", keep)
	}
	if _, err := s.ConversationFor(ctx, 999, "4930111", ""); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("ConversationFor on a missing channel = %v, want ErrNotFound", err)
	}
	if _, err := s.Conversation(ctx, 999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Conversation(999) = %v, want ErrNotFound", err)
	}
	// An empty conversation lists after ones with messages.
	mustIngest(t, s, c.ID, textBatch("4930222", "Dora", "d", 1))
	convs, _ := s.Conversations(ctx, c.ID)
	if len(convs) != 2 || convs[0].WAID != "4930222" || convs[1].ID != first.ID {
		t.Errorf("Conversations = %+v; want Dora's first, the empty one last", convs)
	}
}

// A WhatsApp id another message already has is refused with its own
// kind, so the outbox can record the send without it; nothing changes.
func TestUpdateStateRefusesAWhatsAppIDTaken(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	in := mustIngest(t, s, c.ID, textBatch("491", "Ann", "w", 1))[0]
	m, err := s.Enqueue(ctx, app.Message{ConversationID: in.ConversationID, Text: "Yes, ready at 3pm!"})
	if err != nil {
		t.Fatal(err)
	}
	err = s.UpdateState(ctx, m.ID, app.StateSent, in.WAMessageID, 0, "")
	if !errors.Is(err, app.ErrWAMessageIDTaken) {
		t.Fatalf("recording the customer's message id on a reply = %v, want ErrWAMessageIDTaken", err)
	}
	if got, _ := s.Message(ctx, m.ID); got.State != app.StateQueued || got.WAMessageID != "" {
		t.Errorf("the refused update changed the reply: %s %q", got.State, got.WAMessageID)
	}
	if err := s.UpdateState(ctx, m.ID, app.StateSent, "", 0, ""); err != nil {
		t.Errorf("recording the send without the id = %v", err)
	}
}
