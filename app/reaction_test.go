package app_test

import (
	"errors"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// The owner reacts 👍 to a customer's message, then takes it back: both
// go through the outbox to WhatsApp as reaction messages for that
// message, and both are kept in the conversation.
func TestReactionIsSentAndTakenBack(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Thanks for the cake!")
	target := lastMessage(t, w, cv.ID)
	if target.WAMessageID == "" || target.Direction != app.Inbound {
		t.Fatalf("the customer's message is %+v", target)
	}
	outbox := w.core.NewOutbox(app.OutboxOptions{})

	m, err := w.core.SendReaction(w.ctx, cv.ID, target.WAMessageID, "👍")
	if err != nil {
		t.Fatal(err)
	}
	if m.Type != app.MsgReaction || m.State != app.StateQueued || m.ReplyTo != target.WAMessageID || m.Text != "👍" {
		t.Fatalf("queued %+v", m)
	}
	outbox.SendQueuedOnce(w.ctx)
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent || got.Type != app.MsgReaction {
		t.Fatalf("the reaction shows %s %q", got.State, got.ErrorText)
	}

	if _, err := w.core.SendReaction(w.ctx, cv.ID, target.WAMessageID, ""); err != nil {
		t.Fatal(err)
	}
	outbox.SendQueuedOnce(w.ctx)
	sent := w.emu.Sent(testKey)
	if len(sent) != 2 {
		t.Fatalf("the emulator got %d messages: %+v", len(sent), sent)
	}
	for i, want := range []string{"👍", ""} {
		if s := sent[i]; s.Type != "reaction" || s.ReplyTo != target.WAMessageID || s.Text != want {
			t.Errorf("send %d reached WhatsApp as %s %q for %q, want reaction %q", i, s.Type, s.Text, s.ReplyTo, want)
		}
	}
	if got := app.Summary(lastMessage(t, w, cv.ID)); got == "" {
		t.Error("the removed reaction has no summary for the list")
	}
}

// A reaction needs the 24-hour window like any reply, an emoji rather
// than words, and a message WhatsApp knows.
func TestReactionIsRefusedWithAReason(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hello")
	target := lastMessage(t, w, cv.ID)
	var verrs app.ValidationErrors
	if _, err := w.core.SendReaction(w.ctx, cv.ID, target.WAMessageID, "yes"); !errors.As(err, &verrs) {
		t.Errorf("words as a reaction: %v", err)
	}
	if _, err := w.core.SendReaction(w.ctx, cv.ID, "", "👍"); !errors.As(err, &verrs) {
		t.Errorf("a reaction to a message without id: %v", err)
	}
	w.clock.Advance(25 * time.Hour)
	if _, err := w.core.SendReaction(w.ctx, cv.ID, target.WAMessageID, "👍"); !errors.Is(err, app.ErrOutsideReplyWindow) {
		t.Errorf("a reaction with the window closed: %v", err)
	}
}
