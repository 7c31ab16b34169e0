package persistence

import (
	"context"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// echo is a message the owner sent from the phone to waID.
func echo(waID, wamid, text string, at time.Time) app.Message {
	return app.Message{WAMessageID: wamid, Direction: app.Outbound, FromPhone: true, State: app.StateSent,
		Type: app.MsgText, To: waID, Text: text, Timestamp: at}
}

// TestIngestEchoIsOwnersMessage: a message the owner typed on the phone
// lands in the customer's conversation as the owner's message, with its
// media; it is not unread, opens no window, and its statuses (even one
// that came first) move its ticks.
func TestIngestEchoIsOwnersMessage(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("4917012345", "Ann", "wamid.A", 1))
	before, _ := s.Conversations(ctx, c.ID)

	// The "delivered" status of the photo overtakes its echo.
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.E2",
		State: app.StateDelivered, Timestamp: baseTime.Add(3 * time.Minute)}}})
	photo := echo("4917012345", "wamid.E2", "Here it is", baseTime.Add(2*time.Minute))
	photo.Type, photo.Media = app.MsgImage, &app.Media{ID: "media-1", MIMEType: "image/jpeg", Caption: "Here it is"}
	b := app.InboundBatch{Echoes: []app.Message{echo("4917012345", "wamid.E1", "Yes, tomorrow at 9", baseTime.Add(time.Minute)), photo}}
	ms := mustIngest(t, s, c.ID, b)
	if len(ms) != 2 || ms[0].Direction != app.Outbound || !ms[0].FromPhone || ms[0].ConversationID != before[0].ID {
		t.Fatalf("inserted %+v, want two outbound messages from the phone in Ann's conversation", ms)
	}
	if again := mustIngest(t, s, c.ID, b); len(again) != 0 {
		t.Errorf("a redelivered echo was stored again: %+v", again)
	}

	conv, err := s.Conversation(ctx, before[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if conv.Unread != 1 || conv.LastPreview != "Photo: Here it is" || !conv.LastMessageAt.Equal(photo.Timestamp) ||
		!conv.LastInboundAt.Equal(before[0].LastInboundAt) {
		t.Errorf("conversation = %+v; want the photo as preview, 1 unread and the window as Ann left it", conv)
	}
	got, err := s.Messages(ctx, conv.ID, 0, 10)
	if err != nil || len(got) != 3 {
		t.Fatalf("Messages = %+v, %v", got, err)
	}
	if m := got[0]; !m.FromPhone || m.Direction != app.Outbound || m.State != app.StateDelivered ||
		m.Media == nil || m.Media.ID != "media-1" || m.WAMessageID != "wamid.E2" {
		t.Errorf("the photo = %+v; want from the phone, delivered (the early status), with its media", m)
	}
	if got[2].FromPhone {
		t.Errorf("Ann's message is marked as sent from the phone: %+v", got[2])
	}

	// A later status finds the echo by its WhatsApp id.
	mustIngest(t, s, c.ID, app.InboundBatch{Statuses: []app.StatusUpdate{{WAMessageID: "wamid.E1",
		State: app.StateRead, Timestamp: baseTime.Add(5 * time.Minute)}}})
	if m, _ := s.MessageByWAID(ctx, c.ID, "wamid.E1"); m.State != app.StateRead || !m.FromPhone {
		t.Errorf("after the read status the text is %+v", m)
	}
	if n := countRows(t, s, "early_statuses"); n != 0 {
		t.Errorf("%d early statuses left, want 0", n)
	}
}

// TestIngestEchoToNewCustomer: the owner writes first from the phone; the
// conversation exists now, but its window stays closed.
func TestIngestEchoToNewCustomer(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, app.InboundBatch{Echoes: []app.Message{echo("4915550001", "wamid.N", "Hi, your order is ready", baseTime)}})
	convs, err := s.Conversations(ctx, c.ID)
	if err != nil || len(convs) != 1 {
		t.Fatalf("Conversations = %+v, %v", convs, err)
	}
	cv := convs[0]
	if cv.WAID != "4915550001" || cv.Unread != 0 || cv.LastPreview != "Hi, your order is ready" || !cv.LastInboundAt.IsZero() {
		t.Errorf("conversation = %+v; want the owner's message, nothing unread, no customer message", cv)
	}
	if open, _ := cv.WindowOpen(baseTime.Add(time.Minute)); open {
		t.Error("a message from the phone opened the 24-hour window")
	}
}

// TestIngestPhoneContacts: names from the owner's phone contacts are kept
// beside the WhatsApp profile name; a removal forgets the name and keeps
// the conversation.
func TestIngestPhoneContacts(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	mustIngest(t, s, c.ID, textBatch("4917012345", "Ann", "wamid.A", 1))
	mustIngest(t, s, c.ID, app.InboundBatch{PhoneContacts: []app.PhoneContact{
		{WAID: "4917012345", Name: "Anna (bakery)"},
		{WAID: "4915550002", Name: "Jonas"}, // not a customer yet
	}})
	convs, _ := s.Conversations(ctx, c.ID)
	if len(convs) != 1 || convs[0].PhoneName != "Anna (bakery)" || convs[0].ContactName != "Ann" {
		t.Fatalf("conversations = %+v; want Ann's, with the phone name beside the profile name", convs)
	}
	if n := countRows(t, s, "contacts"); n != 2 {
		t.Errorf("%d contacts, want 2 (the addition is kept for when Jonas writes)", n)
	}
	// Jonas writes: his conversation carries the name the owner saved.
	ms := mustIngest(t, s, c.ID, textBatch("4915550002", "Jonas M.", "wamid.J", 1))
	if cv, _ := s.Conversation(ctx, ms[0].ConversationID); cv.PhoneName != "Jonas" || cv.ContactName != "Jonas M." {
		t.Errorf("Jonas's conversation = %+v", cv)
	}
	// The owner renames Anna, then removes her.
	mustIngest(t, s, c.ID, app.InboundBatch{PhoneContacts: []app.PhoneContact{{WAID: "4917012345", Name: "Anna Schmidt"}}})
	if cv, _ := s.Conversation(ctx, convs[0].ID); cv.PhoneName != "Anna Schmidt" {
		t.Errorf("after the edit the phone name is %q", cv.PhoneName)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{PhoneContacts: []app.PhoneContact{{WAID: "4917012345", Removed: true}}})
	cv, err := s.Conversation(ctx, convs[0].ID)
	if err != nil || cv.PhoneName != "" || cv.ContactName != "Ann" || cv.LastPreview == "" {
		t.Errorf("after the removal the conversation is %+v, %v; want it kept with the profile name only", cv, err)
	}
}
