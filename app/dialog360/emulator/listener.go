package emulator

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"
)

// listener serves the emulator on a real TCP port and can close the port
// to simulate being offline (clients then get "connection refused").
type listener struct {
	mu      sync.Mutex
	addr    string // fixed host:port, reused when coming back online
	handler http.Handler
	srv     *http.Server
	done    chan struct{}
}

// Start serves the emulator on addr (e.g. "127.0.0.1:0" for a free port)
// until Close, and returns its base URL, e.g. "http://127.0.0.1:41234".
func (e *Emulator) Start(addr string) (string, error) {
	e.mu.Lock()
	if e.listener != nil || e.closed {
		e.mu.Unlock()
		return "", errors.New("emulator: already started or closed")
	}
	l := &listener{handler: e}
	e.listener = l
	offline := e.faults.offline
	e.mu.Unlock()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		e.mu.Lock()
		e.listener = nil
		e.mu.Unlock()
		return "", fmt.Errorf("emulator: listen on %s: %w", addr, err)
	}
	l.addr = ln.Addr().String()
	if offline {
		_ = ln.Close()
	} else {
		l.serve(ln)
	}
	return "http://" + l.addr, nil
}

// serve starts an HTTP server on ln.
func (l *listener) serve(ln net.Listener) {
	l.mu.Lock()
	defer l.mu.Unlock()
	srv := &http.Server{Handler: l.handler, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan struct{})
	l.srv, l.done = srv, done
	go func() {
		defer close(done)
		_ = srv.Serve(ln)
	}()
}

// setOffline closes the port, or opens it again on the same address.
func (l *listener) setOffline(offline bool) {
	if offline {
		l.stop()
		return
	}
	l.mu.Lock()
	running := l.srv != nil
	l.mu.Unlock()
	if running {
		return
	}
	ln, err := net.Listen("tcp", l.addr)
	if err != nil {
		return // the port was taken meanwhile; stay offline
	}
	l.serve(ln)
}

// stop closes the server and its connections and waits for it to end.
func (l *listener) stop() {
	l.mu.Lock()
	srv, done := l.srv, l.done
	l.srv, l.done = nil, nil
	l.mu.Unlock()
	if srv == nil {
		return
	}
	_ = srv.Close()
	<-done
}

func (l *listener) close() { l.stop() }
