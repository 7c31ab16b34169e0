package tunnel

import (
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testkit"
)

// Every test here talks to loopback only: each sets ServerAddr to a server
// of its own, so none reaches ngrok.

const token = "2abcDEFtestTOKEN_0123456789"

// testLogger collects an agent's log lines, at debug level, and checks at
// the end of the test that they never hold the token.
func testLogger(t *testing.T) *slog.Logger {
	buf := &testkit.LogBuffer{}
	t.Cleanup(func() {
		if strings.Contains(buf.String(), token) {
			t.Errorf("the agent's log holds the token:\n%s", buf.String())
		} else if t.Failed() {
			t.Logf("the agent's log:\n%s", buf.String())
		}
	})
	return buf.Logger()
}

// receiver is the webhook receiver the tunnel forwards to.
func receiver(t *testing.T) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.WriteString(w, "receiver got "+r.URL.Path+" for "+r.Host)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// openFails opens a tunnel that must fail and returns the error.
func openFails(t *testing.T, n *Ngrok, cfg app.TunnelConfig, within time.Duration) error {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), within)
	defer cancel()
	tun, err := n.Open(ctx, cfg)
	if err == nil {
		_ = tun.Close()
		t.Fatalf("Open succeeded at %s; want a failure", tun.URL())
	}
	if strings.Contains(err.Error(), token) {
		t.Errorf("the message shows the token: %q", err)
	}
	return err
}

func assertSays(t *testing.T, err error, want string, refused bool) {
	t.Helper()
	if words := app.Explain(err); !strings.Contains(words, want) || strings.Contains(words, token) {
		t.Errorf("the owner reads %q; want it to say %q (and never the token)", words, want)
	}
	if got := errors.Is(err, app.ErrTunnelRefused); got != refused {
		t.Errorf("errors.Is(%q, ErrTunnelRefused) = %v, want %v", err, got, refused)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("%q wraps context.DeadlineExceeded, which app.Explain words for itself", err)
	}
}

func TestNoNgrokAtTheAddressSaysCheckTheInternetConnection(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := ln.Addr().String()
	_ = ln.Close()

	n := &Ngrok{ServerAddr: closed, Logger: testLogger(t)}
	start := time.Now()
	err = openFails(t, n, app.TunnelConfig{Token: token, Upstream: receiver(t)}, 10*time.Second)
	assertSays(t, err, "Parley could not reach ngrok: check this computer's internet connection", false)
	// One attempt, not the SDK's endless retries until the deadline.
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("Open took %v to give up on a closed port", took)
	}
}

func TestAServerThatIsNotNgrokFailsWithAPlainMessage(t *testing.T) {
	cert, pool := loopbackCert(t)
	cases := []struct {
		name    string
		trusted bool
		serve   func(net.Conn)
		want    string
	}{
		{"closes at once", false, func(c net.Conn) { _ = c.Close() },
			"Parley could not open a secure connection to ngrok"},
		{"speaks garbage", false, func(c net.Conn) {
			_, _ = io.WriteString(c, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")
			_, _ = io.Copy(io.Discard, c)
		}, "Parley could not open a secure connection to ngrok"},
		{"has another certificate", false, func(c net.Conn) {
			s := tlsServer(c, cert)
			_ = s.Handshake()
			_, _ = io.Copy(io.Discard, s)
		}, "Parley could not open a secure connection to ngrok"},
		{"hangs up after the handshake", true, func(c net.Conn) {
			s := tlsServer(c, cert)
			_ = s.Handshake()
			_ = s.Close()
		}, "The connection to ngrok broke off before ngrok answered"},
		{"answers garbage after the handshake", true, func(c net.Conn) {
			s := tlsServer(c, cert)
			_ = s.Handshake()
			_, _ = io.WriteString(s, "this is not ngrok's protocol at all\r\n\r\n")
			_ = s.Close()
		}, "The connection to ngrok broke off before ngrok answered"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			addr := serveLoopback(t, tc.serve)
			n := &Ngrok{ServerAddr: addr, Logger: testLogger(t)}
			if tc.trusted {
				n.RootCAs = pool
			}
			err := openFails(t, n, app.TunnelConfig{Token: token, Upstream: receiver(t)}, 10*time.Second)
			assertSays(t, err, tc.want, false)
			t.Logf("the owner reads: %s", err)
		})
	}
}

