package app_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// hookUp registers a webhook sink with the emulator that stores what it
// receives, as the receiver does, so status updates reach the store.
func hookUp(t *testing.T, w *world, ch app.Channel) {
	t.Helper()
	sink := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b, err := dialog360.ParseWebhook(body)
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		if _, err := w.core.Ingest(r.Context(), ch.ID, b); err != nil {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
			return
		}
	}))
	t.Cleanup(sink.Close)
	p := dialog360.New(testKey, dialog360.WithBaseURL(w.server.URL))
	if err := p.SetWebhook(w.ctx, app.WebhookConfig{URL: sink.URL}); err != nil {
		t.Fatal(err)
	}
}

// customerWrites makes a customer message arrive and returns its conversation.
func customerWrites(t *testing.T, w *world, ch app.Channel, from, name, text string) app.Conversation {
	t.Helper()
	if _, err := w.emu.Inbound(testKey, from, name, text); err != nil {
		t.Fatal(err)
	}
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	cv, err := w.store.ConversationFor(w.ctx, ch.ID, from, "")
	if err != nil {
		t.Fatal(err)
	}
	return cv
}

func lastMessage(t *testing.T, w *world, convID int64) app.Message {
	t.Helper()
	ms, err := w.core.Messages(w.ctx, convID, 0, 1)
	if err != nil || len(ms) == 0 {
		t.Fatalf("messages: %v", err)
	}
	return ms[0]
}

func TestWindowBoundaries(t *testing.T) {
	at := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	cv := app.Conversation{LastInboundAt: at}
	cases := []struct {
		after time.Duration
		open  bool
	}{{0, true}, {23*time.Hour + 59*time.Minute, true}, {24*time.Hour - time.Nanosecond, true}, {24 * time.Hour, false}, {30 * time.Hour, false}}
	for _, tc := range cases {
		open, left := cv.WindowOpen(at.Add(tc.after))
		if open != tc.open || (open && left != 24*time.Hour-tc.after) {
			t.Errorf("after %v: open=%v left=%v", tc.after, open, left)
		}
	}
	if open, _ := (app.Conversation{}).WindowOpen(at); open {
		t.Error("a conversation the customer never started has no open window")
	}
}

func TestReplyDeliveredAndRead(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Is my cake ready?")
	m, err := w.core.SendText(w.ctx, cv.ID, "Yes, *ready* at 3pm!", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.State != app.StateQueued {
		t.Fatalf("a new reply shows %s, want queued", m.State)
	}
	if n, wait := w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx); n != 1 || wait != 0 {
		t.Fatalf("outbox round: %d sent, wait %v", n, wait)
	}
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent || got.WAMessageID == "" {
		t.Fatalf("after send: %s %q", got.State, got.WAMessageID)
	}
	w.emu.Tick()
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	if got := lastMessage(t, w, cv.ID); got.State != app.StateRead {
		t.Fatalf("after status webhooks: %s", got.State)
	}
	sent := w.emu.Sent(testKey)
	if len(sent) != 1 || sent[0].To != "491701234567" {
		t.Fatalf("emulator saw %+v", sent)
	}
}

func TestFreeTextRefusedWhenWindowClosed(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hello")
	w.clock.Advance(24*time.Hour + time.Minute)
	_, err := w.core.SendText(w.ctx, cv.ID, "Sorry for the late answer", "")
	var verrs app.ValidationErrors
	if !errors.Is(err, app.ErrOutsideReplyWindow) || !errors.As(err, &verrs) || verrs.For(app.FieldComposerText) != app.WindowClosedMessage {
		t.Fatalf("closed window: %v", err)
	}
	if len(w.emu.Sent(testKey)) != 0 {
		t.Fatal("something was sent")
	}
}

func TestTemplateParametersFromDynamicVariables(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna Schmidt", "Hi")
	tpl := app.Template{Name: "pickup", Language: "de", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Hallo {{1}}, Ihre Bestellung {{2}} ist fertig. Rückfragen: {{3}}.", BodyExamples: []string{"Max", "#1", "+49"},
		Variables: []app.Variable{{Source: app.VarContactName}, {Source: app.VarTyped}, {Source: app.VarContactPhone}}}
	if err := w.emu.AddTemplate(testKey, tpl); err != nil {
		t.Fatal(err)
	}
	v := app.DefaultTemplateValues(tpl, cv)
	if strings.Join(v.Body, "|") != "Anna Schmidt|#1|+49 170 1234567" {
		t.Fatalf("defaults = %q", v.Body)
	}
	v.Body[1] = ""
	if _, err := w.core.SendTemplateMessage(w.ctx, cv.ID, tpl, v); err == nil || !strings.Contains(err.Error(), "Fill in a value for {{2}}") {
		t.Fatalf("missing parameter accepted: %v", err)
	}
	v.Body[1] = "#4711"
	w.clock.Advance(48 * time.Hour) // templates may go out when the window is closed
	if _, err := w.core.SendTemplateMessage(w.ctx, cv.ID, tpl, v); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent || !strings.Contains(got.Text, "Anna Schmidt") {
		t.Fatalf("template message: %s %q (%s)", got.State, got.Text, got.ErrorText)
	}
	unapproved := tpl
	unapproved.Status = app.TemplateSubmitted
	if _, err := w.core.SendTemplateMessage(w.ctx, cv.ID, unapproved, v); err == nil {
		t.Fatal("an unapproved template was accepted")
	}
}

