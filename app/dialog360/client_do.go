package dialog360

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/parley-app/parley/app"
)

// retryPolicy says when a failed call may be tried again.
type retryPolicy int

const (
	// retrySafe is for reads and idempotent writes (profile update, mark
	// read, webhook config, upload to a session at offset 0, delete):
	// retried on KindOffline, KindUnavailable and KindRateLimited.
	retrySafe retryPolicy = iota
	// retryUnsent is for calls that must not run twice (message sends,
	// template creation). They are retried only when the request certainly
	// did not reach 360dialog: the connection failed before a single
	// request header was written (connection refused, DNS failure,
	// unreachable network), or 360dialog answered HTTP 429 (a rejection
	// before any processing). Never after a timeout, a dropped connection
	// or a 5xx answer, because the request may have been carried out.
	retryUnsent
)

// Body size limits.
const (
	maxBody     = 10 << 20  // JSON answers
	maxLongBody = 110 << 20 // media downloads (WhatsApp's limit is 100 MB)
)

// request is one API call.
type request struct {
	op          string // what the caller was doing, for logs and details
	method      string
	path        string // relative to the base URL; may carry its own "?query"
	query       url.Values
	body        []byte
	contentType string
	header      map[string]string
	policy      retryPolicy
	long        bool // media transfer: longer timeout and body limit
	send        bool // a message send: see ProviderError.MaybeSent
	// goneOK treats 404 on a retry as success: the earlier attempt, whose
	// answer was lost, already deleted the thing.
	goneOK bool
}

// response is a successful (2xx) answer.
type response struct {
	status int
	header http.Header
	body   []byte
}

// do runs req with retries and returns the 2xx answer or an error; provider
// and network failures are *app.ProviderError.
func (c *Client) do(ctx context.Context, req request) (*response, error) {
	if c.key == "" {
		return nil, errorFor(app.KindBadKey, 0, 0, req.op+": no API key")
	}
	for attempt := 1; ; attempt++ {
		resp, perr, written := c.attempt(ctx, req, attempt)
		if perr == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return nil, fmt.Errorf("%s: %w", req.op, ctx.Err())
		}
		if req.goneOK && attempt > 1 && perr.Kind == app.KindNotFound {
			return &response{status: perr.HTTPStatus}, nil // an earlier attempt did it
		}
		if req.send && mayHaveArrived(perr, written) {
			perr.MaybeSent = true
			perr.Plain = plainMaybeSent
		}
		wait, ok := c.retryWait(req, perr, written, attempt)
		if !ok {
			return nil, perr
		}
		c.log.LogAttrs(ctx, slog.LevelInfo, "360dialog retry",
			slog.String("method", req.method), slog.String("path", logPath(req.path)),
			slog.Int("attempt", attempt), slog.Duration("wait", wait))
		if err := c.sleep(ctx, wait); err != nil {
			return nil, fmt.Errorf("%s: %w", req.op, err)
		}
	}
}

