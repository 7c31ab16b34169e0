package persistence

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// contactRow reads a contact's name and its conversation's last inbound
// time (which opens the 24-hour window).
func contactRow(t *testing.T, s *Store, id app.ChannelID, waID string) (name string, lastInbound time.Time, found bool) {
	t.Helper()
	var at *int64
	err := s.ro.QueryRow(`SELECT k.name, v.last_inbound_at FROM contacts AS k
		LEFT JOIN conversations AS v ON v.channel_id = k.channel_id AND v.wa_id = k.wa_id
		WHERE k.channel_id = ? AND k.wa_id = ?`, id, waID).Scan(&name, &at)
	if err != nil {
		return "", time.Time{}, false
	}
	if at != nil {
		lastInbound = time.Unix(0, *at)
	}
	return name, lastInbound, true
}

func TestIngestBatchesFailedPayloadLeavesNoTotals(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "first", 1))

	// One group: a good payload, a bad one for the same customer (which
	// would rename her, add newer messages and a new customer), and
	// another good one.
	bad := app.InboundBatch{Contacts: []app.Contact{{WAID: "491", Name: "Mallory"}, {WAID: "499", Name: "Eve"}}}
	bad.Messages = []app.Message{
		inbound("491", "bad-1", "not stored", baseTime.Add(time.Hour)),
		inbound("499", "bad-2", "not stored", baseTime.Add(time.Hour)),
		inbound("491", "", "no WhatsApp id", baseTime.Add(time.Hour)), // violates a CHECK
	}
	items := []IngestItem{
		{ChannelID: c.ID, Batch: app.InboundBatch{Messages: []app.Message{inbound("491", "good-1", "hello", baseTime.Add(time.Minute))}}},
		{ChannelID: c.ID, Batch: bad},
		{ChannelID: c.ID, Batch: app.InboundBatch{Messages: []app.Message{inbound("491", "good-2", "still there?", baseTime.Add(2*time.Minute))}}},
	}
	results, errs := s.IngestBatches(ctx, items)
	if errs[0] != nil || errs[2] != nil || len(results[0]) != 1 || len(results[2]) != 1 {
		t.Fatalf("good payloads: %v, %v (%d and %d messages)", errs[0], errs[2], len(results[0]), len(results[2]))
	}
	if errs[1] == nil || results[1] != nil {
		t.Fatalf("bad payload: %v, %v; want an error and no messages", results[1], errs[1])
	}
	conv, err := s.Conversation(ctx, results[0][0].ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	if conv.Unread != 3 || conv.LastPreview != "still there?" || conv.ContactName != "Ann" ||
		!conv.LastMessageAt.Equal(baseTime.Add(2*time.Minute)) || !conv.LastInboundAt.Equal(baseTime.Add(2*time.Minute)) {
		t.Errorf("conversation = %+v; want 3 unread, the second good message as preview and time, Ann's name", conv)
	}
	if name, at, _ := contactRow(t, s, c.ID, "491"); name != "Ann" || !at.Equal(baseTime.Add(2*time.Minute)) {
		t.Errorf("contact = %q, %v; want Ann with the good payloads' time", name, at)
	}
	if _, _, found := contactRow(t, s, c.ID, "499"); found {
		t.Error("the failed payload's new contact was stored")
	}
	if convs, _ := s.Conversations(ctx, c.ID); len(convs) != 1 {
		t.Errorf("%d conversations, want 1", len(convs))
	}
	if n := countRows(t, s, "messages"); n != 3 {
		t.Errorf("%d messages stored, want 3", n)
	}
}

func TestIngestBatchesFailedPayloadDoesNotHideNewContact(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	// The bad payload creates Bea's contact and conversation before it
	// fails; the next payload of the group must create them for real.
	bad := textBatch("492", "Bea", "bad", 2)
	bad.Messages[1].WAMessageID = ""
	items := []IngestItem{
		{ChannelID: c.ID, Batch: bad},
		{ChannelID: c.ID, Batch: textBatch("492", "", "good", 1)},
	}
	results, errs := s.IngestBatches(ctx, items)
	if errs[0] == nil || errs[1] != nil || len(results[1]) != 1 {
		t.Fatalf("errors %v / %v, %d messages stored; want only the first to fail", errs[0], errs[1], len(results[1]))
	}
	conv, err := s.Conversation(ctx, results[1][0].ConversationID)
	if err != nil || conv.WAID != "492" || conv.Unread != 1 || conv.LastPreview != "message 0" {
		t.Fatalf("conversation = %+v, %v", conv, err)
	}
	if name, _, found := contactRow(t, s, c.ID, "492"); !found || name != "" {
		t.Errorf("contact = %q (found %v); want it created without the failed payload's name", name, found)
	}
}