func TestOfflineMessagesWaitThenGoInOrder(t *testing.T) {
	w := newListeningWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	w.emu.SetOffline(true)
	for _, text := range []string{"one", "two", "three"} {
		if _, err := w.core.SendText(w.ctx, cv.ID, text, ""); err != nil {
			t.Fatal(err)
		}
	}
	ob := w.core.NewOutbox(app.OutboxOptions{})
	if _, wait := ob.SendQueuedOnce(w.ctx); wait == 0 {
		t.Fatal("offline: the outbox must ask to wait")
	}
	if got := lastMessage(t, w, cv.ID); got.State != app.StateQueued {
		t.Fatalf("offline message shows %s", got.State)
	}
	w.emu.SetOffline(false)
	for range 3 {
		ob.SendQueuedOnce(w.ctx)
	}
	var texts []string
	for _, s := range w.emu.Sent(testKey) {
		texts = append(texts, s.Text)
	}
	if strings.Join(texts, ",") != "one,two,three" {
		t.Fatalf("sent in order %q", texts)
	}
}

func TestCrashBetweenSendAndRecordAsksOwner(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Hi")
	// The request reaches WhatsApp, but the answer never comes back.
	w.emu.FailNext(emulator.FaultDrop, 1)
	if _, err := w.core.SendText(w.ctx, cv.ID, "Your order ships today", ""); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	got := lastMessage(t, w, cv.ID)
	if got.State != app.StateUnknown || got.ErrorText != app.UnknownStateMessage {
		t.Fatalf("dropped answer: %s %q", got.State, got.ErrorText)
	}
	// A process killed while "sending": recovered as unknown, never resent.
	m2, _ := w.core.SendText(w.ctx, cv.ID, "Second", "")
	if err := w.store.UpdateState(w.ctx, m2.ID, app.StateSending, "", 0, ""); err != nil {
		t.Fatal(err)
	}
	rec, err := w.core.RecoverOutbox(w.ctx)
	if err != nil || len(rec) != 1 || rec[0].ID != m2.ID {
		t.Fatalf("recovered %+v %v", rec, err)
	}
	before := len(w.emu.Sent(testKey))
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if len(w.emu.Sent(testKey)) != before {
		t.Fatal("a message of unknown outcome was resent without asking")
	}
	// The owner checked and chooses to send again.
	if err := w.core.RetryMessage(w.ctx, m2.ID); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if got, _ := w.store.Message(w.ctx, m2.ID); got.State != app.StateSent {
		t.Fatalf("after retry: %s", got.State)
	}
}

func TestUndeliverableFailsWithReason(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491709999999", "Gone", "Hi")
	w.emu.AddUnreachable("491709999999")
	if _, err := w.core.SendText(w.ctx, cv.ID, "Hello?", ""); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	w.emu.Tick()
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	got := lastMessage(t, w, cv.ID)
	if got.State != app.StateFailed || got.ErrorText == "" {
		t.Fatalf("undeliverable: %s %q", got.State, got.ErrorText)
	}
}

// A provider that answers two sends with the same WhatsApp id (a
// restarted test server, a broken proxy) must not leave the second
// message "sending" for ever: it is recorded as sent, without the id.
func TestReusedWhatsAppIDStillRecordsTheSend(t *testing.T) {
	reuse := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/messages") {
				next.ServeHTTP(rw, r)
				return
			}
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.String()
			if i := strings.Index(body, `"id":"wamid.`); i >= 0 {
				end := i + strings.Index(body[i+6:], `"`) + 6
				body = body[:i] + `"id":"wamid.SAME"` + body[end+1:]
			}
			for k, v := range rec.Header() {
				rw.Header()[k] = v
			}
			rw.Header().Del("Content-Length")
			rw.WriteHeader(rec.Code)
			_, _ = io.WriteString(rw, body)
		})
	}
	w := buildWorld(t, false, reuse)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	anna := customerWrites(t, w, ch, "491701234567", "Anna", "Is my cake ready?")
	ben := customerWrites(t, w, ch, "491709876543", "Ben", "And my bread?")
	ob := w.core.NewOutbox(app.OutboxOptions{Workers: 1})
	for _, cv := range []app.Conversation{anna, ben} {
		if _, err := w.core.SendText(w.ctx, cv.ID, "Yes, ready at 3pm!", ""); err != nil {
			t.Fatal(err)
		}
		if n, _ := ob.SendQueuedOnce(w.ctx); n != 1 {
			t.Fatalf("the outbox sent %d messages, want 1", n)
		}
	}
	first, second := lastMessage(t, w, anna.ID), lastMessage(t, w, ben.ID)
	if first.State != app.StateSent || first.WAMessageID != "wamid.SAME" {
		t.Errorf("the first reply is %s with id %q", first.State, first.WAMessageID)
	}
	if second.State != app.StateSent || second.WAMessageID != "" {
		t.Errorf("the reply answered with a reused id is %s with id %q, want sent without it", second.State, second.WAMessageID)
	}
}
