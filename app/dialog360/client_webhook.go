package dialog360

import (
	"context"
	"net/http"

	"github.com/parley-app/parley/app"
)

// webhookPath is the phone-number webhook configuration (360dialog-api.md §2a).
const webhookPath = "v1/configs/webhook"

// webhookAnswer is the body of GET and POST /v1/configs/webhook.
type webhookAnswer struct {
	URL     string            `json:"url"`
	Headers map[string]string `json:"headers,omitempty"`
}

// Webhook returns the webhook registered for the number. 360dialog may
// not echo the headers; then Headers is empty.
func (c *Client) Webhook(ctx context.Context) (app.WebhookConfig, error) {
	var w webhookAnswer
	if err := c.getJSON(ctx, "read webhook", webhookPath, nil, &w); err != nil {
		return app.WebhookConfig{}, err
	}
	return app.WebhookConfig{URL: w.URL, Headers: w.Headers}, nil
}

// SetWebhook registers the URL 360dialog posts events to, with the headers
// it adds to every post. Setting it twice is harmless, so it is retried.
func (c *Client) SetWebhook(ctx context.Context, w app.WebhookConfig) error {
	in := webhookAnswer{URL: w.URL}
	if len(w.Headers) > 0 {
		in.Headers = w.Headers
	}
	req := request{op: "set webhook", method: http.MethodPost, path: webhookPath, policy: retrySafe}
	return c.sendJSON(ctx, req, in, nil)
}
