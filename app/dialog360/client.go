package dialog360

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// DefaultBaseURL is 360dialog's Cloud API ("v2") host.
const DefaultBaseURL = "https://waba-v2.360dialog.io"

// Default limits of a Client.
const (
	defaultTimeout     = 30 * time.Second
	defaultLongTimeout = 5 * time.Minute // uploads and downloads of media
	defaultAttempts    = 3
	defaultBaseDelay   = 500 * time.Millisecond
	// maxRetryWait is the longest the client waits inside one call before
	// a retry. A longer Retry-After is handed back to the caller in
	// ProviderError.RetryAfter instead.
	maxRetryWait = 30 * time.Second
)

// apiKeyHeader carries the API key on every request.
const apiKeyHeader = "D360-API-KEY"

// Client talks to 360dialog's WhatsApp Cloud API for one API key (one
// phone number). It implements app.Provider and is safe for concurrent use.
//
// The API key is only ever written to the D360-API-KEY request header, and
// only towards the configured base URL: it never appears in logs, errors or
// the client's printed form.
type Client struct {
	key         string
	base        string
	hc          *http.Client
	log         *slog.Logger
	attempts    int
	baseDelay   time.Duration
	timeout     time.Duration
	longTimeout time.Duration
	pageSize    int
	sleep       func(ctx context.Context, d time.Duration) error
}

var _ app.Provider = (*Client)(nil)

// Option configures a Client.
type Option func(*Client)

// WithBaseURL points the client at another host, e.g. the emulator.
func WithBaseURL(u string) Option {
	return func(c *Client) { c.base = strings.TrimRight(u, "/") }
}

// WithHTTPClient sets the HTTP client used for every request. The client
// uses a copy of hc that refuses redirects to another server; hc itself is
// not changed.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *Client) {
		if hc != nil {
			c.hc = hc
		}
	}
}

// WithLogger sets the logger. The client logs method, path, status and
// duration of each call, never a key or a message body.
func WithLogger(l *slog.Logger) Option {
	return func(c *Client) {
		if l != nil {
			c.log = l
		}
	}
}

// WithRetry sets how often a retryable call is tried in total and the
// first backoff delay, doubled for each further attempt. maxAttempts 1
// disables retries.
func WithRetry(maxAttempts int, baseDelay time.Duration) Option {
	return func(c *Client) {
		if maxAttempts < 1 {
			maxAttempts = 1
		}
		c.attempts = maxAttempts
		if baseDelay > 0 {
			c.baseDelay = baseDelay
		}
	}
}

// WithTimeout sets the time limit of one request attempt. Media uploads and
// downloads get ten times as long (at least five minutes).
func WithTimeout(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.timeout = d
			c.longTimeout = max(10*d, defaultLongTimeout)
		}
	}
}

// WithPageSize sets how many templates are asked for per page.
func WithPageSize(n int) Option {
	return func(c *Client) {
		if n > 0 {
			c.pageSize = n
		}
	}
}

// WithSleeper replaces the function that waits between retries; tests
// pass one that records the delay instead of sleeping.
func WithSleeper(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *Client) {
		if sleep != nil {
			c.sleep = sleep
		}
	}
}

// New returns a client for apiKey.
func New(apiKey string, opts ...Option) *Client {
	c := &Client{
		key:         strings.TrimSpace(apiKey),
		base:        DefaultBaseURL,
		hc:          &http.Client{},
		log:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		attempts:    defaultAttempts,
		baseDelay:   defaultBaseDelay,
		timeout:     defaultTimeout,
		longTimeout: defaultLongTimeout,
		pageSize:    100,
		sleep:       sleepCtx,
	}
	for _, o := range opts {
		o(c)
	}
	c.hc = app.SameServerRedirects(c.hc) // the key never follows a redirect elsewhere
	return c
}

// Factory returns an app.ProviderFactory making clients with opts.
func Factory(opts ...Option) app.ProviderFactory {
	return func(apiKey string) app.Provider { return New(apiKey, opts...) }
}

// String describes the client without revealing the key.
func (c *Client) String() string {
	return fmt.Sprintf("dialog360.Client{base: %s, key: %s}", c.base, c.keyState())
}

// GoString describes the client for %#v without revealing the key.
func (c *Client) GoString() string { return c.String() }

// LogValue makes slog print the client without its key.
func (c *Client) LogValue() slog.Value {
	return slog.GroupValue(slog.String("base", c.base), slog.String("key", c.keyState()))
}

// Format implements fmt.Formatter so that no verb (%v, %+v, %#v, %s)
// prints the struct fields, and with them the key.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

func (c *Client) keyState() string {
	if c.key == "" {
		return "missing"
	}
	return "redacted"
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
