package app_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestLabelsAreCheckedAndTold: a label needs a name of a chip's length,
// one of the palette's colours and a name of its own; each change is
// told on the bus so the list and the header refresh.
func TestLabelsAreCheckedAndTold(t *testing.T) {
	w := newWorld(t)
	var kinds []app.EventKind
	cancel := w.core.Events().Subscribe(func(e app.Event) { kinds = append(kinds, e.Kind) })
	defer cancel()

	for _, bad := range []struct {
		name  string
		color app.LabelColor
		field string
	}{
		{"   ", app.LabelBlue, app.FieldLabelName},
		{strings.Repeat("x", app.MaxLabelName+1), app.LabelBlue, app.FieldLabelName},
		{"Wholesale", "chartreuse", app.FieldLabelColor},
	} {
		_, err := w.core.CreateLabel(w.ctx, bad.name, bad.color)
		var v app.ValidationErrors
		if !errors.As(err, &v) || v.For(bad.field) == "" {
			t.Errorf("CreateLabel(%q, %q) = %v; want a problem of %s", bad.name, bad.color, err, bad.field)
		}
	}
	_, err := w.core.CreateLabel(w.ctx, " PAID ", app.LabelRed)
	var v app.ValidationErrors
	if !errors.Is(err, app.ErrLabelExists) || !errors.As(err, &v) || v.For(app.FieldLabelName) == "" {
		t.Errorf("a second Paid = %v; want ErrLabelExists at the name", err)
	}
	l, err := w.core.CreateLabel(w.ctx, "  Wholesale   order ", app.LabelTeal)
	if err != nil || l.Name != "Wholesale order" {
		t.Fatalf("CreateLabel = %+v, %v; want the name's spaces tidied", l, err)
	}
	l.Color = app.LabelPurple
	if err := w.core.UpdateLabel(w.ctx, l); err != nil {
		t.Fatal(err)
	}
	if err := w.core.DeleteLabel(w.ctx, l.ID); err != nil {
		t.Fatal(err)
	}
	want := []app.EventKind{app.EventLabelsChanged, app.EventLabelsChanged, app.EventLabelsChanged}
	if !slices.Equal(kinds, want) {
		t.Errorf("events = %v, want three labels-changed", kinds)
	}
}

// TestSortingAConversation: the owner labels, pins, archives and marks a
// conversation unread through the core; the conversation shows each, the
// bus names it, and the customer's next message brings it back from the
// archive.
func TestSortingAConversation(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Is my cake ready?")
	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	defer cancel()

	ls, err := w.core.Labels(w.ctx)
	if err != nil || len(ls) != 4 {
		t.Fatalf("Labels = %+v, %v; want the four a shop starts with", ls, err)
	}
	if err := w.core.SetConversationLabel(w.ctx, cv.ID, ls[1].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := w.core.PinConversation(w.ctx, cv.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := w.core.ArchiveConversation(w.ctx, cv.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := w.core.MarkConversationUnread(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	got, err := w.core.Conversation(w.ctx, cv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Labels, []int64{ls[1].ID}) || !got.Pinned() || !got.Archived() || got.Unread != 1 || !got.WaitingForReply() {
		t.Errorf("conversation = %+v; want labelled Order, pinned, archived, 1 unread, waiting for a reply", got)
	}
	wantKinds := []app.EventKind{app.EventConversationsChanged, app.EventConversationsChanged, app.EventConversationsChanged, app.EventUnreadChanged}
	for i, e := range events {
		if i >= len(wantKinds) || e.Kind != wantKinds[i] || !slices.Equal(e.ConversationIDs, []int64{cv.ID}) {
			t.Errorf("event %d = %+v; want kind %v naming the conversation", i, e, wantKinds)
		}
	}
	if n, _ := w.core.UnreadTotal(w.ctx); n != 1 {
		t.Errorf("UnreadTotal = %d, want the conversation marked unread", n)
	}

	customerWrites(t, w, ch, "491701234567", "Anna", "Hello?")
	if got, _ := w.core.Conversation(w.ctx, cv.ID); got.Archived() || !got.Pinned() {
		t.Errorf("after the customer wrote again: %+v; want it back from the archive, still pinned", got)
	}
	if err := w.core.PinConversation(w.ctx, 999, true); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("pinning a missing conversation = %v, want ErrNotFound", err)
	}
}
