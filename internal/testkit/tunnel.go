package testkit

import (
	"context"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"sync"
	"testing"
)

// Tunnel plays the owner's tunnel (cloudflared, ngrok...) in tests: an
// HTTPS server at https://example.com, the name its test certificate
// carries, passing every request on to where it points.
type Tunnel struct {
	// Client reaches https://example.com at the tunnel, trusting its
	// certificate.
	Client *http.Client

	mu     sync.Mutex
	target string
}

// NewTunnel starts a tunnel that points nowhere yet; it stops with the
// test.
func NewTunnel(t testing.TB) *Tunnel {
	t.Helper()
	tu := &Tunnel{}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tu.mu.Lock()
		target := tu.target
		tu.mu.Unlock()
		u, err := url.Parse(target)
		if err != nil || target == "" {
			http.Error(w, "the tunnel points nowhere", http.StatusBadGateway)
			return
		}
		httputil.NewSingleHostReverseProxy(u).ServeHTTP(w, r)
	}))
	t.Cleanup(srv.Close)
	tr := srv.Client().Transport.(*http.Transport).Clone()
	tr.DialContext = func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, srv.Listener.Addr().String())
	}
	tu.Client = &http.Client{Transport: tr}
	return tu
}

// PointAt makes the tunnel forward to target, e.g. "http://127.0.0.1:8787".
func (tu *Tunnel) PointAt(target string) {
	tu.mu.Lock()
	defer tu.mu.Unlock()
	tu.target = target
}