// mayHaveArrived reports whether a failed request may still have been
// carried out: the connection failed after the request was written, or
// 360dialog answered 500 (internal error) or 504 (gateway timeout), which
// can come after WhatsApp accepted the message. A 502 is 360dialog saying
// WhatsApp could not be reached, and 4xx answers are refusals.
func mayHaveArrived(perr *app.ProviderError, written bool) bool {
	switch perr.HTTPStatus {
	case 0:
		return written
	case http.StatusInternalServerError, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// retryWait decides whether a failed attempt is retried and after how long.
func (c *Client) retryWait(req request, perr *app.ProviderError, written bool, attempt int) (time.Duration, bool) {
	if attempt >= c.attempts {
		return 0, false
	}
	switch req.policy {
	case retrySafe:
		if !perr.Temporary() {
			return 0, false
		}
	case retryUnsent:
		unsent := perr.HTTPStatus == 0 && !written && perr.Kind == app.KindOffline
		if !unsent && perr.HTTPStatus != http.StatusTooManyRequests {
			return 0, false
		}
	}
	wait := c.baseDelay << (attempt - 1)
	if perr.RetryAfter > 0 {
		wait = perr.RetryAfter
	}
	if wait > maxRetryWait {
		return 0, false
	}
	return wait, true
}

// attempt runs req once. written reports whether any part of the request
// reached the connection.
func (c *Client) attempt(ctx context.Context, req request, n int) (*response, *app.ProviderError, bool) {
	timeout := c.timeout
	limit := int64(maxBody)
	if req.long {
		timeout, limit = c.longTimeout, maxLongBody
	}
	actx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	var wrote, connected atomic.Bool
	trace := &httptrace.ClientTrace{
		GotConn:      func(httptrace.GotConnInfo) { connected.Store(true) },
		WroteHeaders: func() { wrote.Store(true) },
	}
	hreq, err := c.newHTTPRequest(httptrace.WithClientTrace(actx, trace), req)
	if err != nil {
		return nil, errorFor(app.KindUnknown, 0, 0, req.op+": "+err.Error()), false
	}
	start := time.Now()
	hresp, err := c.hc.Do(hreq)
	var body []byte
	if err == nil {
		body, err = io.ReadAll(io.LimitReader(hresp.Body, limit+1))
		_ = hresp.Body.Close()
		if err == nil && int64(len(body)) > limit {
			err = fmt.Errorf("answer larger than %d bytes", limit)
		}
	}
	dur := time.Since(start)
	if err != nil {
		perr := redirectRefused(req.op, err)
		if perr == nil {
			perr = transportError(req.op, err, connected.Load())
		}
		c.logCall(ctx, req, n, 0, dur, perr)
		return nil, perr, wrote.Load()
	}
	if hresp.StatusCode >= 200 && hresp.StatusCode < 300 {
		c.logCall(ctx, req, n, hresp.StatusCode, dur, nil)
		return &response{status: hresp.StatusCode, header: hresp.Header, body: body}, nil, true
	}
	perr := parseError(hresp.StatusCode, body, hresp.Header)
	perr.Details = req.op + ": " + perr.Details
	c.logCall(ctx, req, n, hresp.StatusCode, dur, perr)
	return nil, perr, true
}

// newHTTPRequest builds the HTTP request for req with the key header.
func (c *Client) newHTTPRequest(ctx context.Context, req request) (*http.Request, error) {
	u := c.base + "/" + strings.TrimLeft(req.path, "/")
	if len(req.query) > 0 {
		sep := "?"
		if strings.Contains(u, "?") {
			sep = "&"
		}
		u += sep + req.query.Encode()
	}
	var body io.Reader
	if req.body != nil {
		body = bytes.NewReader(req.body)
	}
	hreq, err := http.NewRequestWithContext(ctx, req.method, u, body)
	if err != nil {
		return nil, fmt.Errorf("build request: %w", err)
	}
	hreq.Header.Set(apiKeyHeader, c.key)
	hreq.Header.Set("Accept", "application/json")
	if req.contentType != "" {
		hreq.Header.Set("Content-Type", req.contentType)
	}
	for k, v := range req.header {
		hreq.Header.Set(k, v)
	}
	return hreq, nil
}

// logCall logs one attempt: method, path, status, duration. Never the key,
// never a body, never a query string (download links carry tokens).
func (c *Client) logCall(ctx context.Context, req request, attempt, status int, dur time.Duration, perr *app.ProviderError) {
	attrs := []slog.Attr{
		slog.String("method", req.method),
		slog.String("path", logPath(req.path)),
		slog.Int("status", status),
		slog.Duration("duration", dur),
	}
	if attempt > 1 {
		attrs = append(attrs, slog.Int("attempt", attempt))
	}
	if perr == nil {
		c.log.LogAttrs(ctx, slog.LevelDebug, "360dialog call", attrs...)
		return
	}
	attrs = append(attrs, slog.Int("kind", int(perr.Kind)), slog.Int("code", perr.Code))
	c.log.LogAttrs(ctx, slog.LevelWarn, "360dialog call failed", attrs...)
}

// logPath strips the query string from a path.
func logPath(p string) string {
	if i := strings.IndexByte(p, '?'); i >= 0 {
		p = p[:i]
	}
	return "/" + strings.TrimLeft(p, "/")
}

// getJSON runs a GET and decodes the answer into out.
func (c *Client) getJSON(ctx context.Context, op, path string, query url.Values, out any) error {
	resp, err := c.do(ctx, request{op: op, method: http.MethodGet, path: path, query: query, policy: retrySafe})
	if err != nil {
		return err
	}
	return decodeAnswer(op, resp.body, out)
}

// sendJSON runs a write with a JSON body and decodes the answer into out
// (out may be nil).
func (c *Client) sendJSON(ctx context.Context, req request, in, out any) error {
	b, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("%s: encode request: %w", req.op, err)
	}
	req.body, req.contentType = b, "application/json"
	resp, err := c.do(ctx, req)
	if err != nil {
		return err
	}
	if out == nil {
		return nil
	}
	return decodeAnswer(req.op, resp.body, out)
}

// decodeAnswer decodes a 2xx JSON answer. An answer that is not JSON is a
// provider problem, reported as such.
func decodeAnswer(op string, body []byte, out any) error {
	if out == nil || len(bytes.TrimSpace(body)) == 0 || string(bytes.TrimSpace(body)) == "null" {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		pe := errorFor(app.KindUnavailable, 0, 0, op+": unreadable answer: "+err.Error())
		pe.Err = err
		return pe
	}
	return nil
}

// errIsTimeout reports whether err is a timeout.
func errIsTimeout(err error) bool {
	var ne interface{ Timeout() bool }
	return errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout()
}
