package app_test

import (
	"slices"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// TestEchoFromThePhone: the owner answers a customer from the WhatsApp
// Business app on the phone. Parley shows it in the customer's
// conversation as the owner's message, moves its ticks with the later
// statuses, does not notify the owner of their own words, and keeps the
// 24-hour window as the customer left it (only the customer opens it).
func TestEchoFromThePhone(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Is my cake ready?")
	w.clock.Advance(25 * time.Hour) // the window closed yesterday evening
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) { events = append(events, e) })
	defer cancel()

	wamid, err := w.emu.PhoneSends(testKey, "+49 170 1234567", "Yes, ready at 3pm!")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	m := lastMessage(t, w, cv.ID)
	if m.Direction != app.Outbound || !m.FromPhone || m.WAMessageID != wamid || m.Text != "Yes, ready at 3pm!" {
		t.Fatalf("last message = %+v; want the owner's message from the phone", m)
	}
	for _, e := range events {
		if e.Kind == app.EventMessagesReceived {
			t.Errorf("the owner's own message was announced as received: %+v", e)
		}
	}
	if !slices.ContainsFunc(events, func(e app.Event) bool {
		return e.Kind == app.EventMessagesChanged && slices.Equal(e.ConversationIDs, []int64{cv.ID})
	}) {
		t.Errorf("no EventMessagesChanged for Anna's conversation among %+v", events)
	}
	got, err := w.core.Conversation(w.ctx, cv.ID)
	if err != nil {
		t.Fatal(err)
	}
	if open, _ := got.WindowOpen(w.clock.Now()); open || !got.LastInboundAt.Equal(cv.LastInboundAt) {
		t.Errorf("after the echo the window is open=%v (last inbound %v, was %v); want it closed as before",
			open, got.LastInboundAt, cv.LastInboundAt)
	}
	if got.Unread != cv.Unread || got.LastPreview != "Yes, ready at 3pm!" {
		t.Errorf("conversation = %+v; want the echo as preview and nothing more unread", got)
	}

	w.emu.Tick()
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	if m := lastMessage(t, w, cv.ID); m.State != app.StateRead {
		t.Errorf("after the status webhooks the echo is %s, want read", m.State)
	}

	// A photo from the phone keeps its media.
	if _, err := w.emu.PhoneSendsMedia(testKey, "491701234567", app.MsgImage, "", "image/jpeg", []byte("jpeg"), "The cake"); err != nil {
		t.Fatal(err)
	}
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	if m := lastMessage(t, w, cv.ID); !m.FromPhone || m.Type != app.MsgImage || m.Media == nil || m.Media.ID == "" || m.Text != "The cake" {
		t.Errorf("photo from the phone = %+v", m)
	}
}

// TestPhoneContactSync: names the owner saved on the phone name the
// customers in Parley; a removal forgets the name and keeps the chat.
func TestPhoneContactSync(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hello")
	var kinds []app.EventKind
	cancel := w.core.Events().Subscribe(func(e app.Event) { kinds = append(kinds, e.Kind) })
	defer cancel()

	if err := w.emu.PhoneContactSync(testKey,
		emulator.PhoneContact{Number: "+491701234567", FullName: "Anna Schmidt (bakery)", FirstName: "Anna"},
		emulator.PhoneContact{Number: "4915112345678", FirstName: "Jonas"}); err != nil {
		t.Fatal(err)
	}
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(kinds, app.EventContactsChanged) {
		t.Errorf("events %v, want EventContactsChanged", kinds)
	}
	got, _ := w.core.Conversation(w.ctx, cv.ID)
	if got.PhoneName != "Anna Schmidt (bakery)" || got.ContactName != "Anna" {
		t.Errorf("conversation = %+v; want the phone name beside the profile name", got)
	}
	jonas := customerWrites(t, w, ch, "4915112345678", "J.", "Hi")
	if jonas.PhoneName != "Jonas" {
		t.Errorf("Jonas writes after being added: phone name %q, want Jonas", jonas.PhoneName)
	}

	if err := w.emu.PhoneContactSync(testKey, emulator.PhoneContact{Number: "491701234567", Removed: true}); err != nil {
		t.Fatal(err)
	}
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	got, err := w.core.Conversation(w.ctx, cv.ID)
	if err != nil || got.PhoneName != "" || got.ContactName != "Anna" {
		t.Errorf("after removal = %+v, %v; want the conversation kept under the profile name", got, err)
	}
}