func TestIngestBatchesOneGroupAddsUp(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	items := []IngestItem{
		{ChannelID: c.ID, Batch: app.InboundBatch{Contacts: []app.Contact{{WAID: "491", Name: "Ann"}},
			Messages: []app.Message{inbound("491", "w1", "latest", baseTime.Add(time.Hour))}}},
		// A delayed, older message: the preview stays.
		{ChannelID: c.ID, Batch: app.InboundBatch{Messages: []app.Message{inbound("491", "w0", "older", baseTime)}}},
		// WhatsApp delivers w1 twice in the same group: stored once.
		{ChannelID: c.ID, Batch: app.InboundBatch{Messages: []app.Message{inbound("491", "w1", "latest", baseTime.Add(time.Hour))}}},
		// Same time as the latest: the one that came later wins.
		{ChannelID: c.ID, Batch: app.InboundBatch{Contacts: []app.Contact{{WAID: "491", Name: ""}},
			Messages: []app.Message{inbound("491", "w2", "same second", baseTime.Add(time.Hour))}}},
	}
	results, errs := s.IngestBatches(ctx, items)
	for i, err := range errs {
		if err != nil {
			t.Fatalf("payload %d: %v", i, err)
		}
	}
	if len(results[0]) != 1 || len(results[1]) != 1 || len(results[2]) != 0 || len(results[3]) != 1 {
		t.Fatalf("inserted %d, %d, %d, %d messages; want 1, 1, 0, 1", len(results[0]), len(results[1]), len(results[2]), len(results[3]))
	}
	if !(results[0][0].ID < results[1][0].ID && results[1][0].ID < results[3][0].ID) {
		t.Errorf("IDs %d, %d, %d do not follow the order of the payloads", results[0][0].ID, results[1][0].ID, results[3][0].ID)
	}
	conv, err := s.Conversation(ctx, results[0][0].ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	if conv.Unread != 3 || conv.LastPreview != "same second" || conv.ContactName != "Ann" ||
		!conv.LastMessageAt.Equal(baseTime.Add(time.Hour)) || !conv.LastInboundAt.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("conversation = %+v; want 3 unread, the later message of the same second as preview, Ann's name", conv)
	}
	if _, at, _ := contactRow(t, s, c.ID, "491"); !at.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("contact's last inbound time = %v, want the newest message's", at)
	}
	if ch, _ := s.Channel(ctx, c.ID); !ch.LastEventAt.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("LastEventAt = %v, want the ingest time", ch.LastEventAt)
	}
}

func TestIngestKeepsLastInboundTimeOfContact(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w2", "new", baseTime.Add(time.Hour))}})
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w1", "old", baseTime)}})
	if _, at, _ := contactRow(t, s, c.ID, "491"); !at.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("contact's last inbound time = %v, want the newer message's", at)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "w3", "newest", baseTime.Add(2*time.Hour))}})
	if _, at, _ := contactRow(t, s, c.ID, "491"); !at.Equal(baseTime.Add(2 * time.Hour)) {
		t.Errorf("contact's last inbound time = %v, want the newest message's", at)
	}
}

func TestIngestEmptyNameKeepsContactName(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "a", 1))
	mustIngest(t, s, c.ID, textBatch("491", "", "b", 1))
	ms := mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("491", "c", "no contacts list", baseTime)}})
	conv, err := s.Conversation(ctx, ms[0].ConversationID)
	if err != nil || conv.ContactName != "Ann" {
		t.Errorf("contact name = %q, %v; want Ann kept", conv.ContactName, err)
	}
	mustIngest(t, s, c.ID, textBatch("491", "Ann B.", "d", 1))
	if conv, _ := s.Conversation(ctx, ms[0].ConversationID); conv.ContactName != "Ann B." {
		t.Errorf("contact name = %q, want the new name", conv.ContactName)
	}
}

