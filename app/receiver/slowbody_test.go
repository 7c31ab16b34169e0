package receiver_test

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app/receiver"
)

// slowSenders is how many slow bodies the memory test opens: at the
// announced 1 MiB each, a receiver that sized its buffer by the announced
// length would hold about a gigabyte.
const slowSenders = 2000

// maxGrowth bounds how much the receiver's memory may grow while
// slowSenders slow bodies are open.
const maxGrowth = 64 << 20

// openSlowBody connects to the receiver as an authenticated sender (the
// right address and secret, as with a leaked secret) that announces a
// body of announced bytes and then sends only its first few bytes.
func openSlowBody(t *testing.T, e *env, announced int) net.Conn {
	t.Helper()
	u, err := url.Parse(e.rcv.URLFor(e.ch))
	if err != nil {
		t.Fatalf("parse receiver URL: %v", err)
	}
	c, err := net.Dial("tcp", u.Host)
	if err != nil {
		t.Fatalf("connect: %v", err)
	}
	t.Cleanup(func() { _ = c.Close() })
	_, err = fmt.Fprintf(c, "POST %s HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\n%s: %s\r\nContent-Length: %d\r\n\r\n{\"object\":",
		u.Path, u.Host, receiver.DefaultSecretHeader, testSecret, announced)
	if err != nil {
		t.Fatalf("send headers: %v", err)
	}
	return c
}

// waitPending returns once n webhooks wait for or read their body.
func waitPending(t *testing.T, r *receiver.Receiver, n int) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for receiver.BodiesPending(r) != n {
		if time.Now().After(deadline) {
			t.Fatalf("%d webhooks reached their body, want %d", receiver.BodiesPending(r), n)
		}
		runtime.Gosched()
	}
}

// liveMemory returns the heap and stacks the process uses after a
// garbage collection: the receiver runs in the test process, so this is
// the receiver's memory.
func liveMemory() int64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return int64(m.HeapInuse + m.StackInuse)
}

// TestSlowBodiesDoNotInflateMemory opens 2,000 authenticated webhooks
// that each announce a 1 MiB body and send a few bytes of it: the
// receiver's memory grows by less than 64 MB (it used to grow by the
// announced size, two gigabytes), and once they hang up a real webhook is
// stored.
func TestSlowBodiesDoNotInflateMemory(t *testing.T) {
	e := newEnv(t, func(c *receiver.Config) { c.BodyWait = time.Minute }) // all wait at once
	before := liveMemory()
	conns := make([]net.Conn, 0, slowSenders)
	for range slowSenders {
		conns = append(conns, openSlowBody(t, e, 1<<20))
	}
	waitPending(t, e.rcv, slowSenders)
	grown := liveMemory() - before
	t.Logf("memory grew by %.1f MB under %d slow 1 MiB bodies", float64(grown)/1e6, slowSenders)
	if grown > maxGrowth {
		t.Errorf("memory grew by %d MB under %d slow bodies, want under %d MB", grown>>20, slowSenders, maxGrowth>>20)
	}
	for _, c := range conns {
		_ = c.Close()
	}
	if s := e.postSigned(textPayload("4917611111111", "Anna", "wamid.after")); s != http.StatusOK {
		t.Fatalf("webhook after the slow bodies answered %d, want 200", s)
	}
	if got := e.messages(e.ch.ID, "4917611111111"); len(got) != 1 {
		t.Errorf("%d messages stored after the slow bodies, want 1", len(got))
	}
}

// saturate opens n slow bodies of 1 MiB each and returns once they all
// reached their body.
func saturate(t *testing.T, e *env, n int) []net.Conn {
	t.Helper()
	conns := make([]net.Conn, 0, n)
	for range n {
		conns = append(conns, openSlowBody(t, e, 1<<20))
	}
	waitPending(t, e.rcv, n)
	return conns
}