func TestWithoutATokenNothingIsSent(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = ln.Close() }()

	n := &Ngrok{ServerAddr: ln.Addr().String(), Logger: testLogger(t)}
	err = openFails(t, n, app.TunnelConfig{Token: "  ", Upstream: "http://127.0.0.1:8787"}, 10*time.Second)
	assertSays(t, err, "Parley has no ngrok token yet: paste yours from dashboard.ngrok.com → Your Authtoken", true)

	// A connection the agent had opened would wait in the backlog.
	if err := ln.(*net.TCPListener).SetDeadline(time.Now()); err != nil {
		t.Fatal(err)
	}
	if c, err := ln.Accept(); err == nil {
		_ = c.Close()
		t.Error("Open connected to the server without a token")
	}
}

func TestOpenStopsWhenTheCallerGivesUp(t *testing.T) {
	accepted := make(chan struct{}, 1)
	addr := serveLoopback(t, func(c net.Conn) {
		accepted <- struct{}{}
		_, _ = io.Copy(io.Discard, c) // never answers
	})
	n := &Ngrok{ServerAddr: addr, Logger: testLogger(t)}
	ctx, cancel := context.WithCancel(context.Background())
	result := make(chan error, 1)
	go func() {
		tun, err := n.Open(ctx, app.TunnelConfig{Token: token, Upstream: receiver(t)})
		if err == nil {
			_ = tun.Close()
		}
		result <- err
	}()
	select {
	case <-accepted:
	case <-time.After(10 * time.Second):
		t.Fatal("the agent did not connect to the server")
	}
	cancel()
	select {
	case err := <-result:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Open returned %v after cancel; want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Open did not return within 5 s of its context ending")
	}
}

func TestASilentServerRunsIntoTheDeadlineWithAPlainMessage(t *testing.T) {
	addr := serveLoopback(t, func(c net.Conn) { _, _ = io.Copy(io.Discard, c) })
	n := &Ngrok{ServerAddr: addr, Logger: testLogger(t)}
	err := openFails(t, n, app.TunnelConfig{Token: token, Upstream: receiver(t)}, 300*time.Millisecond)
	assertSays(t, err, "Parley could not reach ngrok: check this computer's internet connection", false)
}

func TestARejectedTokenIsRefusedAndSaysWhereToCopyIt(t *testing.T) {
	f := newFakeIngress(t)
	// ngrok quotes the token back in its refusal.
	f.auth = func(int) string {
		return "The authtoken you specified does not look like a proper ngrok authtoken.\n" +
			"Your authtoken: " + token + "\nInstructions to install your authtoken are on your ngrok dashboard:\n" +
			"https://dashboard.ngrok.com/get-started/your-authtoken\r\n\r\nERR_NGROK_105\r\n"
	}
	err := openFails(t, f.opener(), app.TunnelConfig{Token: token, Upstream: receiver(t)}, 10*time.Second)
	assertSays(t, err, "ngrok did not accept your token: copy it again from dashboard.ngrok.com → Your Authtoken", true)
	if got := f.authTokens(); len(got) != 1 || got[0] != token {
		t.Errorf("the ingress saw tokens %q; want one attempt with the owner's", got)
	}
}

func TestADomainThatIsNotTheOwnersIsRefusedByName(t *testing.T) {
	f := newFakeIngress(t)
	f.bindErr = "You must reserve a custom hostname for your account before it can be used to create endpoints.\n" +
		"Failed to create an endpoint with the domain 'bakery.example' for the account 'Shop'.\n\nERR_NGROK_319"
	err := openFails(t, f.opener(),
		app.TunnelConfig{Token: token, Domain: "https://bakery.example/", Upstream: receiver(t)}, 10*time.Second)
	assertSays(t, err, "ngrok says bakery.example is not one of your domains", true)
}

func TestAnUnknownRefusalKeepsNgroksWords(t *testing.T) {
	f := newFakeIngress(t)
	f.bindErr = "Something new went wrong at ngrok.\n\nERR_NGROK_99999"
	err := openFails(t, f.opener(), app.TunnelConfig{Token: token, Upstream: receiver(t)}, 10*time.Second)
	assertSays(t, err, "ngrok did not open the public address. ngrok says: Something new went wrong at ngrok. ERR_NGROK_99999", false)
}

