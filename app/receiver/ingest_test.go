package receiver_test

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	_ "github.com/mattn/go-sqlite3" // the test opens the store's file to add a failing trigger

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
)

// TestValidPayloadIsStored posts one text message and finds it in its
// conversation, with the contact's name.
func TestValidPayloadIsStored(t *testing.T) {
	e := newEnv(t, nil)
	if got := e.postSigned(textPayload("491701234567", "Anna Berg", "wamid.one")); got != http.StatusOK {
		t.Fatalf("status = %d, want 200", got)
	}
	ms := e.messages(e.ch.ID, "491701234567")
	if len(ms) != 1 || ms[0].WAMessageID != "wamid.one" || ms[0].Text != "Hello 0" || ms[0].Direction != app.Inbound {
		t.Fatalf("stored messages = %+v, want the one text message", ms)
	}
	convs, err := e.store.Conversations(context.Background(), e.ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(convs) != 1 || convs[0].ContactName != "Anna Berg" || convs[0].Unread != 1 {
		t.Errorf("conversations = %+v, want Anna Berg with 1 unread", convs)
	}
}

// TestRedeliveryIsIdempotent posts the same payload twice: both are
// answered 200, the messages are stored once and only the first delivery
// tells subscribers of new messages.
func TestRedeliveryIsIdempotent(t *testing.T) {
	e := newEnv(t, nil)
	var mu sync.Mutex // the core publishes on the receiver's writer goroutine
	var received []int
	e.core.Events().Subscribe(func(ev app.Event) {
		if ev.Kind == app.EventMessagesReceived {
			mu.Lock()
			received = append(received, len(ev.Received))
			mu.Unlock()
		}
	})
	body := textPayload("491701234567", "Anna", "wamid.same", "wamid.same-2")
	for i := range 2 {
		if got := e.postSigned(body); got != http.StatusOK {
			t.Fatalf("delivery %d: status = %d, want 200", i+1, got)
		}
	}
	if n := len(e.messages(e.ch.ID, "491701234567")); n != 2 {
		t.Errorf("%d messages stored after redelivery, want 2", n)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(received, []int{2}) {
		t.Errorf("subscribers were told of new messages %v times, want once of 2", received)
	}
}

// TestHundredEventsAllOrNothing makes the store refuse one message of a
// 100-message payload (a trigger on the database file): the payload is
// answered 500 and none of it is stored. Once the fault is gone, the
// redelivery stores all 100.
func TestHundredEventsAllOrNothing(t *testing.T) {
	e := newEnv(t, nil)
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "webhooks", "cloud_100_messages.json"))
	if err != nil {
		t.Fatal(err)
	}
	b, err := dialog360.ParseWebhook(body)
	if err != nil || b.Len() != 100 || len(b.Messages) != 100 {
		t.Fatalf("fixture: %d events, %d messages, %v; want 100 messages", b.Len(), len(b.Messages), err)
	}
	poisoned := b.Messages[57].WAMessageID

	db, err := sql.Open("sqlite3", "file:"+e.store.Path()+"?_busy_timeout=5000")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TRIGGER poison BEFORE INSERT ON messages WHEN NEW.wa_message_id = '` + poisoned + `'
		BEGIN SELECT RAISE(ABORT, 'poisoned event'); END`); err != nil {
		t.Fatal(err)
	}

	if got := e.post(e.rcv.URLFor(e.open), body, nil); got != http.StatusInternalServerError {
		t.Fatalf("status = %d, want 500 so that 360dialog retries", got)
	}
	if n := e.countMessages(e.open.ID); n != 0 {
		t.Fatalf("%d of 100 messages stored after a failed payload, want none", n)
	}
	if convs, _ := e.store.Conversations(context.Background(), e.open.ID); len(convs) != 0 {
		t.Errorf("%d conversations left by a failed payload, want none", len(convs))
	}
	if !strings.Contains(e.logs.String(), "poisoned event") {
		t.Errorf("the store failure was not logged:\n%s", e.logs.String())
	}
	if got := e.postSigned(textPayload("491709999999", "Other", "wamid.unaffected")); got != http.StatusOK {
		t.Errorf("next payload answered %d, want 200", got)
	}

	if _, err := db.Exec(`DROP TRIGGER poison`); err != nil {
		t.Fatal(err)
	}
	if got := e.post(e.rcv.URLFor(e.open), body, nil); got != http.StatusOK {
		t.Fatalf("redelivery status = %d, want 200", got)
	}
	if n := e.countMessages(e.open.ID); n != 100 {
		t.Errorf("%d messages stored after redelivery, want 100", n)
	}
}

// TestAcknowledgedPayloadIsPublished: by the time a webhook is answered
// 200, the core has stored it and told its subscribers which conversation
// got which new message, and a subscriber can read the message. A
// receiver that stored payloads without the core would fail this.
func TestAcknowledgedPayloadIsPublished(t *testing.T) {
	e := newEnv(t, nil)
	var mu sync.Mutex // the core publishes on the receiver's writer goroutine
	var events []app.Event
	var readErr error
	e.core.Events().Subscribe(func(ev app.Event) {
		mu.Lock()
		defer mu.Unlock()
		events = append(events, ev)
		if ev.Kind == app.EventMessagesReceived {
			_, readErr = e.store.MessageByWAID(context.Background(), ev.ChannelID, "wamid.hook")
		}
	})
	if status := e.postSigned(textPayload("491701234567", "Anna", "wamid.hook")); status != http.StatusOK {
		t.Fatalf("status = %d", status)
	}
	stored := e.messages(e.ch.ID, "491701234567")
	if len(stored) != 1 {
		t.Fatalf("%d messages stored, want 1", len(stored))
	}
	mu.Lock()
	defer mu.Unlock()
	var got *app.Event
	for i, ev := range events {
		if ev.Kind == app.EventChannelsChanged {
			t.Errorf("a new message told subscribers to read the channels again: %+v", ev)
		}
		if ev.Kind == app.EventMessagesReceived {
			got = &events[i]
		}
	}
	if got == nil {
		t.Fatalf("the payload was acknowledged but no subscriber heard of it; events: %+v", events)
	}
	if got.ChannelID != e.ch.ID || !slices.Equal(got.ConversationIDs, []int64{stored[0].ConversationID}) ||
		len(got.Received) != 1 || got.Received[0].ID != stored[0].ID || got.Received[0].Text != "Hello 0" {
		t.Errorf("event = %+v, want channel %d, conversation %d and the stored message", *got, e.ch.ID, stored[0].ConversationID)
	}
	if readErr != nil {
		t.Errorf("the message was not readable when the core published it: %v", readErr)
	}
}

// TestEverySampleIsTaken posts every webhook sample: the malformed ones
// are refused with 400, every other one is answered 200 and each of its
// messages is stored.
func TestEverySampleIsTaken(t *testing.T) {
	e := newEnv(t, nil)
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "webhooks", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no samples: %v", err)
	}
	url := e.rcv.URLFor(e.open)
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Base(f)
		want := http.StatusOK
		if strings.HasPrefix(name, "malformed_") {
			want = http.StatusBadRequest
		}
		if got := e.post(url, body, nil); got != want {
			t.Errorf("%s: status = %d, want %d", name, got, want)
			continue
		}
		if want != http.StatusOK {
			continue
		}
		b, err := dialog360.ParseWebhook(body)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, m := range b.Messages {
			if _, err := e.store.MessageByWAID(context.Background(), e.open.ID, m.WAMessageID); err != nil {
				t.Errorf("%s: message %s not stored: %v", name, m.WAMessageID, err)
			}
		}
	}
}

// TestStoreDownIs500 checks that a storage failure asks for a retry.
func TestStoreDownIs500(t *testing.T) {
	e := newEnv(t, func(c *receiver.Config) { c.Ingester = failingIngester{} })
	if got := e.postSigned(textPayload("491701234567", "Anna", "wamid.x")); got != http.StatusInternalServerError {
		t.Errorf("status = %d, want 500", got)
	}
}

// failingIngester fails every payload, as a full disk would.
type failingIngester struct{}

func (failingIngester) IngestBatches(_ context.Context, items []app.IngestItem) ([][]app.Message, []error) {
	errs := make([]error, len(items))
	for i := range errs {
		errs[i] = errors.New("disk I/O error")
	}
	return make([][]app.Message, len(items)), errs
}
