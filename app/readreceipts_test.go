package app_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// readMarks are the customer messages WhatsApp (the emulator) was told
// the owner read: those the customer sees blue ticks on.
func readMarks(w *world) []string { return w.emu.ReadMarks(testKey) }

// Opening a conversation marks the customer's newest message read at
// WhatsApp, once, when the outbox worker next runs.
func TestOpeningAConversationSendsReadReceipt(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Is my cake ready?")
	newest := lastMessage(t, w, cv.ID).WAMessageID

	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	if got := readMarks(w); len(got) != 0 {
		t.Fatalf("marked read before the worker ran: %v", got)
	}
	ob := w.core.NewOutbox(app.OutboxOptions{})
	if n, wait := ob.SendReadReceiptsOnce(w.ctx); n != 1 || wait != 0 {
		t.Fatalf("receipts round: %d handled, wait %v; want 1, 0", n, wait)
	}
	if got := readMarks(w); !slices.Equal(got, []string{newest}) {
		t.Fatalf("WhatsApp was told %v read, want only the newest message %s", got, newest)
	}
	// Sent once: neither the next round nor opening it again repeats it.
	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := ob.SendReadReceiptsOnce(w.ctx); n != 0 || len(readMarks(w)) != 1 {
		t.Fatalf("a read conversation was marked again: %d handled, marks %v", n, readMarks(w))
	}
}

// With the setting off, opening a conversation tells WhatsApp nothing;
// turning it off also drops what had not gone out yet.
func TestReadReceiptsOffSendsNothing(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	if on, err := w.core.ReadReceipts(w.ctx); err != nil || !on {
		t.Fatalf("read receipts on = %v, %v; want on by default", on, err)
	}
	anna := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	if err := w.core.MarkConversationRead(w.ctx, anna.ID); err != nil {
		t.Fatal(err)
	}
	if err := w.core.SetReadReceipts(w.ctx, false); err != nil {
		t.Fatal(err)
	}
	ben := customerWrites(t, w, ch, "491707654321", "Ben", "Hello")
	if err := w.core.MarkConversationRead(w.ctx, ben.ID); err != nil {
		t.Fatal(err)
	}
	if cv, _ := w.core.Conversation(w.ctx, ben.ID); cv.Unread != 0 {
		t.Errorf("with receipts off the conversation still shows %d unread", cv.Unread)
	}
	if n, _ := w.core.NewOutbox(app.OutboxOptions{}).SendReadReceiptsOnce(w.ctx); n != 0 || len(readMarks(w)) != 0 {
		t.Fatalf("with read receipts off: %d handled, WhatsApp told %v", n, readMarks(w))
	}
	if on, err := w.core.ReadReceipts(w.ctx); err != nil || on {
		t.Fatalf("read receipts on = %v, %v; want off", on, err)
	}
}

// Offline, the receipt waits (backing off) and goes out once the network
// is back; a newer read of the same conversation replaces the waiting one.
func TestOfflineReadReceiptWaitsThenGoes(t *testing.T) {
	w := newListeningWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	w.emu.SetOffline(true)
	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	ob := w.core.NewOutbox(app.OutboxOptions{})
	_, wait := ob.SendReadReceiptsOnce(w.ctx)
	if wait == 0 {
		t.Fatal("offline: the receipt worker must ask to wait")
	}
	w.emu.SetOffline(false)
	if n, _ := ob.SendReadReceiptsOnce(w.ctx); n != 0 {
		t.Fatalf("a receipt that failed was tried again at once (%d)", n)
	}
	// The customer writes again and the owner, still reading, sees it.
	cv = customerWrites(t, w, ch, "491701234567", "Anna", "Still there?")
	newest := lastMessage(t, w, cv.ID).WAMessageID
	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	w.clock.Advance(wait)
	if n, _ := ob.SendReadReceiptsOnce(w.ctx); n != 1 {
		t.Fatalf("back online: %d receipts handled, want 1 (the newer replaced the older)", n)
	}
	if got := readMarks(w); !slices.Equal(got, []string{newest}) {
		t.Fatalf("WhatsApp was told %v read, want %s", got, newest)
	}
}

// A receipt WhatsApp refuses for good is dropped, not retried forever.
func TestRefusedReadReceiptIsDropped(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	// A message the emulator never delivered: it refuses marking it read.
	ms, err := w.core.Ingest(w.ctx, ch.ID, app.InboundBatch{Messages: []app.Message{inboundText("wamid.unknown", "491701234567", "Hi")}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.core.MarkConversationRead(w.ctx, ms[0].ConversationID); err != nil {
		t.Fatal(err)
	}
	ob := w.core.NewOutbox(app.OutboxOptions{})
	if n, wait := ob.SendReadReceiptsOnce(w.ctx); n != 1 || wait != 0 {
		t.Fatalf("refused receipt: %d handled, wait %v; want 1, 0", n, wait)
	}
	w.clock.Advance(time.Hour)
	if n, _ := ob.SendReadReceiptsOnce(w.ctx); n != 0 {
		t.Fatalf("a refused receipt was tried again (%d)", n)
	}
}

// The running outbox sends a receipt as soon as the owner reads, without
// waiting for its poll, and stops with nothing in flight.
func TestRunningOutboxSendsReadReceipt(t *testing.T) {
	marked := make(chan struct{}, 1)
	w := buildWorld(t, false, func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			h.ServeHTTP(rw, r)
			if bytes.Contains(body, []byte(`"status":"read"`)) {
				marked <- struct{}{}
			}
		})
	})
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	ctx, cancel := context.WithCancel(w.ctx)
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		w.core.RunOutbox(ctx, app.OutboxOptions{Poll: time.Hour})
	}()
	defer func() { cancel(); <-stopped }()
	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	select {
	case <-marked:
	case <-time.After(10 * time.Second):
		t.Fatal("the running outbox did not send the read receipt")
	}
	if got := readMarks(w); len(got) != 1 {
		t.Fatalf("WhatsApp was told %v read", got)
	}
}

// A receipt that waited offline for more than 30 days is given up:
// WhatsApp no longer marks messages that old as read.
func TestReadReceiptTooOldIsGivenUp(t *testing.T) {
	w := newListeningWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	w.emu.SetOffline(true)
	if err := w.core.MarkConversationRead(w.ctx, cv.ID); err != nil {
		t.Fatal(err)
	}
	ob := w.core.NewOutbox(app.OutboxOptions{})
	if _, wait := ob.SendReadReceiptsOnce(w.ctx); wait == 0 {
		t.Fatal("offline: the receipt worker must ask to wait")
	}
	w.emu.SetOffline(false)
	w.clock.Advance(31 * 24 * time.Hour)
	if n, wait := ob.SendReadReceiptsOnce(w.ctx); n != 1 || wait != 0 || len(readMarks(w)) != 0 {
		t.Fatalf("a month-old receipt: %d handled, wait %v, WhatsApp told %v; want it dropped unsent", n, wait, readMarks(w))
	}
	if n, _ := ob.SendReadReceiptsOnce(w.ctx); n != 0 {
		t.Fatalf("the old receipt is still queued (%d)", n)
	}
}
