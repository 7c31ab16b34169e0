package receiver

import (
	"context"
	"io"
	"log/slog"
	"time"

	"github.com/parley-app/parley/app"
)

// Defaults used when a Config field is left zero.
const (
	// DefaultAddr binds the receiver to loopback on a free port: a laptop
	// is reached from the internet only through a tunnel the owner starts.
	DefaultAddr = "127.0.0.1:0"
	// DefaultMaxBody is the largest webhook body accepted (1 MiB).
	DefaultMaxBody int64 = 1 << 20
	// DefaultSecretHeader is the header carrying the channel's shared
	// secret, set by Parley when it registers the webhook.
	DefaultSecretHeader = app.WebhookSecretHeader
	// DefaultMaxGroupItems caps how many payloads one transaction writes.
	DefaultMaxGroupItems = 256
	// DefaultMaxGroupEvents stops a group from taking more payloads once
	// it holds this many events; a group always takes at least one
	// payload, however large.
	DefaultMaxGroupEvents = 4096
	// DefaultBodyBudget bounds the bytes of webhook bodies handled at
	// once (64 MiB).
	DefaultBodyBudget int64 = 64 << 20
	// DefaultBodyWait is how long a webhook waits for room in the body
	// budget: less than the 5 s 360dialog waits for an answer, so that
	// the sender is told to retry before it gives up.
	DefaultBodyWait = 3 * time.Second
)

// ChannelFinder finds the channel a webhook path belongs to;
// persistence.Store implements it.
type ChannelFinder interface {
	// ChannelByWebhookToken returns the channel whose receiver path uses
	// token, or an error wrapping app.ErrNotFound.
	ChannelByWebhookToken(ctx context.Context, token string) (app.Channel, error)
}

// ParseFunc turns a webhook body into its events. It returns an error
// when the body is not a webhook at all (dialog360.ParseWebhook). It must
// not keep body: the receiver reuses the buffer once Parse returns.
type ParseFunc func(body []byte) (app.InboundBatch, error)

// Config configures a Receiver. Channels, Ingester and Parse are required.
type Config struct {
	// Addr is the listen address; empty means DefaultAddr (loopback
	// only). Use "127.0.0.1:8787" for a fixed port a tunnel points at.
	Addr string
	// Channels maps the token in /webhook/<token> to its channel.
	Channels ChannelFinder
	// Ingester takes parsed payloads, many at a time, from the
	// receiver's single writer goroutine: the core (app.Core), which
	// stores them in one transaction and publishes what changed before it
	// returns. A payload is answered 200 only once Ingester returned no
	// error for it.
	Ingester app.GroupIngester
	// Parse reads a webhook body (dialog360.ParseWebhook).
	Parse ParseFunc
	// Log receives one line per failed webhook and per refused one, up to
	// a few a minute for each reason and channel, then one summary line
	// with the count; nil discards. Headers are never logged: they carry
	// the secret.
	Log *slog.Logger
	// MaxBody is the largest body accepted; zero means DefaultMaxBody.
	MaxBody int64
	// SecretHeader names the header checked against the channel's
	// WebhookSecret; empty means DefaultSecretHeader.
	SecretHeader string
	// MaxGroupItems caps the payloads of one group commit and
	// MaxGroupEvents stops a group from growing once it holds that many
	// events; zero means DefaultMaxGroupItems and DefaultMaxGroupEvents.
	MaxGroupItems  int
	MaxGroupEvents int
	// Clock times the refusal log's one-minute windows (see refusalLog);
	// nil means the system clock.
	Clock app.Clock
	// BodyBudget bounds the bytes of the webhooks handled at once: each
	// takes its announced length (MaxBody when not announced) until it is
	// answered, so that slow senders of large bodies cannot fill the
	// memory. Zero means DefaultBodyBudget; it is never less than MaxBody.
	BodyBudget int64
	// BodyWait is how long a webhook waits for room in BodyBudget before
	// it is answered 503 with Retry-After; zero means DefaultBodyWait.
	BodyWait time.Duration
}

// withDefaults returns c with every zero field set to its default.
func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = DefaultAddr
	}
	if c.MaxBody <= 0 {
		c.MaxBody = DefaultMaxBody
	}
	if c.SecretHeader == "" {
		c.SecretHeader = DefaultSecretHeader
	}
	if c.MaxGroupItems <= 0 {
		c.MaxGroupItems = DefaultMaxGroupItems
	}
	if c.MaxGroupEvents <= 0 {
		c.MaxGroupEvents = DefaultMaxGroupEvents
	}
	if c.Clock == nil {
		c.Clock = app.SystemClock{}
	}
	if c.BodyBudget <= 0 {
		c.BodyBudget = DefaultBodyBudget
	}
	c.BodyBudget = max(c.BodyBudget, c.MaxBody)
	if c.BodyWait <= 0 {
		c.BodyWait = DefaultBodyWait
	}
	if c.Log == nil {
		c.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return c
}
