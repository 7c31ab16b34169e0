package app_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// titles lists the quick replies' titles in their order.
func titles(t *testing.T, w *world) string {
	t.Helper()
	rs, err := w.core.QuickReplies(w.ctx)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, r := range rs {
		if r.Position != i {
			t.Errorf("%q is at position %d, listed %d", r.Title, r.Position, i)
		}
		out = append(out, r.Title)
	}
	return strings.Join(out, ", ")
}

// The owner adds, edits, reorders and deletes quick replies; bad input is
// reported at its field in plain words.
func TestQuickRepliesKeepTheOwnersOrder(t *testing.T) {
	w := newWorld(t)
	var changes int
	defer w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventQuickRepliesChanged {
			changes++
		}
	})()
	var added []app.QuickReply
	for _, title := range []string{"Opening hours", "Where to park", "Delivery"} {
		r, err := w.core.AddQuickReply(w.ctx, app.QuickReply{Title: " " + title + " ", Text: "About " + title})
		if err != nil {
			t.Fatal(err)
		}
		added = append(added, r)
	}
	if got := titles(t, w); got != "Opening hours, Where to park, Delivery" {
		t.Fatalf("added: %s", got)
	}
	if err := w.core.MoveQuickReply(w.ctx, added[2].ID, 0); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, w); got != "Delivery, Opening hours, Where to park" {
		t.Fatalf("Delivery moved first: %s", got)
	}
	if err := w.core.MoveQuickReply(w.ctx, added[2].ID, 99); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, w); got != "Opening hours, Where to park, Delivery" {
		t.Fatalf("Delivery moved past the end: %s", got)
	}
	added[0].Title, added[0].Text = "Hours", "9 to 6"
	if err := w.core.EditQuickReply(w.ctx, added[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.core.DeleteQuickReply(w.ctx, added[1].ID); err != nil {
		t.Fatal(err)
	}
	if got := titles(t, w); got != "Hours, Delivery" {
		t.Fatalf("after edit and delete: %s", got)
	}
	if changes != 7 {
		t.Errorf("%d change events, want 7", changes)
	}

	for name, tc := range map[string]struct {
		r     app.QuickReply
		field string
		want  string
	}{
		"empty title":     {app.QuickReply{Title: "  ", Text: "x"}, app.FieldQuickReplyTitle, "Give the quick reply a short title"},
		"duplicate title": {app.QuickReply{Title: "delivery", Text: "x"}, app.FieldQuickReplyTitle, "You already have a quick reply called “Delivery”"},
		"empty text":      {app.QuickReply{Title: "New", Text: "\n"}, app.FieldQuickReplyText, "Write the answer"},
		"too long":        {app.QuickReply{Title: "New", Text: strings.Repeat("a", app.MaxTextLen+1)}, app.FieldQuickReplyText, "at most 4096 characters in a message; this text has 4097"},
		"unknown var":     {app.QuickReply{Title: "New", Text: "Hi {{nmae}}"}, app.FieldQuickReplyText, "Parley does not know {{nmae}}"},
	} {
		_, err := w.core.AddQuickReply(w.ctx, tc.r)
		var verrs app.ValidationErrors
		if !errors.As(err, &verrs) || !strings.Contains(verrs.For(tc.field), tc.want) {
			t.Errorf("%s: %v; want %q at %s", name, err, tc.want, tc.field)
		}
	}
	// Its own title is no duplicate when editing.
	added[2].Text = "We deliver on Fridays."
	if err := w.core.EditQuickReply(w.ctx, added[2]); err != nil {
		t.Fatalf("editing the text only: %v", err)
	}
}

// A quick reply is filled for the customer; a variable without a value
// stays visible as written, and is reported.
func TestFillQuickReply(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	anna := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	r := app.QuickReply{Title: "Hello", Text: "Hello {{name}}, we will call you on {{ Number }}."}
	got, err := w.core.FillQuickReply(w.ctx, anna.ID, r)
	if err != nil || got.Text != "Hello Anna, we will call you on +49 170 1234567." || len(got.Missing) != 0 {
		t.Fatalf("filled for Anna: %+v, %v", got, err)
	}
	nameless := customerWrites(t, w, ch, "491707654321", "", "Hi")
	got, err = w.core.FillQuickReply(w.ctx, nameless.ID, r)
	if err != nil || !strings.HasPrefix(got.Text, "Hello {{name}}, we will call you on +49") || len(got.Missing) != 1 {
		t.Fatalf("filled without a name: %+v, %v", got, err)
	}
	if msg := got.MissingVariablesMessage(); msg != "Parley does not know this customer's name: replace {{name}} before sending." {
		t.Fatalf("missing message %q", msg)
	}
}
