package app

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
)

// FieldPublicURL is the field of the tunnel's public address in
// Configure → Receiving messages.
const FieldPublicURL = "public_url"

// WebhookSecretHeader is the header 360dialog is asked to send with every
// webhook, carrying the channel's secret; the receiver checks it.
const WebhookSecretHeader = "X-Parley-Secret"

// WebhookPath is the path of a channel's webhook on the receiver (and
// behind the owner's tunnel).
func WebhookPath(ch Channel) string { return "/webhook/" + ch.WebhookToken }

// PublicWebhookURL checks the public address the owner's tunnel gives
// (https://abc.trycloudflare.com) against 360dialog's rules for webhook
// addresses and returns the channel's webhook URL behind it. An address
// that already ends in the channel's path is taken as it is. Problems
// come back as a FieldError on FieldPublicURL, in plain words.
func PublicWebhookURL(ch Channel, public string) (string, error) {
	bad := func(msg string) error {
		return ValidationErrors{{Field: FieldPublicURL, Message: msg}}
	}
	public = strings.TrimSpace(public)
	if public == "" {
		return "", bad("Paste the public address your tunnel shows, such as https://example.trycloudflare.com.")
	}
	if !strings.Contains(public, "://") {
		public = "https://" + public
	}
	u, err := url.Parse(public)
	if err != nil || u.Host == "" {
		return "", bad("This is not a web address. Copy the address your tunnel shows, such as https://example.trycloudflare.com.")
	}
	if u.Scheme != "https" {
		return "", bad("The address must start with https://: 360dialog only delivers messages to secure (HTTPS) addresses.")
	}
	if u.Port() != "" {
		return "", bad("Leave out the port (" + u.Port() + "): 360dialog only delivers to the standard HTTPS port. Use the address the tunnel shows.")
	}
	host := u.Hostname()
	if strings.Contains(host, "_") {
		return "", bad("360dialog does not accept addresses with an underscore (_) in the name. Choose another name for the tunnel.")
	}
	if isLocalHost(host) {
		return "", bad("This address only works on this computer. Start a tunnel and paste the public address it gives you.")
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", bad("Paste only the address itself, without a name, password, ? or # part.")
	}
	path := strings.TrimSuffix(u.Path, "/")
	if want := WebhookPath(ch); !strings.HasSuffix(path, want) {
		path += want
	}
	return "https://" + u.Host + path, nil
}

// isLocalHost reports whether host names this computer or a private
// network, which 360dialog cannot reach.
func isLocalHost(host string) bool {
	h := strings.ToLower(host)
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || strings.HasSuffix(h, ".local") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && (ip.IsLoopback() || ip.IsPrivate() || ip.IsUnspecified() || ip.IsLinkLocalUnicast())
}

// RegisterWebhook makes the owner's tunnel the channel's webhook: it checks
// public (see PublicWebhookURL), saves the resulting address on the channel
// first, so nothing typed is lost, then registers it with 360dialog,
// with the channel's secret header, and reads it back. It returns the
// channel as saved.
func (c *ChannelUseCases) RegisterWebhook(ctx context.Context, id ChannelID, public string) (Channel, error) {
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		return Channel{}, fmt.Errorf("register webhook: %w", err)
	}
	full, err := PublicWebhookURL(ch, public)
	if err != nil {
		return ch, err
	}
	if ch.WebhookURL != full {
		ch.WebhookURL = full
		if err := c.store.UpdateChannel(ctx, ch); err != nil {
			return ch, fmt.Errorf("register webhook: save address: %w", err)
		}
		c.bus.Publish(Event{Kind: EventChannelsChanged, ChannelID: id})
	}
	p, err := c.provider(id)
	if err != nil {
		return ch, keyringProblem("register webhook", err)
	}
	cfg := WebhookConfig{URL: full}
	if ch.WebhookSecret != "" {
		cfg.Headers = map[string]string{WebhookSecretHeader: ch.WebhookSecret}
	}
	if err := p.SetWebhook(ctx, cfg); err != nil {
		return ch, webhookProblem("register webhook", err)
	}
	got, err := p.Webhook(ctx)
	if err != nil {
		return ch, webhookProblem("register webhook: read it back", err)
	}
	if got.URL != full {
		return ch, ValidationErrors{{Field: FieldForm, Message: fmt.Sprintf(
			"360dialog accepted the address but still lists %q. Try Register again in a minute.", got.URL)}}
	}
	c.log.Info("webhook registered", "channel", id, "host", hostOf(full))
	return ch, nil
}

// webhookProblem turns a provider failure while registering into plain
// words at the form.
func webhookProblem(op string, err error) error {
	var pe *ProviderError
	if errors.As(err, &pe) && pe.Plain != "" {
		msg := pe.Plain
		if pe.Kind == KindInvalid {
			msg = "360dialog refused this address: " + pe.Plain + " Check that it is the https address your tunnel shows."
		}
		return ValidationErrors{{Field: FieldForm, Message: msg}}
	}
	return fmt.Errorf("%s: %w", op, err)
}

// hostOf returns the host of a URL, for logs (never the secret path).
func hostOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return "?"
	}
	return u.Host
}
