package emulator

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/parley-app/parley/app"
)

// healthFields are the phone-number node fields /health_status answers.
var healthFields = []string{"health_status", "id", "display_phone_number", "verified_name", "quality_rating"}

// handleHealth answers GET /health_status: 360dialog's documented health
// summary of the number (docs.360dialog.com/docs/messaging/health-status),
// plus the phone-number node fields asked for with ?fields=, as Meta's
// GET /<PHONE_NUMBER_ID>?fields=… does. Unknown fields get Graph's error.
func (e *Emulator) handleHealth(w http.ResponseWriter, r *http.Request, a *account) {
	e.mu.Lock()
	phone, name, pnid, waba := a.phone, a.name, a.phoneID, a.wabaID
	hidden := e.hiddenNumber
	e.mu.Unlock()
	var asked []string
	if f := r.URL.Query().Get("fields"); f != "" {
		asked = strings.Split(f, ",")
	}
	for _, f := range asked {
		if !slices.Contains(healthFields, strings.TrimSpace(f)) || hidden && f != "health_status" {
			writeGraphError(w, http.StatusBadRequest, graphErr{code: 100,
				message: "Tried accessing nonexisting field (" + f + ") on node type (WhatsAppBusinessPhoneNumber)"})
			return
		}
	}
	out := map[string]any{
		"id": pnid,
		"health_status": map[string]any{
			"can_send_message": "AVAILABLE",
			"entities": []any{
				map[string]string{"entity_type": "PHONE_NUMBER", "id": pnid, "can_send_message": "AVAILABLE"},
				map[string]string{"entity_type": "WABA", "id": waba, "can_send_message": "AVAILABLE"},
				map[string]string{"entity_type": "BUSINESS", "id": "3" + pnid[1:], "can_send_message": "AVAILABLE"},
				map[string]string{"entity_type": "APP", "id": "4" + pnid[1:], "can_send_message": "AVAILABLE"},
			},
		},
	}
	if slices.Contains(asked, "display_phone_number") {
		out["display_phone_number"] = displayNumber(phone)
	}
	if slices.Contains(asked, "verified_name") {
		out["verified_name"] = name
	}
	if slices.Contains(asked, "quality_rating") {
		out["quality_rating"] = "GREEN"
	}
	writeJSON(w, http.StatusOK, out)
}

// webhookBody is the body of the webhook configuration.
type webhookBody struct {
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers,omitempty"`
}

// handleWebhookConfig answers GET and POST /v1/configs/webhook. Unlike
// the real service, plain http:// URLs with a port are accepted, so that
// tests and the demo can use a local receiver.
func (e *Emulator) handleWebhookConfig(w http.ResponseWriter, r *http.Request, a *account) {
	switch r.Method {
	case http.MethodGet:
		e.mu.Lock()
		cfg := copyWebhook(a.webhook)
		e.mu.Unlock()
		writeJSON(w, http.StatusOK, webhookBody{URL: cfg.URL, Headers: cfg.Headers})
	case http.MethodPost:
		var b webhookBody
		if !decodeBody(w, r, &b) {
			return
		}
		u, err := url.Parse(b.URL)
		if b.URL != "" && (err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "") {
			writeJSON(w, http.StatusBadRequest, map[string]string{"error": "url must be a valid https URL"})
			return
		}
		e.mu.Lock()
		a.webhook = copyWebhook(app.WebhookConfig{URL: b.URL, Headers: b.Headers})
		e.mu.Unlock()
		writeJSON(w, http.StatusOK, webhookBody{URL: b.URL, Headers: b.Headers})
	default:
		writeJSON(w, http.StatusMethodNotAllowed, map[string]string{"error": "method not allowed"})
	}
}
