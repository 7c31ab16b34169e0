package inbox

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

// TestMessageFromThePhoneShowsAsTheOwners: the owner answers Anna from the
// WhatsApp Business app on the phone while her conversation is open. The
// answer appears as an outgoing bubble marked "Sent from your phone" with
// its ticks, it is the list's preview without counting as unread, nobody
// is notified, and the reply window stays as Anna left it.
func TestMessageFromThePhoneShowsAsTheOwners(t *testing.T) {
	sw := newSpaceWorld(t)
	var notes []*fyne.Notification
	n := newMessageNotifier(sw.shell.env)
	n.send = func(note *fyne.Notification) { notes = append(notes, note) }
	n.focused.Store(false)
	sw.Core.Events().Subscribe(n.onCoreEvent)
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	notes = nil
	v := sw.open(t, "Anna Schmidt")
	sw.Clock.Advance(90 * time.Minute)

	if _, err := sw.Emu.PhoneSends(screentest.WorldKey, annaWAID, "Yes, ready at 3pm!"); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)

	b := bubbleWith(t, v.content, "Yes, ready at 3pm!")
	if m := b.Message(); m.Direction != app.Outbound || !m.FromPhone {
		t.Fatalf("the bubble is of %+v; want the owner's message from the phone", m)
	}
	if !screentest.ShowsText(b, widgets.FromPhoneText) {
		t.Errorf("the bubble does not say it was sent from the phone: %q", screentest.VisibleTexts(b))
	}
	if got := tick(b); got != "sent" {
		t.Errorf("the bubble shows the tick %q, want sent", got)
	}
	if screentest.ShowsText(bubbleWith(t, v.content, "Is my cake ready?"), widgets.FromPhoneText) {
		t.Error("Anna's own message is marked as sent from the phone")
	}
	if len(notes) != 0 {
		t.Errorf("the owner was notified of their own message: %+v", notes[0])
	}
	if !screentest.ShowsText(v.header.content, "Reply window open · 22 h 30 min left") {
		t.Errorf("the echo moved the reply window: the header shows %q", screentest.VisibleTexts(v.header.content))
	}
	row := sw.inbox().shown[0]
	if row.LastPreview != "Yes, ready at 3pm!" || row.Unread != 0 {
		t.Errorf("the list row = %+v; want the owner's message as preview, nothing unread", row)
	}
	if !screentest.ShowsText(sw.shell.space.Content, "Yes, ready at 3pm!") {
		t.Errorf("the list does not preview the owner's message: %q", screentest.VisibleTexts(sw.inbox().list))
	}

	// Anna reads it on her phone: the ticks turn blue.
	sw.Emu.Tick()
	sw.flush(t)
	if got := tick(bubbleWith(t, v.content, "Yes, ready at 3pm!")); got != "read" {
		t.Errorf("after Anna read it the bubble shows the tick %q, want read", got)
	}
}

// TestPhoneContactNamesTheCustomer: the name the owner saved on the phone
// names the customer in the list and the open conversation; once removed,
// the WhatsApp profile name is back.
func TestPhoneContactNamesTheCustomer(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hello")
	v := sw.open(t, "Anna Schmidt")

	if err := sw.Emu.PhoneContactSync(screentest.WorldKey,
		emulator.PhoneContact{Number: "+" + annaWAID, FullName: "Anna (cake, Saturday)"}); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	if !screentest.ShowsText(sw.shell.space.Content, "Anna (cake, Saturday)") ||
		!screentest.ShowsText(v.header.content, "Anna (cake, Saturday)") {
		t.Errorf("the phone's name is not shown: list %q, header %q",
			screentest.VisibleTexts(sw.inbox().list), screentest.VisibleTexts(v.header.content))
	}

	if err := sw.Emu.PhoneContactSync(screentest.WorldKey, emulator.PhoneContact{Number: annaWAID, Removed: true}); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	if len(sw.inbox().shown) != 1 || !screentest.ShowsText(v.header.content, "Anna Schmidt") ||
		screentest.ShowsText(sw.shell.space.Content, "Anna (cake, Saturday)") {
		t.Errorf("after the removal: list %q, header %q; want the conversation under the profile name",
			screentest.VisibleTexts(sw.inbox().list), screentest.VisibleTexts(v.header.content))
	}
}
