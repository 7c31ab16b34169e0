package app_test

import (
	"fmt"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestSearchFindsReceivedAndSentMessages: what a customer wrote and what
// the owner sent are both found through the core, as typed, and a found
// message's newer neighbours load with MessagesAfter.
func TestSearchFindsReceivedAndSentMessages(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	b := app.InboundBatch{Contacts: []app.Contact{{WAID: "5511987654321", Name: "Conceição"}}}
	for i := range 5 {
		b.Messages = append(b.Messages, inboundText(fmt.Sprintf("wamid.%d", i), "5511987654321", fmt.Sprintf("Tem a promoção %d?", i)))
	}
	got, err := w.core.Ingest(w.ctx, ch.ID, b)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.core.SendText(w.ctx, got[0].ConversationID, "Sim, até sábado", ""); err != nil {
		t.Fatal(err)
	}

	hits, err := w.core.Search(w.ctx, "PROMOCAO")
	if err != nil || len(hits) != 1 || len(hits[0].Messages) != app.SearchMessagesEach {
		t.Fatalf("Search = %+v, %v; want Conceição's conversation with its newest matches", hits, err)
	}
	m := hits[0].Messages[0]
	if m.MessageID != got[4].ID || m.Snippet[m.Matches[0].Start:m.Matches[0].End] != "promoção" {
		t.Errorf("first match %+v, want the newest message with promoção marked", m)
	}
	if hits, _ := w.core.Search(w.ctx, "ate sab"); len(hits) != 1 || hits[0].Messages[0].Direction != app.Outbound {
		t.Errorf("the owner's reply: %+v", hits)
	}
	if hits, _ := w.core.Search(w.ctx, "concei"); len(hits) != 1 || !hits[0].CustomerMatched {
		t.Errorf("by the customer's name: %+v", hits)
	}
	if hits, err := w.core.Search(w.ctx, `  "*" - `); err != nil || len(hits) != 0 {
		t.Errorf("a query without words = %+v, %v", hits, err)
	}
	newer, err := w.core.MessagesAfter(w.ctx, got[0].ConversationID, got[2].ID, 10)
	if err != nil || len(newer) != 3 || newer[0].ID != got[3].ID {
		t.Errorf("MessagesAfter = %d messages, %v; want the two after it and the reply", len(newer), err)
	}
}
