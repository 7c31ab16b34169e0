package app_test

import (
	"errors"
	"testing"

	"github.com/parley-app/parley/app"
)

// Messages queued for a channel the owner then disconnects are not sent
// (and not failed for want of a key): they wait, new ones are refused in
// plain words, and after a reconnect the waiting ones go out.
func TestDisconnectedChannelHoldsItsQueueUntilReconnected(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	queued, err := w.core.SendText(w.ctx, cv.ID, "Your cake is ready", "")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.core.DisconnectChannel(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}

	ob := w.core.NewOutbox(app.OutboxOptions{})
	if n, _ := ob.SendQueuedOnce(w.ctx); n != 0 {
		t.Fatalf("the outbox handled %d messages of a disconnected channel", n)
	}
	if got := lastMessage(t, w, cv.ID); got.ID != queued.ID || got.State != app.StateQueued {
		t.Fatalf("the waiting message shows %s %q, want queued", got.State, got.ErrorText)
	}
	_, err = w.core.SendText(w.ctx, cv.ID, "Hello?", "")
	var verrs app.ValidationErrors
	if !errors.Is(err, app.ErrChannelDisconnected) || !errors.As(err, &verrs) || verrs[0].Message != app.DisconnectedSendMessage {
		t.Fatalf("sending on a disconnected channel: %v, want %q", err, app.DisconnectedSendMessage)
	}

	if err := w.core.ReconnectChannel(w.ctx, ch.ID, testNumber, testKey); err != nil {
		t.Fatal(err)
	}
	if n, _ := ob.SendQueuedOnce(w.ctx); n != 1 {
		t.Fatalf("after reconnecting the outbox handled %d messages, want 1", n)
	}
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent {
		t.Fatalf("after reconnecting the message shows %s %q, want sent", got.State, got.ErrorText)
	}
	sent := w.emu.Sent(testKey)
	if len(sent) != 1 || sent[0].Text != "Your cake is ready" {
		t.Fatalf("the emulator got %+v", sent)
	}
}
