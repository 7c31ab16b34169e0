package app_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// inboundText is a text message customer from sends.
func inboundText(wamid, from, text string) app.Message {
	return app.Message{WAMessageID: wamid, From: from, Direction: app.Inbound, Type: app.MsgText, RawType: "text",
		Text: text, Timestamp: time.Now()}
}

// TestIngestPublishesWhatChanged hands the core one group of payloads as
// the receiver does: two customers write, a delivery status arrives and
// a payload comes again. Subscribers learn which conversations got which
// new messages and that statuses changed, once per kind, and nothing
// tells them to read the channels again.
func TestIngestPublishesWhatChanged(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	defer cancel()

	anna := app.InboundBatch{Messages: []app.Message{inboundText("wamid.a1", "491701111111", "Hallo"), inboundText("wamid.a2", "491701111111", "Noch da?")}}
	ben := app.InboundBatch{Messages: []app.Message{inboundText("wamid.b1", "491702222222", "Moin")}}
	status := app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.out", State: app.StateDelivered, Timestamp: time.Now()}}}
	results, errs := w.core.IngestBatches(w.ctx, []app.IngestItem{
		{ChannelID: ch.ID, Batch: anna}, {ChannelID: ch.ID, Batch: ben}, {ChannelID: ch.ID, Batch: status}, {ChannelID: ch.ID, Batch: anna},
	})
	for i, err := range errs {
		if err != nil {
			t.Fatalf("payload %d: %v", i, err)
		}
	}
	if len(results[0]) != 2 || len(results[1]) != 1 || len(results[3]) != 0 {
		t.Fatalf("new messages per payload: %d, %d, %d, %d; want 2, 1, 0, 0", len(results[0]), len(results[1]), len(results[2]), len(results[3]))
	}

	var kinds []app.EventKind
	for _, e := range events {
		kinds = append(kinds, e.Kind)
		if e.ChannelID != ch.ID {
			t.Errorf("event %v names channel %d, want %d", e.Kind, e.ChannelID, ch.ID)
		}
	}
	want := []app.EventKind{app.EventMessagesReceived, app.EventMessagesChanged, app.EventWebhookReceived}
	if !slices.Equal(kinds, want) {
		t.Fatalf("event kinds = %v, want %v (one of each, no EventChannelsChanged)", kinds, want)
	}
	got := events[0]
	wantConvs := []int64{results[0][0].ConversationID, results[1][0].ConversationID}
	if !slices.Equal(got.ConversationIDs, wantConvs) || wantConvs[0] == wantConvs[1] {
		t.Errorf("received in conversations %v, want Anna's and Ben's %v", got.ConversationIDs, wantConvs)
	}
	var texts []string
	for _, m := range got.Received {
		if m.ID == 0 {
			t.Errorf("received message %q has no local id", m.Text)
		}
		texts = append(texts, m.Text)
	}
	if !slices.Equal(texts, []string{"Hallo", "Noch da?", "Moin"}) {
		t.Errorf("received %q, want the three new messages once", texts)
	}
	if st := events[1].Statuses; len(st) != 1 || st[0].WAMessageID != "wamid.out" || st[0].State != app.StateDelivered {
		t.Errorf("the statuses event carries %+v, want the delivered status of wamid.out", st)
	}
}

// TestTemplateWebhookPublishesItsOutcome: WhatsApp pushes a template's
// approval and a rejection with its reason. Besides the plain change
// (the list is stale), each outcome is published with its template, so
// the owner is told at once and not only after the next sync. An event
// that changes no status is published as a plain change only.
func TestTemplateWebhookPublishesItsOutcome(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	defer cancel()

	batch := app.InboundBatch{Templates: []app.TemplateEvent{
		{Name: "order_ready", Language: "de", Event: "APPROVED", Reason: "NONE"},
		{Name: "sunday_offer", Language: "en_US", Event: "REJECTED", Reason: "The template is not formatted correctly."},
		{Name: "order_ready", Language: "de", Event: "FLAGGED"},
	}}
	if _, err := w.core.Ingest(w.ctx, ch.ID, batch); err != nil {
		t.Fatal(err)
	}
	var plain int
	var outcomes []app.TemplateChange
	for _, e := range events {
		if e.Kind != app.EventTemplatesChanged {
			continue
		}
		if e.Template == nil {
			plain++
			continue
		}
		outcomes = append(outcomes, *e.Template)
	}
	if plain != 1 {
		t.Errorf("%d plain template changes, want 1 before the outcomes", plain)
	}
	want := []app.TemplateChange{
		{Name: "order_ready", Language: "de", To: app.TemplateApproved},
		{Name: "sunday_offer", Language: "en_US", To: app.TemplateRejected, Reason: "The template is not formatted correctly."},
	}
	if !slices.Equal(outcomes, want) {
		t.Errorf("outcomes = %+v, want %+v", outcomes, want)
	}
}

// TestIngestFailurePublishesNothing: a payload the store refuses (its
// channel is gone) is not published, while the rest of its group is.
func TestIngestFailurePublishesNothing(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	defer cancel()

	gone := ch.ID + 1000
	_, errs := w.core.IngestBatches(w.ctx, []app.IngestItem{
		{ChannelID: gone, Batch: app.InboundBatch{Messages: []app.Message{inboundText("wamid.lost", "491703333333", "Hallo")}}},
		{ChannelID: ch.ID, Batch: app.InboundBatch{Messages: []app.Message{inboundText("wamid.kept", "491703333333", "Hallo")}}},
	})
	if !errors.Is(errs[0], app.ErrNotFound) || errs[1] != nil {
		t.Fatalf("errors = %v, want not found for the removed channel and none for the other", errs)
	}
	for _, e := range events {
		if e.ChannelID == gone {
			t.Errorf("the refused payload was published: %+v", e)
		}
	}
	if len(events) != 2 || events[0].Kind != app.EventMessagesReceived || len(events[0].Received) != 1 {
		t.Errorf("events = %+v, want the kept message received and its webhook", events)
	}
}
