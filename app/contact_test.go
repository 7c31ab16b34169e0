package app_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// customerSays stores a text from the customer waID named name, as a
// webhook would, and returns its conversation.
func customerSays(t *testing.T, w *world, ch app.Channel, waID, name, wamid, text string) int64 {
	t.Helper()
	ms, err := w.core.Ingest(w.ctx, ch.ID, app.InboundBatch{Contacts: []app.Contact{{WAID: waID, Name: name}},
		Messages: []app.Message{{WAMessageID: wamid, From: waID, Type: app.MsgText, RawType: "text", Text: text, Timestamp: w.clock.Now()}}})
	if err != nil || len(ms) != 1 {
		t.Fatalf("ingest: %v, %d messages", err, len(ms))
	}
	return ms[0].ConversationID
}

// TestSaveContactPutsEachProblemAtItsField: a form with a bad email, a
// birthday to come and a name on two lines is refused field by field,
// in plain words, and nothing is saved.
func TestSaveContactPutsEachProblemAtItsField(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	conv := customerSays(t, w, ch, "4917", "Ann", "wamid.1", "Hello")

	_, err := w.core.SaveContact(w.ctx, conv, app.ContactFields{CustomName: "Ann\nSchmidt", Email: "ann@",
		Birthday: w.clock.Now().AddDate(0, 0, 2), Notes: strings.Repeat("n", app.MaxContactNotes+1)})
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("SaveContact: %v, want ValidationErrors", err)
	}
	for field, want := range map[string]string{
		app.ContactFieldName:     "one line",
		app.ContactFieldEmail:    "name@example.com",
		app.ContactFieldBirthday: "in the past",
		app.ContactFieldNotes:    "At most 10000",
	} {
		if got := verrs.UnderField(field); !strings.Contains(got, want) {
			t.Errorf("under %s: %q, want it to say %q", field, got, want)
		}
	}
	if got := verrs.UnderField(app.ContactFieldAddress); got != "" {
		t.Errorf("the empty address has a problem: %q", got)
	}
	card, err := w.core.Contact(w.ctx, conv)
	if err != nil || card.ContactFields != (app.ContactFields{}) {
		t.Errorf("a refused form saved %+v (%v)", card.ContactFields, err)
	}
	if _, err := app.ParseBirthday("23.04.1990"); app.Explain(err) == "" || !strings.Contains(app.Explain(err), "1990-04-23") {
		t.Errorf("a birthday typed another way: %q", app.Explain(err))
	}
}

// TestSaveContactRenamesTheCustomerEverywhere: the owner's name for the
// customer is saved at once, told to the screens, and wins over
// WhatsApp's profile name, which stays beside it.
func TestSaveContactRenamesTheCustomerEverywhere(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	conv := customerSays(t, w, ch, "4917", "Ann", "wamid.1", "Hello")
	w.clock.Advance(3 * time.Hour)
	customerSays(t, w, ch, "4917", "Ann", "wamid.2", "Are you open?")

	events := make(chan app.Event, 10)
	defer w.core.Events().Subscribe(func(e app.Event) { events <- e })()
	birthday := time.Date(1990, 4, 23, 0, 0, 0, 0, time.UTC)
	saved, err := w.core.SaveContact(w.ctx, conv, app.ContactFields{CustomName: "  Ann from the corner shop ",
		Email: "ann@example.com", Birthday: birthday, Notes: "Orders rye\non Fridays\n\n"})
	if err != nil {
		t.Fatal(err)
	}
	if saved.CustomName != "Ann from the corner shop" || saved.Notes != "Orders rye\non Fridays" {
		t.Errorf("saved %+v, want trimmed fields", saved)
	}
	select {
	case e := <-events:
		if e.Kind != app.EventContactsChanged || len(e.ConversationIDs) != 1 || e.ConversationIDs[0] != conv || e.ChannelID != ch.ID {
			t.Errorf("event %+v, want EventContactsChanged naming the conversation", e)
		}
	default:
		t.Error("no event: the list and the header would keep the old name")
	}
	card, err := w.core.Contact(w.ctx, conv)
	if err != nil {
		t.Fatal(err)
	}
	if card.Name() != "Ann from the corner shop" || card.ProfileName != "Ann" || !card.Birthday.Equal(birthday) {
		t.Errorf("card %+v", card)
	}
	if !card.FirstContact.Equal(w.clock.Now().Add(-3*time.Hour)) || !card.LastContact.Equal(w.clock.Now()) {
		t.Errorf("first/last contact %v / %v", card.FirstContact, card.LastContact)
	}
	cv, err := w.core.Conversation(w.ctx, conv)
	if err != nil || app.CustomerName(cv) != "Ann from the corner shop" {
		t.Errorf("the conversation is named %q (%v)", app.CustomerName(cv), err)
	}
}

// TestCustomerNameOrder: the owner's name in Parley, then the name on
// their phone, then WhatsApp's, then the number; invisible characters
// never make a name.
func TestCustomerNameOrder(t *testing.T) {
	cv := app.Conversation{WAID: "4930123456", ContactName: "Ann", PhoneName: "Ann (phone)", CustomName: "Ann (Parley)"}
	for _, step := range []struct {
		want string
		drop func()
	}{
		{"Ann (Parley)", func() { cv.CustomName = "\u202e " }},
		{"Ann (phone)", func() { cv.PhoneName = "" }},
		{"Ann", func() { cv.ContactName = "" }},
		{app.FormatPhone("+4930123456"), nil},
	} {
		if got := app.CustomerName(cv); got != step.want {
			t.Errorf("CustomerName = %q, want %q", got, step.want)
		}
		if step.drop != nil {
			step.drop()
		}
	}
}