func TestExpiredEarlyStatusIsReplacedBeforePruning(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	status := app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.late", State: app.StateDelivered}}}
	mustIngest(t, s, c.ID, status)
	// Two days later the same status comes again, within a minute of
	// the last pruning: it must count as new, not as the expired copy.
	s.now = func() time.Time { return baseTime.Add(49 * time.Hour) }
	s.prunedAt.Store(baseTime.Add(49 * time.Hour).UnixNano())
	mustIngest(t, s, c.ID, status)
	s.now = func() time.Time { return baseTime.Add(50 * time.Hour) }
	mustIngest(t, s, c.ID, app.InboundBatch{}) // prunes what expired
	m, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "491", Text: "hi"})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateState(ctx, m.ID, app.StateSending, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	if err := s.UpdateState(ctx, m.ID, app.StateSent, "wamid.late", 0, ""); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Message(ctx, m.ID); got.State != app.StateDelivered {
		t.Errorf("state = %s, want the status that arrived again applied (delivered)", got.State)
	}
}

func TestIngestStatusOfInboundIDIsNotKept(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("491", "Ann", "in", 1))
	// A status naming a stored (inbound) message is not kept for later.
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "in-0", State: app.StateRead}}})
	if n := countRows(t, s, "early_statuses"); n != 0 {
		t.Errorf("%d early statuses, want 0", n)
	}
}

func TestIngestBatchesForManyCustomers(t *testing.T) {
	// More customers than one bulk lookup carries.
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	var items []IngestItem
	for i := range 3*bulkMaxRows + 5 {
		waID := strconv.Itoa(4917000000 + i)
		items = append(items, IngestItem{ChannelID: c.ID, Batch: textBatch(waID, "C", waID, 1)})
	}
	_, errs := s.IngestBatches(ctx, items)
	for i, err := range errs {
		if err != nil {
			t.Fatalf("payload %d: %v", i, err)
		}
	}
	convs, err := s.Conversations(ctx, c.ID)
	if err != nil || len(convs) != len(items) {
		t.Fatalf("%d conversations, %v; want %d", len(convs), err, len(items))
	}
	for _, conv := range convs {
		if conv.Unread != 1 || conv.ContactName != "C" {
			t.Fatalf("conversation %+v; want 1 unread and the contact's name", conv)
		}
	}
	// Again: every key is now found by the lookup, nothing is created.
	for i := range items {
		items[i].Batch = textBatch(items[i].Batch.Contacts[0].WAID, "C", items[i].Batch.Contacts[0].WAID+"-again", 1)
	}
	if _, errs := s.IngestBatches(ctx, items); errs[0] != nil {
		t.Fatal(errs[0])
	}
	if n := countRows(t, s, "conversations"); n != len(items) {
		t.Errorf("%d conversations after the second group, want %d", n, len(items))
	}
	if convs, _ := s.Conversations(ctx, c.ID); convs[0].Unread != 2 {
		t.Errorf("unread = %d, want 2", convs[0].Unread)
	}
}

func TestIngestRecordsChannelEventTime(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	at := baseTime.Add(time.Hour)
	lastEvent := func() time.Time {
		t.Helper()
		ch, err := s.Channel(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		return ch.LastEventAt
	}
	for _, step := range []struct {
		name     string
		now      time.Time
		want     time.Time
		explains string
	}{
		{"first", at, at, "the ingest time"},
		{"half a second later", at.Add(500 * time.Millisecond), at, "unchanged within eventTimeResolution"},
		{"two seconds later", at.Add(2 * time.Second), at.Add(2 * time.Second), "the new ingest time"},
		{"clock set back", at.Add(-time.Hour), at.Add(2 * time.Second), "never earlier"},
	} {
		s.now = func() time.Time { return step.now }
		mustIngest(t, s, c.ID, app.InboundBatch{})
		if got := lastEvent(); !got.Equal(step.want) {
			t.Errorf("%s: LastEventAt = %v, want %v (%s)", step.name, got, step.want, step.explains)
		}
	}
}
