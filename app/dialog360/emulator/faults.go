package emulator

import (
	"io"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Fault is a failure the emulator can inject.
type Fault int

// Faults.
const (
	// Fault429 answers 429 Too Many Requests with a Retry-After header.
	Fault429 Fault = iota + 1
	// Fault500 answers 500 Internal Server Error.
	Fault500
	// Fault502 answers 502, 360dialog's "WhatsApp API unavailable".
	Fault502
	// FaultDrop reads the whole request, then closes the connection
	// without answering: the request may have been carried out.
	FaultDrop
)

// faultState holds the fault knobs; guarded by Emulator.mu.
type faultState struct {
	latency    time.Duration
	rate       float64
	kinds      []Fault
	next       []Fault
	offline    bool
	retryAfter time.Duration
	held       chan struct{} // requests wait for it to close (see Hold)
}

// Hold stalls the network: every request waits, unanswered, until
// release is called (or its sender gives up). Tests use it to show that
// waiting for 360dialog never blocks the window.
func (e *Emulator) Hold() (release func()) {
	e.mu.Lock()
	defer e.mu.Unlock()
	held := make(chan struct{})
	e.faults.held = held
	var once sync.Once
	return func() {
		once.Do(func() {
			e.mu.Lock()
			if e.faults.held == held {
				e.faults.held = nil
			}
			e.mu.Unlock()
			close(held)
		})
	}
}

// SetLatency delays every answer by d (real time).
func (e *Emulator) SetLatency(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults.latency = d
}

// SetFaultRate makes a share p (0…1) of requests fail with one of kinds,
// chosen at random (all four when none are given). p 0 turns it off.
func (e *Emulator) SetFaultRate(p float64, kinds ...Fault) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if len(kinds) == 0 {
		kinds = []Fault{Fault429, Fault500, Fault502, FaultDrop}
	}
	e.faults.rate, e.faults.kinds = p, append([]Fault(nil), kinds...)
}

// FailNext makes the next n requests fail with f, before any random fault.
func (e *Emulator) FailNext(f Fault, n int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for range n {
		e.faults.next = append(e.faults.next, f)
	}
}

// SetRetryAfter sets the Retry-After of injected 429 answers (default 1 s).
func (e *Emulator) SetRetryAfter(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.faults.retryAfter = d
}

// SetOffline takes the emulator off the network. When it runs its own
// listener (Start), the port is closed, so clients get "connection
// refused"; as a plain handler (httptest) every connection is closed
// before the request is read.
func (e *Emulator) SetOffline(offline bool) {
	e.mu.Lock()
	e.faults.offline = offline
	l, closed := e.listener, e.closed
	e.mu.Unlock()
	if l != nil && !closed {
		l.setOffline(offline)
	}
}

// applyFaults waits the latency and injects a fault. It reports whether
// the request should be answered normally.
func (e *Emulator) applyFaults(w http.ResponseWriter, r *http.Request) bool {
	e.mu.Lock()
	f := &e.faults
	offline, latency, retryAfter, held := f.offline, f.latency, f.retryAfter, f.held
	var fault Fault
	switch {
	case len(f.next) > 0:
		fault, f.next = f.next[0], f.next[1:]
	case f.rate > 0 && e.rnd.Float64() < f.rate:
		fault = f.kinds[e.rnd.IntN(len(f.kinds))]
	}
	e.mu.Unlock()
	if offline {
		panic(http.ErrAbortHandler) // closes the connection, not logged
	}
	if held != nil {
		select {
		case <-held:
		case <-r.Context().Done():
			return false
		}
	}
	if latency > 0 {
		t := time.NewTimer(latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return false
		}
	}
	switch fault {
	case Fault429:
		secs := int((retryAfter + time.Second - 1) / time.Second)
		w.Header().Set("Retry-After", strconv.Itoa(secs))
		writeJSON(w, http.StatusTooManyRequests, map[string]string{"error": "Too many requests, endpoint rate limit exceeded"})
	case Fault500:
		writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "Internal server error"})
	case Fault502:
		writeJSON(w, http.StatusBadGateway, map[string]string{"error": "WhatsApp API unavailable"})
	case FaultDrop:
		_, _ = io.Copy(io.Discard, r.Body)
		panic(http.ErrAbortHandler)
	default:
		return true
	}
	return false
}
