package app

import (
	"context"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// WebhookProbeHeader marks Parley's own test delivery: the receiver answers
// a request carrying it (at a channel's path, with its secret) with the
// same value in the same header, and stores nothing.
const WebhookProbeHeader = "X-Parley-Probe"

// probeTimeout bounds one test delivery through the tunnel.
const probeTimeout = 20 * time.Second

// TestWebhook proves that customer messages can reach Parley: 360dialog
// has the channel's registered address, and a delivery to that address
// comes through the tunnel to this computer's receiver, for this channel,
// with its secret. Each failure says, in plain words, which part to fix.
func (c *ChannelUseCases) TestWebhook(ctx context.Context, id ChannelID) error {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return fmt.Errorf("test webhook: %w", err)
	}
	if ch.WebhookURL == "" {
		return ValidationErrors{{Field: FieldForm, Message: "Register your tunnel's address first, then send a test."}}
	}
	p, err := c.provider(id)
	if err != nil {
		return keyringProblem("test webhook", err)
	}
	got, err := p.Webhook(ctx)
	if err != nil {
		return webhookProblem("test webhook: ask 360dialog", err)
	}
	if got.URL != ch.WebhookURL {
		where := "no address"
		if got.URL != "" {
			where = hostOf(got.URL)
		}
		return ValidationErrors{{Field: FieldForm, Message: fmt.Sprintf(
			"360dialog delivers this number's messages to %s, not to %s. Press Register with 360dialog again.", where, hostOf(ch.WebhookURL))}}
	}
	return c.probe(ctx, ch)
}

// probe sends Parley's test delivery to the channel's public address.
func (c *ChannelUseCases) probe(ctx context.Context, ch Channel) error {
	ctx, cancel := context.WithTimeout(ctx, probeTimeout)
	defer cancel()
	nonce := make([]byte, 12)
	_, _ = rand.Read(nonce) // never fails (crypto/rand)
	want := hex.EncodeToString(nonce)
	header := http.Header{}
	header.Set(WebhookProbeHeader, want)
	if ch.WebhookSecret != "" {
		header.Set(WebhookSecretHeader, ch.WebhookSecret)
	}
	host, local := hostOf(ch.WebhookURL), c.localReceiverAddr()
	resp, err := c.webhookProbe.Probe(ctx, ch.WebhookURL, header)
	pointAt := "Check that the tunnel points at " + local + ", where Parley listens."
	var redirect *RedirectError
	if errors.As(err, &redirect) {
		return probeFailed(fmt.Sprintf("The tunnel at %s does not pass the test on to Parley: it sends it on to %s. "+
			"Parley did not follow, so the channel's secret stayed private. %s", host, redirect.ToHost(), pointAt))
	}
	if err != nil {
		return ValidationErrors{{Field: FieldForm, Message: probeNetworkProblem(err, host)}}
	}
	switch {
	case resp.StatusCode == http.StatusOK && resp.Header.Get(WebhookProbeHeader) == want:
		c.log.Info("webhook test passed", "channel", ch.ID, "host", host)
		return nil
	case resp.StatusCode == http.StatusOK:
		return probeFailed("Something other than Parley answered at " + host + ". " + pointAt)
	case resp.StatusCode == http.StatusNotFound:
		return probeFailed("The tunnel answered, but not with this channel of Parley (404). " + pointAt)
	case resp.StatusCode == http.StatusUnauthorized:
		return probeFailed("The tunnel reached Parley, but without this channel's secret header. Make sure the tunnel passes headers on unchanged.")
	case resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable || resp.StatusCode == http.StatusGatewayTimeout:
		return probeFailed(fmt.Sprintf("The tunnel is running but cannot reach Parley on this computer (%d). %s", resp.StatusCode, pointAt))
	default:
		return probeFailed(fmt.Sprintf("The tunnel answered %q instead of passing the test on to Parley. %s", resp.Status, pointAt))
	}
}

// probeFailed is a failed test in plain words, at the form.
func probeFailed(msg string) error { return ValidationErrors{{Field: FieldForm, Message: msg}} }

// probeNetworkProblem explains why the test delivery got no answer.
func probeNetworkProblem(err error, host string) string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var hostname x509.HostnameError
	var invalid x509.CertificateInvalidError
	var verify *tls.CertificateVerificationError
	switch {
	case errors.As(err, &dns):
		return "Parley could not find " + host + " on the internet. Check that the tunnel is still running and that the address is copied exactly."
	case errors.As(err, &verify), errors.As(err, &unknownCA), errors.As(err, &hostname), errors.As(err, &invalid):
		return "The HTTPS certificate at " + host + " is not valid, and 360dialog only delivers to addresses with a valid certificate. Use the address exactly as the tunnel shows it."
	case errors.Is(err, context.DeadlineExceeded):
		return host + " did not answer within " + probeTimeout.String() + ". Check that the tunnel is running on this computer."
	default:
		return host + " could not be reached (" + err.Error() + "). Check that the tunnel is running on this computer and that this computer is online."
	}
}

// localReceiverAddr is the address the receiver listens on, for advice.
func (c *ChannelUseCases) localReceiverAddr() string {
	c.receiver.mu.Lock()
	defer c.receiver.mu.Unlock()
	if c.receiver.r == nil {
		return "Parley's receiver"
	}
	return "http://" + c.receiver.r.Addr()
}
