// Package receiver is Parley's webhook receiver: a small HTTP server that
// takes the events 360dialog posts for each channel, parses them, hands
// them to the core, which stores and publishes them, and only then
// answers 200, so that WhatsApp retries whatever was not stored.
//
// Each channel has its own unguessable path, /webhook/<token>, and
// optionally a shared secret header. Payloads arriving at the same time
// are written together, one transaction for all of them (group commit),
// each payload still all-or-nothing on its own. GET /healthz answers "ok"
// so a tunnel can be checked.
package receiver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/parley-app/parley/app"
)

// Timeouts of the HTTP server. 360dialog gives up on an answer after a
// few seconds anyway; these only keep stuck connections from piling up.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	idleTimeout       = 2 * time.Minute
)

// Receiver is the webhook receiver. Build it with New, serve it with
// Start (or mount Handler elsewhere), and stop it with Shutdown. It is
// safe for concurrent use.
type Receiver struct {
	cfg      Config
	writer   *writer
	channels *channelCache
	handler  http.Handler
	refusals *refusalLog
	budget   *bodyBudget

	mu       sync.Mutex
	srv      *http.Server
	addr     string
	serveErr chan error // Serve's result
	shut     bool
}

// New builds a receiver from cfg and starts its writer goroutine; call
// Shutdown to stop it, even when Start was never called. It panics when
// cfg lacks Channels, Ingester or Parse, a programming error.
func New(cfg Config) *Receiver {
	if cfg.Channels == nil || cfg.Ingester == nil || cfg.Parse == nil {
		panic("receiver.New: Config.Channels, Config.Ingester and Config.Parse are required")
	}
	cfg = cfg.withDefaults()
	r := &Receiver{cfg: cfg, writer: newWriter(cfg), channels: newChannelCache(cfg.Channels),
		refusals: newRefusalLog(cfg.Log, cfg.Clock), budget: newBodyBudget(cfg.BodyBudget)}
	mux := http.NewServeMux()
	mux.HandleFunc("/webhook/{token}", r.serveWebhook)
	mux.HandleFunc("/healthz", serveHealth)
	r.handler = mux
	go r.writer.run()
	return r
}

// Handler returns the receiver's HTTP handler, e.g. for httptest.
func (r *Receiver) Handler() http.Handler { return r.handler }

// ForgetChannels makes the receiver read channels afresh. Call it when a
// channel's webhook token or secret changes or a channel is removed;
// otherwise such a change is noticed within a few seconds.
func (r *Receiver) ForgetChannels() { r.channels.forget() }

// Start listens on the configured address and serves in the background
// until Shutdown. It fails when the address is taken, or when the
// receiver is already started or shut down.
func (r *Receiver) Start(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.shut {
		return errors.New("start webhook receiver: it was shut down")
	}
	if r.srv != nil {
		return errors.New("start webhook receiver: it is already running")
	}
	var lc net.ListenConfig
	ln, err := lc.Listen(ctx, "tcp", r.cfg.Addr)
	if err != nil {
		return fmt.Errorf("start webhook receiver on %s: %w", r.cfg.Addr, err)
	}
	r.srv = newServer(r.handler, r.cfg.Log)
	r.addr = ln.Addr().String()
	r.serveErr = make(chan error, 1)
	go func(srv *http.Server, done chan<- error) {
		done <- srv.Serve(ln)
	}(r.srv, r.serveErr)
	r.cfg.Log.Info("webhook receiver listening", "addr", r.addr)
	return nil
}

// newServer returns the HTTP server that serves h, with the receiver's
// timeouts and limits, logging its own errors to log.
func newServer(h http.Handler, log *slog.Logger) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout:       readTimeout,
		IdleTimeout:       idleTimeout,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// Addr returns the address the receiver listens on (host:port), or ""
// before Start.
func (r *Receiver) Addr() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.addr
}

// URLFor returns the local URL of ch's webhook, http://<addr>/webhook/
// <token>, for a tunnel to point at; "" before Start. A receiver bound
// to every interface is named by its loopback address.
func (r *Receiver) URLFor(ch app.Channel) string {
	addr := r.Addr()
	if addr == "" || ch.WebhookToken == "" {
		return ""
	}
	host, port, err := net.SplitHostPort(addr)
	if err == nil {
		if ip := net.ParseIP(host); ip != nil && ip.IsUnspecified() {
			addr = net.JoinHostPort("127.0.0.1", port)
		}
	}
	u := url.URL{Scheme: "http", Host: addr, Path: "/webhook/" + ch.WebhookToken}
	return u.String()
}

// Shutdown stops the receiver: it stops listening, lets requests in
// flight finish (their payloads are committed and answered), then stops
// the writer; webhooks still waiting for room in the body budget are
// answered 503 at once. When ctx ends first, open connections are closed
// and ctx's error is returned at once; a commit under way still finishes
// in the background (the store's busy timeout bounds it). Senders whose
// payload was not answered 200 deliver it again later.
func (r *Receiver) Shutdown(ctx context.Context) error {
	r.mu.Lock()
	srv, serveErr := r.srv, r.serveErr
	r.shut = true
	r.mu.Unlock()
	r.budget.stop() // webhooks waiting to be read would hold Shutdown up
	var errs []error
	if srv != nil {
		if err := srv.Shutdown(ctx); err != nil {
			errs = append(errs, err)
			_ = srv.Close()
		}
		if err := <-serveErr; err != nil && !errors.Is(err, http.ErrServerClosed) {
			errs = append(errs, err)
		}
		serveErr <- http.ErrServerClosed // a second Shutdown must not block
	}
	r.refusals.close()
	r.writer.stop()
	select {
	case <-r.writer.exited:
	case <-ctx.Done():
		if len(errs) == 0 {
			errs = append(errs, ctx.Err())
		}
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("stop webhook receiver: %w", err)
	}
	return nil
}
