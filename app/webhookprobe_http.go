package app

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// httpWebhookProbe is the WebhookProbe over HTTP(S), the default. Its
// client refuses redirects to another server, so the channel's secret
// never leaves the address the owner registered.
type httpWebhookProbe struct {
	client *http.Client
}

// newHTTPWebhookProbe returns the default WebhookProbe, sending through
// a copy of hc (a plain client with probeTimeout when nil) that refuses
// redirects to another server.
func newHTTPWebhookProbe(hc *http.Client) httpWebhookProbe {
	if hc == nil {
		hc = &http.Client{Timeout: probeTimeout}
	}
	return httpWebhookProbe{client: SameServerRedirects(hc)}
}

// Probe implements WebhookProbe.
func (p httpWebhookProbe) Probe(ctx context.Context, url string, header http.Header) (ProbeAnswer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader("{}"))
	if err != nil {
		return ProbeAnswer{}, fmt.Errorf("test webhook: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, vs := range header {
		req.Header[k] = vs
	}
	resp, err := p.client.Do(req)
	if err != nil {
		return ProbeAnswer{}, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return ProbeAnswer{StatusCode: resp.StatusCode, Status: resp.Status, Header: resp.Header}, nil
}