// open opens a tunnel through f and closes it when the test ends.
func open(t *testing.T, f *fakeIngress, cfg app.TunnelConfig) app.Tunnel {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	tun, err := f.opener().Open(ctx, cfg)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { _ = tun.Close() })
	return tun
}

func assertForwards(t *testing.T, s *fakeSession) {
	t.Helper()
	status, body := s.get(t, "/webhook")
	if status != http.StatusOK || body != "receiver got /webhook for bakery.ngrok.app" {
		t.Errorf("through the tunnel: %d %q; want the receiver's answer", status, body)
	}
}

func assertNotDone(t *testing.T, tun app.Tunnel) {
	t.Helper()
	select {
	case <-tun.Done():
		t.Fatalf("the tunnel stopped: %v", tun.Err())
	default:
	}
}

func awaitDone(t *testing.T, tun app.Tunnel) {
	t.Helper()
	select {
	case <-tun.Done():
	case <-time.After(20 * time.Second):
		t.Fatal("the tunnel did not stop within 20 s")
	}
}

func TestAnOpenTunnelForwardsToTheReceiverUntilClosed(t *testing.T) {
	f := newFakeIngress(t)
	tun := open(t, f, app.TunnelConfig{Token: token, Domain: "bakery.ngrok.app", Upstream: receiver(t)})
	if tun.URL() != "https://bakery.ngrok.app" {
		t.Errorf("URL() = %q", tun.URL())
	}
	s := f.awaitBound(t)
	assertForwards(t, s)
	assertNotDone(t, tun)

	if err := tun.Close(); err != nil {
		t.Fatal(err)
	}
	awaitDone(t, tun)
	if err := tun.Err(); err != nil {
		t.Errorf("Err() after Close = %v; want nil", err)
	}
}

func TestABriefDropIsRecoveredWithoutStopping(t *testing.T) {
	f := newFakeIngress(t)
	tun := open(t, f, app.TunnelConfig{Token: token, Upstream: receiver(t)})
	first := f.awaitBound(t)
	_ = first.conn.Close() // the Wi-Fi drops

	again := f.awaitBound(t) // the agent reconnected and bound the tunnel again
	assertNotDone(t, tun)
	assertForwards(t, again)
	assertNotDone(t, tun)
	if got := f.authTokens(); len(got) != 2 {
		t.Errorf("the agent authenticated %d times; want 2", len(got))
	}
}

func TestATokenResetWhileOpenStopsTheTunnelAsRefused(t *testing.T) {
	f := newFakeIngress(t)
	f.auth = func(n int) string {
		if n == 0 {
			return ""
		}
		return "The authtoken you specified is properly formed, but it is invalid.\nYour authtoken: " + token +
			"\n\nERR_NGROK_107"
	}
	tun := open(t, f, app.TunnelConfig{Token: token, Upstream: receiver(t)})
	_ = f.awaitBound(t).conn.Close()

	awaitDone(t, tun)
	err := tun.Err()
	if err == nil {
		t.Fatal("Err() = nil after ngrok refused the token")
	}
	assertSays(t, err, "ngrok did not accept your token", true)
}

func TestNgrokStoppingTheEndpointStopsTheTunnel(t *testing.T) {
	f := newFakeIngress(t)
	tun := open(t, f, app.TunnelConfig{Token: token, Upstream: receiver(t)})
	f.awaitBound(t).stopTunnel(t)

	awaitDone(t, tun)
	err := tun.Err()
	if err == nil {
		t.Fatal("Err() = nil after ngrok stopped the endpoint")
	}
	assertSays(t, err, "ngrok took the public address offline", false)
}

// serveLoopback runs serve for each connection to a new loopback port and
// returns its address.
func serveLoopback(t *testing.T, serve func(net.Conn)) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		_ = ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			go serve(c)
		}
	}()
	return ln.Addr().String()
}

func tlsServer(c net.Conn, cert tls.Certificate) *tls.Conn {
	return tls.Server(c, &tls.Config{Certificates: []tls.Certificate{cert}})
}
