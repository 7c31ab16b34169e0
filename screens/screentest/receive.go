package screentest

import (
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
)

// Receive registers at the emulator, for channel ch, a webhook that
// parses what it receives and hands it to the core, as Parley's receiver
// does. The emulator delivers when the test calls Emu.Flush.
func (w *World) Receive(t *testing.T, ch app.Channel) {
	t.Helper()
	sink := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b, err := dialog360.ParseWebhook(body)
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		if _, err := w.Core.Ingest(r.Context(), ch.ID, b); err != nil {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
		}
	}))
	t.Cleanup(sink.Close)
	p := dialog360.New(WorldKey, dialog360.WithBaseURL(w.Server.URL))
	if err := p.SetWebhook(w.Ctx, app.WebhookConfig{URL: sink.URL}); err != nil {
		t.Fatal(err)
	}
}
