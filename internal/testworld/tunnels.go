package testworld

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/parley-app/parley/app"
)

// Tunnels plays the tunnel provider in tests (app.TunnelOpener): an HTTPS
// server at https://example.com, the name its test certificate carries.
// Each tunnel opened gets its own address, https://example.com/t<n>,
// that forwards to the upstream it was opened for; a tunnel closed or
// killed answers 404, as a provider does for an endpoint that is gone.
type Tunnels struct {
	// Client reaches https://example.com at the provider, trusting its
	// certificate: give it to the core as its ProbeClient.
	Client *http.Client

	mu      sync.Mutex
	n       int
	live    map[string]*fakeTunnel // by prefix "/t<n>"
	refuse  error
	opened  []app.TunnelConfig
	current *fakeTunnel
}

// NewTunnels starts the provider; it stops with the test.
func NewTunnels(t testing.TB) *Tunnels {
	t.Helper()
	ts := &Tunnels{live: map[string]*fakeTunnel{}}
	srv := httptest.NewTLSServer(http.HandlerFunc(ts.serve))
	t.Cleanup(srv.Close)
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
	ts.Client = &http.Client{Transport: tr}
	return ts
}

// serve forwards a request to the live tunnel its path begins with.
func (ts *Tunnels) serve(w http.ResponseWriter, r *http.Request) {
	prefix, rest, _ := strings.Cut(strings.TrimPrefix(r.URL.Path, "/"), "/")
	ts.mu.Lock()
	tu := ts.live["/"+prefix]
	ts.mu.Unlock()
	if tu == nil {
		http.Error(w, "the endpoint is offline", http.StatusNotFound)
		return
	}
	target, err := url.Parse(tu.cfg.Upstream)
	if err != nil {
		http.Error(w, "bad upstream", http.StatusBadGateway)
		return
	}
	r.URL.Path = "/" + rest
	httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r)
}

// Open opens a tunnel to cfg.Upstream, or fails as Refuse said.
func (ts *Tunnels) Open(_ context.Context, cfg app.TunnelConfig) (app.Tunnel, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.opened = append(ts.opened, cfg)
	if ts.refuse != nil {
		return nil, ts.refuse
	}
	ts.n++
	tu := &fakeTunnel{ts: ts, prefix: fmt.Sprintf("/t%d", ts.n), cfg: cfg, done: make(chan struct{})}
	ts.live[tu.prefix] = tu
	ts.current = tu
	return tu, nil
}

// Refuse makes the next tunnels fail to open with err (nil: open again).
func (ts *Tunnels) Refuse(err error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.refuse = err
}

// Kill stops the current tunnel as a provider would, with err.
func (ts *Tunnels) Kill(err error) {
	ts.mu.Lock()
	tu := ts.current
	ts.mu.Unlock()
	if tu != nil {
		tu.stop(err)
	}
}

// Opened returns the configurations tunnels were opened with.
func (ts *Tunnels) Opened() []app.TunnelConfig {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return append([]app.TunnelConfig(nil), ts.opened...)
}

// Live is the number of tunnels open now.
func (ts *Tunnels) Live() int {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	return len(ts.live)
}

// fakeTunnel is one tunnel of Tunnels.
type fakeTunnel struct {
	ts     *Tunnels
	prefix string
	cfg    app.TunnelConfig
	once   sync.Once
	done   chan struct{}
	err    error
}

func (t *fakeTunnel) URL() string           { return "https://example.com" + t.prefix }
func (t *fakeTunnel) Done() <-chan struct{} { return t.done }
func (t *fakeTunnel) Err() error {
	t.ts.mu.Lock()
	defer t.ts.mu.Unlock()
	return t.err
}
func (t *fakeTunnel) Close() error { t.stop(nil); return nil }

func (t *fakeTunnel) stop(err error) {
	t.once.Do(func() {
		t.ts.mu.Lock()
		delete(t.ts.live, t.prefix)
		t.err = err
		t.ts.mu.Unlock()
		close(t.done)
	})
}
