package tunnel

import (
	"bufio"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"sync"
	"testing"
	"time"

	"golang.ngrok.com/muxado/v2"
)

// The stream types of ngrok's agent protocol (the SDK's internal
// tunnel/proto package) that the fake ingress speaks.
const (
	authReq       muxado.StreamType = 0
	bindReq       muxado.StreamType = 1
	proxyReq      muxado.StreamType = 3
	stopTunnelReq muxado.StreamType = 9
)

// loopbackCert is a self-signed certificate for 127.0.0.1 and a pool that
// trusts it, so the agent's TLS connection to a fake ingress verifies.
func loopbackCert(t *testing.T) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "fake ngrok ingress"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// fakeIngress is ngrok's agent ingress on loopback, enough of it for one
// agent: it answers Auth and Bind, echoes heartbeats, and lets a test send
// a request through the tunnel, stop the tunnel or drop the connection.
type fakeIngress struct {
	t    *testing.T
	addr string
	pool *x509.CertPool

	// auth answers the n-th Auth (counting from 0): "" accepts it, any
	// other text is ngrok's refusal.
	auth func(n int) string
	// bindErr, when set, is ngrok's refusal of every Bind.
	bindErr string
	// url is the public address the ingress hands out.
	url string

	mu     sync.Mutex
	auths  int
	tokens []string
	conns  []net.Conn

	// bound receives each session once its tunnel is bound.
	bound chan *fakeSession
}

// fakeSession is one agent connection whose tunnel is bound.
type fakeSession struct {
	mux    muxado.TypedStreamSession
	conn   net.Conn
	bindID string
}

func newFakeIngress(t *testing.T) *fakeIngress {
	t.Helper()
	cert, pool := loopbackCert(t)
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{cert}})
	if err != nil {
		t.Fatal(err)
	}
	f := &fakeIngress{
		t:     t,
		addr:  ln.Addr().String(),
		pool:  pool,
		auth:  func(int) string { return "" },
		url:   "https://bakery.ngrok.app",
		bound: make(chan *fakeSession, 4),
	}
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			f.mu.Lock()
			f.conns = append(f.conns, c)
			f.mu.Unlock()
			go f.serve(c)
		}
	}()
	t.Cleanup(func() {
		_ = ln.Close()
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, c := range f.conns {
			_ = c.Close()
		}
	})
	return f
}

func (f *fakeIngress) opener() *Ngrok {
	return &Ngrok{ServerAddr: f.addr, RootCAs: f.pool, Logger: testLogger(f.t)}
}

// authTokens are the tokens the agent authenticated with, in order.
func (f *fakeIngress) authTokens() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.tokens...)
}

func (f *fakeIngress) serve(c net.Conn) {
	mux := muxado.NewTypedStreamSession(muxado.Server(c, &muxado.Config{}))
	// A Heartbeat answers the agent's heartbeats while accepting streams.
	hb := muxado.NewHeartbeat(mux, func(time.Duration, bool) {}, nil)
	defer func() { _ = mux.Close() }()
	sess := &fakeSession{mux: mux, conn: c}
	for {
		st, err := hb.AcceptTypedStream()
		if err != nil {
			return
		}
		switch st.StreamType() {
		case authReq:
			var req struct{ Extra struct{ Authtoken string } }
			if err := json.NewDecoder(st).Decode(&req); err != nil {
				return
			}
			f.mu.Lock()
			n := f.auths
			f.auths++
			f.tokens = append(f.tokens, req.Extra.Authtoken)
			f.mu.Unlock()
			refusal := f.auth(n)
			resp := map[string]any{"Version": "3", "ClientId": "agent-1", "Error": refusal,
				"Extra": map[string]any{"Region": "eu", "AgentSessionID": "as_1"}}
			if err := json.NewEncoder(st).Encode(resp); err != nil {
				return
			}
			_ = st.Close()
			// After a refusal the agent hangs up.
		case bindReq:
			var req struct {
				ID    string `json:"Id"`
				Proto string
			}
			if err := json.NewDecoder(st).Decode(&req); err != nil {
				return
			}
			if req.ID == "" {
				req.ID = "bind-1"
			}
			resp := map[string]any{"Id": req.ID, "URL": f.url, "Proto": req.Proto, "Opts": map[string]any{},
				"Error": f.bindErr, "Extra": map[string]any{"Token": "bind-token", "TunnelID": "tn_1"}}
			if err := json.NewEncoder(st).Encode(resp); err != nil {
				return
			}
			_ = st.Close()
			if f.bindErr == "" {
				sess.bindID = req.ID
				f.bound <- sess
			}
		default:
			_ = st.Close()
		}
	}
}

// get sends GET path to the public address through the tunnel, as ngrok's
// edge does for a visitor, and returns the status and body.
func (s *fakeSession) get(t *testing.T, path string) (int, string) {
	t.Helper()
	st, err := s.mux.OpenTypedStream(proxyReq)
	if err != nil {
		t.Fatalf("opening a proxy stream: %v", err)
	}
	defer func() { _ = st.Close() }()
	hdr, _ := json.Marshal(map[string]any{"Id": s.bindID, "ClientAddr": "203.0.113.7:50000", "Proto": "https"})
	if err := binary.Write(st, binary.LittleEndian, int64(len(hdr))); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Write(hdr); err != nil {
		t.Fatal(err)
	}
	if _, err := fmt.Fprintf(st, "GET %s HTTP/1.1\r\nHost: bakery.ngrok.app\r\nConnection: close\r\n\r\n", path); err != nil {
		t.Fatal(err)
	}
	resp, err := http.ReadResponse(bufio.NewReader(st), nil)
	if err != nil {
		t.Fatalf("reading the answer through the tunnel: %v", err)
	}
	defer func() { _ = resp.Body.Close() }()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// stopTunnel asks the agent to stop its tunnel, as ngrok does when the
// endpoint is stopped from the dashboard.
func (s *fakeSession) stopTunnel(t *testing.T) {
	t.Helper()
	st, err := s.mux.OpenTypedStream(stopTunnelReq)
	if err != nil {
		t.Fatal(err)
	}
	req := map[string]any{"Id": s.bindID, "Message": "The endpoint was stopped from the dashboard."}
	// The agent may hang up before muxado reports this write done; the
	// test checks what the agent did with it.
	_ = json.NewEncoder(st).Encode(req)
}

// awaitBound waits for the agent to bind its tunnel on a new connection.
func (f *fakeIngress) awaitBound(t *testing.T) *fakeSession {
	t.Helper()
	select {
	case s := <-f.bound:
		return s
	case <-time.After(20 * time.Second):
		t.Fatal("the agent did not bind its tunnel within 20 s")
		return nil
	}
}
