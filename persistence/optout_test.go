package persistence

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// A stop word is stored with the message that carries it: the contact's
// opt-out is read back with the conversation. A start word older than the
// owner's own opt-out (a late delivery) does not lift it; a newer one does.
func TestIngestAppliesStopAndStartWords(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	b := textBatch("4917012345", "Ann", "wamid.A", 1)
	b.Messages = append(b.Messages, inbound("4917012345", "wamid.stop", " Parar! ", baseTime.Add(time.Minute)))
	ms := mustIngest(t, s, c.ID, b)
	cv, err := s.Conversation(ctx, ms[0].ConversationID)
	if err != nil {
		t.Fatal(err)
	}
	want := app.OptOut{At: baseTime.Add(time.Minute), By: app.OptedOutByCustomer, Word: "Parar!"}
	if !cv.OptOut.At.Equal(want.At) || cv.OptOut.By != want.By || cv.OptOut.Word != want.Word {
		t.Fatalf("after PARAR the opt-out is %+v, want %+v", cv.OptOut, want)
	}

	if err := s.SetOptOut(ctx, cv.ID, baseTime.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("4917012345", "wamid.late", "START", baseTime.Add(5*time.Minute))}})
	if cv, _ = s.Conversation(ctx, cv.ID); !cv.OptOut.Active() || cv.OptOut.By != app.OptedOutByOwner {
		t.Fatalf("a START older than the owner's opt-out lifted it: %+v", cv.OptOut)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("4917012345", "wamid.start", "start", baseTime.Add(20*time.Minute))}})
	if cv, _ = s.Conversation(ctx, cv.ID); cv.OptOut.Active() {
		t.Fatalf("START did not lift the opt-out: %+v", cv.OptOut)
	}
	// WhatsApp delivers the STOP again: stored before, so nothing changes.
	mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{inbound("4917012345", "wamid.stop", " Parar! ", baseTime.Add(time.Minute))}})
	if cv, _ = s.Conversation(ctx, cv.ID); cv.OptOut.Active() {
		t.Fatalf("a redelivered STOP opted out again: %+v", cv.OptOut)
	}
	if err := s.SetOptOut(ctx, 999, baseTime); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("opting out a missing conversation: %v", err)
	}
}

// The owner's words are kept in the data folder and used by the next
// ingest at once.
func TestOptOutWordsAreKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if w, err := s.OptOutWords(ctx); err != nil || !slices.Equal(w.Stop, app.DefaultOptOutWords().Stop) {
		t.Fatalf("a new data folder has %+v, %v", w, err)
	}
	c := addChannel(t, s, "Shop")
	if err := s.SaveOptOutWords(ctx, app.OptOutWords{Stop: []string{"chega"}, Start: []string{}}); err != nil {
		t.Fatal(err)
	}
	ms := mustIngest(t, s, c.ID, app.InboundBatch{Messages: []app.Message{
		inbound("4917012345", "wamid.1", "STOP", baseTime), inbound("4917099999", "wamid.2", "Chega", baseTime)}})
	for _, m := range ms {
		cv, _ := s.Conversation(ctx, m.ConversationID)
		if cv.OptOut.Active() != (m.Text == "Chega") {
			t.Errorf("%q: opted out %v", m.Text, cv.OptOut.Active())
		}
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if w, err := s.OptOutWords(ctx); err != nil || !slices.Equal(w.Stop, []string{"chega"}) || len(w.Start) != 0 {
		t.Fatalf("after reopening the words are %+v, %v", w, err)
	}
}

// Quick replies keep their order through moves and deletes, titles are
// unique whatever their case, and they outlive the store.
func TestQuickRepliesOrder(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	var ids []int64
	for _, title := range []string{"A", "B", "C", "D"} {
		r, err := s.AddQuickReply(ctx, app.QuickReply{Title: title, Text: "text " + title}, baseTime)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	order := func() string {
		rs, err := s.QuickReplies(ctx)
		if err != nil {
			t.Fatal(err)
		}
		out := ""
		for i, r := range rs {
			if r.Position != i {
				t.Errorf("%s at position %d, listed %d", r.Title, r.Position, i)
			}
			out += r.Title
		}
		return out
	}
	if err := s.MoveQuickReply(ctx, ids[3], 1); err != nil {
		t.Fatal(err)
	}
	if got := order(); got != "ADBC" {
		t.Fatalf("D to 1: %s", got)
	}
	if err := s.DeleteQuickReply(ctx, ids[0]); err != nil {
		t.Fatal(err)
	}
	if got := order(); got != "DBC" {
		t.Fatalf("A deleted: %s", got)
	}
	if _, err := s.AddQuickReply(ctx, app.QuickReply{Title: "b", Text: "x"}, baseTime); err == nil {
		t.Fatal("a title differing only in case was stored")
	}
	if err := s.MoveQuickReply(ctx, 999, 0); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("moving a missing quick reply: %v", err)
	}
	if err := s.UpdateQuickReply(ctx, app.QuickReply{ID: 999, Title: "Z", Text: "z"}, baseTime); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("editing a missing quick reply: %v", err)
	}
}
