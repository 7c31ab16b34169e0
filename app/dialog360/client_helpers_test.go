package dialog360_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/internal/testkit"
)

// Test numbers and keys. The keys are long and distinctive so that a leak
// into logs or errors is easy to spot.
const (
	testKey   = "KEY-test-3fa1c0de9b7e4d21a0ff-SECRET"
	testPhone = "+4930123456"
	testName  = "Blumen Anna"
	customer  = "491701234567"
)

// newFakeClock is a settable clock for the emulator.
func newFakeClock() *testkit.Clock {
	return testkit.NewClock(time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC))
}

// recorder wraps a handler and keeps every request it saw.
type recorder struct {
	next http.Handler
	mu   sync.Mutex
	reqs []seenRequest
}

type seenRequest struct {
	Method, Path, Query string
	Header              http.Header
	Body                []byte
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	r.mu.Lock()
	r.reqs = append(r.reqs, seenRequest{req.Method, req.URL.Path, req.URL.RawQuery, req.Header.Clone(), body})
	r.mu.Unlock()
	req.Body = io.NopCloser(bytes.NewReader(body))
	r.next.ServeHTTP(w, req)
}

func (r *recorder) requests(method, path string) []seenRequest {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []seenRequest
	for _, q := range r.reqs {
		if q.Method == method && q.Path == path {
			out = append(out, q)
		}
	}
	return out
}

// harness is a client talking to the emulator over httptest.
type harness struct {
	em     *emulator.Emulator
	clock  *testkit.Clock
	rec    *recorder
	srv    *httptest.Server
	c      *dialog360.Client
	logs   *testkit.LogBuffer
	mu     sync.Mutex
	sleeps []time.Duration
}

func newHarness(t *testing.T, emOpts []emulator.Option, opts ...dialog360.Option) *harness {
	t.Helper()
	h := &harness{clock: newFakeClock(), logs: &testkit.LogBuffer{}}
	emOpts = append([]emulator.Option{emulator.WithClock(h.clock.Now), emulator.WithManualDelivery(), emulator.WithSeed(1)}, emOpts...)
	h.em = emulator.New(emOpts...)
	t.Cleanup(h.em.Close)
	h.em.AddNumber(testKey, testPhone, testName)
	h.rec = &recorder{next: h.em}
	h.srv = httptest.NewServer(h.rec)
	t.Cleanup(h.srv.Close)
	h.c = h.client(testKey, opts...)
	return h
}

// client makes a client for key with a recording sleeper and a debug
// logger writing into h.logs.
func (h *harness) client(key string, opts ...dialog360.Option) *dialog360.Client {
	logger := slog.New(slog.NewTextHandler(h.logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	base := []dialog360.Option{
		dialog360.WithBaseURL(h.srv.URL),
		dialog360.WithLogger(logger),
		dialog360.WithRetry(3, 100*time.Millisecond),
		dialog360.WithSleeper(h.sleep),
	}
	return dialog360.New(key, append(base, opts...)...)
}

func (h *harness) sleep(ctx context.Context, d time.Duration) error {
	h.mu.Lock()
	h.sleeps = append(h.sleeps, d)
	h.mu.Unlock()
	return ctx.Err()
}

func (h *harness) slept() []time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]time.Duration(nil), h.sleeps...)
}

// providerError asserts err is a *app.ProviderError of kind.
func providerError(t *testing.T, err error, kind app.ErrorKind) *app.ProviderError {
	t.Helper()
	pe, ok := err.(*app.ProviderError)
	if !ok {
		t.Fatalf("error %v (%T) is not a *app.ProviderError", err, err)
	}
	if pe.Kind != kind {
		t.Fatalf("kind = %d, want %d (error %q, details %q)", pe.Kind, kind, pe.Plain, pe.Details)
	}
	if pe.Plain == "" {
		t.Fatalf("error of kind %d has no plain explanation", kind)
	}
	return pe
}

// rawServer serves handler and returns a client for it.
func rawServer(t *testing.T, handler http.HandlerFunc, opts ...dialog360.Option) (*dialog360.Client, *[]time.Duration) {
	t.Helper()
	srv := httptest.NewServer(handler)
	t.Cleanup(srv.Close)
	var mu sync.Mutex
	var sleeps []time.Duration
	sleeper := func(ctx context.Context, d time.Duration) error {
		mu.Lock()
		sleeps = append(sleeps, d)
		mu.Unlock()
		return ctx.Err()
	}
	base := []dialog360.Option{dialog360.WithBaseURL(srv.URL), dialog360.WithSleeper(sleeper), dialog360.WithRetry(3, 10*time.Millisecond)}
	return dialog360.New(testKey, append(base, opts...)...), &sleeps
}
