package app_test

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// holdSends wraps the emulator so that its answer to every send says
// WhatsApp held the message back with status (message_status).
func holdSends(status string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/messages") {
				next.ServeHTTP(w, r)
				return
			}
			rec := httptest.NewRecorder()
			next.ServeHTTP(rec, r)
			body := rec.Body.Bytes()
			if rec.Code == http.StatusOK {
				body = bytes.Replace(body, []byte(`"id":"wamid.`), []byte(`"message_status":"`+status+`","id":"wamid.`), 1)
			}
			for k, v := range rec.Header() {
				w.Header()[k] = v
			}
			w.Header().Del("Content-Length")
			w.WriteHeader(rec.Code)
			_, _ = w.Write(body)
		})
	}
}

// TestHeldReplyShowsHeldThenMovesOn sends a reply WhatsApp holds for a
// quality check: the owner sees it held, and sent (with what it costs)
// once WhatsApp's statuses say so.
func TestHeldReplyShowsHeldThenMovesOn(t *testing.T) {
	for status, want := range map[string]app.DeliveryState{
		"held_for_quality_assessment": app.StateHeld,
		"paused":                      app.StatePaused,
	} {
		t.Run(status, func(t *testing.T) {
			w := buildWorld(t, false, holdSends(status))
			ch := w.addChannel(t)
			hookUp(t, w, ch)
			cv := customerWrites(t, w, ch, "491701234567", "Anna", "Is my cake ready?")
			if _, err := w.core.SendText(w.ctx, cv.ID, "Yes, ready at 3pm!", ""); err != nil {
				t.Fatal(err)
			}
			if n, _ := w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx); n != 1 {
				t.Fatalf("outbox sent %d", n)
			}
			got := lastMessage(t, w, cv.ID)
			if got.State != want || got.WAMessageID == "" || app.StateText(got.State) == "" {
				t.Fatalf("after send: %s %q (%q), want %s", got.State, got.WAMessageID, app.StateText(got.State), want)
			}
			w.emu.Tick()
			if err := w.emu.Flush(w.ctx); err != nil {
				t.Fatal(err)
			}
			got = lastMessage(t, w, cv.ID)
			wantPricing := &app.Pricing{Billable: true, Category: "service", Model: "PMP"}
			if got.State == want || !reflect.DeepEqual(got.Pricing, wantPricing) {
				t.Errorf("after statuses: %s, pricing %+v; want moved on, %+v", got.State, got.Pricing, wantPricing)
			}
		})
	}
}
