package app_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/parley-app/parley/app"
)

// optOutOf reads the conversation's opt-out as the screens see it.
func optOutOf(t *testing.T, w *world, convID int64) app.OptOut {
	t.Helper()
	cv, err := w.core.Conversation(w.ctx, convID)
	if err != nil {
		t.Fatal(err)
	}
	return cv.OptOut
}

// A customer who writes STOP is opted out of marketing with the day and
// the word, and told to the screens; START lifts it. Only the whole
// message counts, whatever its case, accents and punctuation.
func TestCustomerStopAndStartWords(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventOptOutChanged {
			events = append(events, e)
		}
	})
	defer cancel()

	cv := customerWrites(t, w, ch, "491701234567", "Anna", "please don't stop the offers")
	if got := optOutOf(t, w, cv.ID); got.Active() || len(events) != 0 {
		t.Fatalf("a sentence with stop in it opted out: %+v, events %v", got, events)
	}
	customerWrites(t, w, ch, "491701234567", "Anna", "  Stop! ")
	got := optOutOf(t, w, cv.ID)
	if !got.At.Equal(w.clock.Now()) || got.By != app.OptedOutByCustomer || got.Word != "Stop!" {
		t.Fatalf("after STOP the opt-out is %+v", got)
	}
	if len(events) != 1 || !slices.Equal(events[0].ConversationIDs, []int64{cv.ID}) || events[0].ChannelID != ch.ID {
		t.Fatalf("events after STOP: %+v", events)
	}
	customerWrites(t, w, ch, "491701234567", "Anna", "comecar")
	if got := optOutOf(t, w, cv.ID); got.Active() {
		t.Fatalf("COMEÇAR without its accent did not lift the opt-out: %+v", got)
	}
	for _, word := range []string{"PARAR", "sair", "Berhenti", "abmelden", "रोकें", "Baja."} {
		cv := customerWrites(t, w, ch, "491709999999", "Ben", word)
		if !optOutOf(t, w, cv.ID).Active() {
			t.Errorf("%q did not opt out", word)
		}
		customerWrites(t, w, ch, "491709999999", "Ben", "START")
		if optOutOf(t, w, cv.ID).Active() {
			t.Errorf("START did not lift the opt-out after %q", word)
		}
	}
}

// The owner's lists replace Parley's: a word taken off the stop list no
// longer opts out, a new one does. A word on both lists is refused.
func TestOwnersOptOutWords(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	words, err := w.core.OptOutWords(w.ctx)
	if err != nil || !slices.Contains(words.Stop, "STOP") || !slices.Contains(words.Start, "START") {
		t.Fatalf("default words %+v, %v", words, err)
	}
	err = w.core.SetOptOutWords(w.ctx, app.OptOutWords{Stop: []string{"no more", "STOP"}, Start: []string{"stop"}})
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || verrs.For(app.FieldOptOutStart) == "" {
		t.Fatalf("a word on both lists: %v", err)
	}
	if err := w.core.SetOptOutWords(w.ctx, app.OptOutWords{Stop: []string{" No  more ", "", "no more"}, Start: []string{"again"}}); err != nil {
		t.Fatal(err)
	}
	if words, _ := w.core.OptOutWords(w.ctx); !slices.Equal(words.Stop, []string{"No  more"}) {
		t.Fatalf("saved stop words %q", words.Stop)
	}
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "STOP")
	if optOutOf(t, w, cv.ID).Active() {
		t.Fatal("STOP opted out after the owner took it off the list")
	}
	customerWrites(t, w, ch, "491701234567", "Anna", "no more")
	if !optOutOf(t, w, cv.ID).Active() {
		t.Fatal("the owner's own stop word did not opt out")
	}
}

// A marketing template to an opted-out customer is refused with
// ErrOptedOut, worded for the owner; a utility template and a reply
// still go. The owner can lift the opt-out or set it by hand.
func TestMarketingRefusedToOptedOut(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "STOP")
	sale := syncedTemplate(t, w, ch, app.Template{Name: "spring_sale", Language: "en", Category: app.CategoryMarketing,
		Status: app.TemplateApproved, Body: "Spring sale: 20% off everything!"})
	ready := syncedTemplate(t, w, ch, app.Template{Name: "order_ready", Language: "en", Category: app.CategoryUtility,
		Status: app.TemplateApproved, Body: "Your order is ready."})

	_, err := w.core.SendTemplateMessage(w.ctx, cv.ID, sale, app.DefaultTemplateValues(sale, cv))
	if !errors.Is(err, app.ErrOptedOut) {
		t.Fatalf("marketing to an opted-out customer: %v", err)
	}
	want := "Anna asked not to receive marketing messages on 24 Nov 2026 (they wrote STOP). You can still answer them and send utility templates."
	if got := app.Explain(err); got != want {
		t.Fatalf("Explain = %q\nwant      %q", got, want)
	}
	if _, err := w.core.StartConversation(w.ctx, ch.ID, "+491701234567", sale, app.DefaultTemplateValues(sale, cv)); !errors.Is(err, app.ErrOptedOut) {
		t.Fatalf("starting with marketing: %v", err)
	}
	if _, err := w.core.SendTemplateMessage(w.ctx, cv.ID, ready, app.DefaultTemplateValues(ready, cv)); err != nil {
		t.Fatalf("utility template refused: %v", err)
	}
	if _, err := w.core.SendText(w.ctx, cv.ID, "Sure, no more offers.", ""); err != nil {
		t.Fatalf("reply refused: %v", err)
	}

	if err := w.core.SetOptedOut(w.ctx, cv.ID, false); err != nil {
		t.Fatal(err)
	}
	if _, err := w.core.SendTemplateMessage(w.ctx, cv.ID, sale, app.DefaultTemplateValues(sale, cv)); err != nil {
		t.Fatalf("marketing after the owner allowed it again: %v", err)
	}
	if err := w.core.SetOptedOut(w.ctx, cv.ID, true); err != nil {
		t.Fatal(err)
	}
	if got := optOutOf(t, w, cv.ID); got.By != app.OptedOutByOwner {
		t.Fatalf("set by hand: %+v", got)
	}
	_, err = w.core.SendTemplateMessage(w.ctx, cv.ID, sale, app.DefaultTemplateValues(sale, cv))
	if !errors.Is(err, app.ErrOptedOut) || app.Explain(err) != "Anna asked not to receive marketing messages on 24 Nov 2026 (you marked them). You can still answer them and send utility templates." {
		t.Fatalf("after the owner's opt-out: %v", err)
	}
}

// A marketing template queued before the customer wrote STOP is not
// sent by the outbox: it fails with the reason.
func TestOutboxRefusesMarketingAfterStop(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	sale := syncedTemplate(t, w, ch, app.Template{Name: "spring_sale", Language: "en", Category: app.CategoryMarketing,
		Status: app.TemplateApproved, Body: "Spring sale: 20% off everything!"})
	m, err := w.core.SendTemplateMessage(w.ctx, cv.ID, sale, app.DefaultTemplateValues(sale, cv))
	if err != nil {
		t.Fatal(err)
	}
	customerWrites(t, w, ch, "491701234567", "Anna", "stop")
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	ms, err := w.core.Messages(w.ctx, cv.ID, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range ms {
		if got.ID == m.ID && (got.State != app.StateFailed || got.ErrorText == "") {
			t.Fatalf("the queued marketing template is %s (%q), want failed with the reason", got.State, got.ErrorText)
		}
	}
}
