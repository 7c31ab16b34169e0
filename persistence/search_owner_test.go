package persistence

import (
	"context"
	"testing"

	"github.com/parley-app/parley/app"
)

// customers lists the WhatsApp ids of the conversations whose customer
// (not only a message) matches query.
func customers(t *testing.T, s *Store, query string) []string {
	t.Helper()
	var ids []string
	for _, h := range search(t, s, query) {
		if h.CustomerMatched {
			ids = append(ids, h.Conversation.WAID)
		}
	}
	return ids
}

// TestSearchFindsWhatTheOwnerKeeps: the owner finds a customer by the
// labels on the conversation, by their own name for the customer and by
// the notes, email and address they keep; renaming, taking off or
// deleting a label and editing the notes are followed at once.
func TestSearchFindsWhatTheOwnerKeeps(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	in := mustIngest(t, s, c.ID, app.InboundBatch{Contacts: []app.Contact{{WAID: "4917011111", Name: "Ann"}},
		Messages: []app.Message{inbound("4917011111", "wamid.1", "hello", baseTime)}})
	mustIngest(t, s, c.ID, app.InboundBatch{Contacts: []app.Contact{{WAID: "4917022222", Name: "Bea"}},
		Messages: []app.Message{inbound("4917022222", "wamid.2", "hello", baseTime)}})
	ann := in[0].ConversationID

	label, err := s.CreateLabel(ctx, app.Label{Name: "Großhändler", Color: app.LabelTeal}, baseTime)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SetConversationLabel(ctx, ann, label.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := customers(t, s, "großh"); len(got) != 1 || got[0] != "4917011111" {
		t.Errorf("search by label = %v, want Ann", got)
	}
	label.Name = "Wholesale"
	if err := s.UpdateLabel(ctx, label); err != nil {
		t.Fatal(err)
	}
	if got := customers(t, s, "wholes"); len(got) != 1 {
		t.Errorf("search by the renamed label = %v, want Ann", got)
	}
	if got := customers(t, s, "großh"); len(got) != 0 {
		t.Errorf("the old label name still finds %v", got)
	}
	if err := s.SetConversationLabel(ctx, ann, label.ID, false); err != nil {
		t.Fatal(err)
	}
	if got := customers(t, s, "wholes"); len(got) != 0 {
		t.Errorf("a label taken off still finds %v", got)
	}
	if err := s.SetConversationLabel(ctx, ann, label.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteLabel(ctx, label.ID); err != nil {
		t.Fatal(err)
	}
	if got := customers(t, s, "wholes"); len(got) != 0 {
		t.Errorf("a deleted label still finds %v", got)
	}

	if err := s.SaveContactFields(ctx, ann, app.ContactFields{CustomName: "Anna Bäckerei", Notes: "allergic to nuts",
		Email: "anna@example.com", Address: "Hauptstraße 5"}, baseTime); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"backerei", "Ann", "nuts", "anna@exam", "hauptstr"} {
		if got := customers(t, s, q); len(got) != 1 || got[0] != "4917011111" {
			t.Errorf("search %q = %v, want Ann", q, got)
		}
	}
	if err := s.SaveContactFields(ctx, ann, app.ContactFields{CustomName: "Anna Bäckerei"}, baseTime); err != nil {
		t.Fatal(err)
	}
	if got := customers(t, s, "nuts"); len(got) != 0 {
		t.Errorf("deleted notes still find %v", got)
	}
	checkSearchIntegrity(t, s)
}
