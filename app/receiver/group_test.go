package receiver_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app/receiver"
)

// waitQueued returns once n payloads wait behind the held commit.
func waitQueued(t *testing.T, r *receiver.Receiver, n int) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for receiver.QueueLen(r) < n {
		if time.Now().After(deadline) {
			t.Fatalf("only %d of %d payloads queued", receiver.QueueLen(r), n)
		}
		runtime.Gosched()
	}
}

// TestConcurrentRequestsAreGrouped holds the first commit while 40 more
// requests arrive: they are all written by one further call, every
// request is answered 200 and every message is stored.
func TestConcurrentRequestsAreGrouped(t *testing.T) {
	var gate *gateIngester
	e := newEnv(t, func(c *receiver.Config) {
		gate = newGate(c.Ingester)
		c.Ingester = gate
	})
	const n = 40
	statuses := make(chan int, n+1)
	go func() { statuses <- e.postSigned(textPayload("491700000000", "First", "wamid.first")) }()
	<-gate.entered
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			statuses <- e.postSigned(textPayload(fmt.Sprintf("4917%08d", i%7), "C", fmt.Sprintf("wamid.g%d", i)))
		})
	}
	waitQueued(t, e.rcv, n)
	close(gate.release)
	wg.Wait()
	for range n + 1 {
		if s := <-statuses; s != http.StatusOK {
			t.Errorf("status = %d, want 200", s)
		}
	}
	if calls := gate.calls.Load(); calls != 2 {
		t.Errorf("IngestBatches called %d times for %d requests, want 2 (one held, one group)", calls, n+1)
	}
	if got := e.countMessages(e.ch.ID); got != n+1 {
		t.Errorf("%d messages stored, want %d", got, n+1)
	}
}

// TestGroupAnswersEachPayload queues payloads of two channels behind a
// held commit and removes one channel meanwhile: in the shared
// transaction, the removed channel's payload is refused with 404 and the
// others are stored and answered 200.
func TestGroupAnswersEachPayload(t *testing.T) {
	var gate *gateIngester
	e := newEnv(t, func(c *receiver.Config) {
		gate = newGate(c.Ingester)
		c.Ingester = gate
	})
	first := make(chan int, 1)
	go func() { first <- e.postSigned(textPayload("491700000000", "First", "wamid.first")) }()
	<-gate.entered
	type answer struct {
		open   bool
		status int
	}
	answers := make(chan answer, 6)
	for i := range 5 {
		go func() {
			answers <- answer{false, e.postSigned(textPayload("491701111111", "Anna", fmt.Sprintf("wamid.keep%d", i)))}
		}()
	}
	go func() {
		answers <- answer{true, e.post(e.rcv.URLFor(e.open), textPayload("491702222222", "Ben", "wamid.lost"), nil)}
	}()
	waitQueued(t, e.rcv, 6)
	if err := e.store.DeleteChannel(context.Background(), e.open.ID); err != nil {
		t.Fatal(err)
	}
	close(gate.release)
	if s := <-first; s != http.StatusOK {
		t.Errorf("held payload: status %d, want 200", s)
	}
	for range 6 {
		a := <-answers
		want := http.StatusOK
		if a.open {
			want = http.StatusNotFound
		}
		if a.status != want {
			t.Errorf("payload for removed channel=%v: status %d, want %d", a.open, a.status, want)
		}
	}
	if calls := gate.calls.Load(); calls != 2 {
		t.Errorf("IngestBatches called %d times, want 2", calls)
	}
	if got := len(e.messages(e.ch.ID, "491701111111")); got != 5 {
		t.Errorf("%d of 5 messages stored", got)
	}
}

// TestSenderThatLeftDoesNotBlock queues a payload whose sender gives up
// while the writer is busy: the writer goes on and later payloads are
// stored.
func TestSenderThatLeftDoesNotBlock(t *testing.T) {
	var gate *gateIngester
	e := newEnv(t, func(c *receiver.Config) {
		gate = newGate(c.Ingester)
		c.Ingester = gate
	})
	first := make(chan int, 1)
	go func() { first <- e.postSigned(textPayload("491700000000", "First", "wamid.first")) }()
	<-gate.entered
	ctx, cancel := context.WithCancel(context.Background())
	gone := make(chan error, 1)
	go func() {
		req, _ := http.NewRequestWithContext(ctx, http.MethodPost, e.rcv.URLFor(e.ch),
			bytesReader(textPayload("491703333333", "Gone", "wamid.gone")))
		req.Header.Set(receiver.DefaultSecretHeader, testSecret)
		resp, err := e.hc.Do(req)
		if err == nil {
			resp.Body.Close()
		}
		gone <- err
	}()
	waitQueued(t, e.rcv, 1)
	cancel()
	if err := <-gone; err == nil {
		t.Fatal("the cancelled request got an answer")
	}
	close(gate.release)
	if s := <-first; s != http.StatusOK {
		t.Errorf("held payload: status %d", s)
	}
	if s := e.postSigned(textPayload("491704444444", "Next", "wamid.next")); s != http.StatusOK {
		t.Errorf("next payload: status %d, want 200", s)
	}
}
