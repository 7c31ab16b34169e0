package receiver_test

import (
	"context"
	"database/sql"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
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
// answered 200 and the message is stored once.
func TestRedeliveryIsIdempotent(t *testing.T) {
	type call struct{ inserted int }
	calls := make(chan call, 4)
	e := newEnv(t, func(c *receiver.Config) {
		c.OnIngest = func(_ app.ChannelID, inserted []app.Message, _ app.InboundBatch) {
			calls <- call{len(inserted)}
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
	if first, second := <-calls, <-calls; first.inserted != 2 || second.inserted != 0 {
		t.Errorf("OnIngest saw %d then %d new messages, want 2 then 0", first.inserted, second.inserted)
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

// TestOnIngestAfterCommit checks OnIngest sees the committed rows.
func TestOnIngestAfterCommit(t *testing.T) {
	type seen struct {
		ch       app.ChannelID
		inserted []app.Message
		stored   error
	}
	got := make(chan seen, 1)
	var e *env
	e = newEnv(t, func(c *receiver.Config) {
		c.OnIngest = func(id app.ChannelID, inserted []app.Message, b app.InboundBatch) {
			_, err := e.store.MessageByWAID(context.Background(), id, "wamid.hook")
			got <- seen{id, inserted, err}
		}
	})
	if status := e.postSigned(textPayload("491701234567", "Anna", "wamid.hook")); status != http.StatusOK {
		t.Fatalf("status = %d", status)
	}
	s := <-got
	if s.ch != e.ch.ID || len(s.inserted) != 1 || s.inserted[0].ID == 0 || s.inserted[0].ConversationID == 0 {
		t.Errorf("OnIngest got channel %d and %+v, want channel %d and the stored message", s.ch, s.inserted, e.ch.ID)
	}
	if s.stored != nil {
		t.Errorf("the message was not readable when OnIngest ran: %v", s.stored)
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