// TestWebhooksWaitForSlowBodies fills the body budget with slow 1 MiB
// bodies (16 more wait behind them): 20 real webhooks sent meanwhile
// wait instead of being read, and once the slow senders hang up every
// one of them is answered 200 and stored.
func TestWebhooksWaitForSlowBodies(t *testing.T) {
	e := newEnv(t, func(c *receiver.Config) { c.BodyWait = time.Minute })
	const fill = int(receiver.DefaultBodyBudget >> 20)
	conns := saturate(t, e, fill+16)
	const n = 20
	statuses := make(chan int, n)
	for i := range n {
		go func() {
			statuses <- e.postSigned(textPayload(fmt.Sprintf("4917%08d", i), "C", fmt.Sprintf("wamid.w%d", i)))
		}()
	}
	waitPending(t, e.rcv, fill+16+n)
	if got := e.countMessages(e.ch.ID); got != 0 {
		t.Fatalf("%d messages stored while the budget was full, want 0", got)
	}
	for _, c := range conns {
		_ = c.Close()
	}
	for range n {
		if s := <-statuses; s != http.StatusOK {
			t.Errorf("status = %d, want 200", s)
		}
	}
	if got := e.countMessages(e.ch.ID); got != n {
		t.Errorf("%d messages stored, want %d", got, n)
	}
}

// TestBusyReceiverAsksForRetry fills the body budget with slow bodies
// and lets webhooks wait only briefly: a real webhook is answered 503
// with Retry-After, as 360dialog retries, and stored when sent again
// after the slow senders hung up.
func TestBusyReceiverAsksForRetry(t *testing.T) {
	e := newEnv(t, func(c *receiver.Config) { c.BodyWait = time.Millisecond })
	conns := saturate(t, e, int(receiver.DefaultBodyBudget>>20))
	body := textPayload("4917622222222", "Ben", "wamid.busy")
	status, retry := postWithRetryAfter(t, e, body)
	if status != http.StatusServiceUnavailable || retry == "" {
		t.Fatalf("webhook to a full budget answered %d with Retry-After %q, want 503 with a Retry-After", status, retry)
	}
	if !strings.Contains(e.logs.String(), "too many bodies") {
		t.Errorf("no log line tells why the webhook was refused:\n%s", e.logs.String())
	}
	for _, c := range conns {
		_ = c.Close()
	}
	deadline := time.Now().Add(20 * time.Second)
	for status != http.StatusOK { // 360dialog sends it again until stored
		if time.Now().After(deadline) {
			t.Fatalf("webhook after the slow senders hung up still answered %d", status)
		}
		status, _ = postWithRetryAfter(t, e, body)
	}
	if got := e.messages(e.ch.ID, "4917622222222"); len(got) != 1 {
		t.Errorf("%d messages stored, want 1", len(got))
	}
}

// postWithRetryAfter posts body to the secret channel and returns the
// status and the Retry-After header.
func postWithRetryAfter(t *testing.T, e *env, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, e.rcv.URLFor(e.ch), bytesReader(body))
	if err != nil {
		t.Fatalf("request: %v", err)
	}
	req.Header.Set(receiver.DefaultSecretHeader, testSecret)
	resp, err := e.hc.Do(req)
	if err != nil {
		t.Fatalf("post: %v", err)
	}
	_ = resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("Retry-After")
}

// TestShutdownAnswersWaitingWebhooks shuts the receiver down while a
// webhook waits behind slow bodies: the webhook is answered 503 at once,
// to be sent again, instead of holding the shutdown up.
func TestShutdownAnswersWaitingWebhooks(t *testing.T) {
	e := newEnv(t, func(c *receiver.Config) { c.BodyWait = time.Minute })
	fill := int(receiver.DefaultBodyBudget >> 20)
	conns := saturate(t, e, fill)
	answered := make(chan int, 1)
	go func() { answered <- e.postSigned(textPayload("4917633333333", "Cem", "wamid.shut")) }()
	waitPending(t, e.rcv, fill+1)
	stopped := make(chan error, 1)
	go func() { stopped <- e.rcv.Shutdown(context.Background()) }()
	if s := <-answered; s != http.StatusServiceUnavailable {
		t.Errorf("waiting webhook answered %d at shutdown, want 503", s)
	}
	for _, c := range conns {
		_ = c.Close()
	}
	if err := <-stopped; err != nil {
		t.Errorf("shutdown: %v", err)
	}
}
