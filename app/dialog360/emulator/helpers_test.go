package emulator_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app/dialog360/emulator"
)

const (
	key      = "emu-key-1"
	phone    = "+4930123456"
	customer = "491701234567"
)

// clock is a settable clock.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// env is an emulator served by httptest.
type env struct {
	em    *emulator.Emulator
	srv   *httptest.Server
	clock *clock
}

func newEnv(t *testing.T, opts ...emulator.Option) *env {
	t.Helper()
	c := &clock{t: time.Date(2025, 6, 2, 9, 0, 0, 0, time.UTC)}
	opts = append([]emulator.Option{emulator.WithClock(c.Now), emulator.WithManualDelivery(), emulator.WithSeed(3)}, opts...)
	em := emulator.New(opts...)
	t.Cleanup(em.Close)
	em.AddNumber(key, phone, "Blumen Anna")
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	return &env{em: em, srv: srv, clock: c}
}

// answer is a decoded JSON answer.
type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    []byte
}

// code returns error.code of a Graph error answer, 0 if none.
func (a answer) code() int {
	e, _ := a.body["error"].(map[string]any)
	f, _ := e["code"].(float64)
	return int(f)
}

// subcode returns error.error_subcode.
func (a answer) subcode() int {
	e, _ := a.body["error"].(map[string]any)
	f, _ := e["error_subcode"].(float64)
	return int(f)
}

// call sends a request with the API key k; body is marshalled as JSON
// unless it is []byte.
func (e *env) call(t *testing.T, k, method, path string, body any, headers ...string) answer {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case []byte:
		r = bytes.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		r = bytes.NewReader(j)
	}
	req, _ := http.NewRequest(method, e.srv.URL+path, r)
	req.Header.Set("D360-API-KEY", k)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: raw}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

// receiver is a webhook endpoint that records posts.
type receiver struct {
	srv  *httptest.Server
	mu   sync.Mutex
	fail int // answer 500 to this many posts first
	got  []post
	hit  chan struct{}
}

type post struct {
	header http.Header
	body   map[string]any
}

func newReceiver(t *testing.T, fail int) *receiver {
	// hit holds a signal per post; it must never fill up, or the
	// emulator's delivery blocks on the handler and the test hangs (seen
	// in TestConcurrentUse, whose statuses and retries make hundreds).
	r := &receiver{fail: fail, hit: make(chan struct{}, 1<<16)}
	r.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		b, _ := io.ReadAll(req.Body)
		r.mu.Lock()
		defer func() { r.mu.Unlock(); r.hit <- struct{}{} }()
		if r.fail > 0 {
			r.fail--
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		var m map[string]any
		_ = json.Unmarshal(b, &m)
		r.got = append(r.got, post{req.Header.Clone(), m})
	}))
	t.Cleanup(r.srv.Close)
	return r
}

func (r *receiver) posts() []post {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]post(nil), r.got...)
}

// value returns entry[0].changes[0].value and field of a webhook post.
func (p post) value() (string, map[string]any) {
	entry := p.body["entry"].([]any)[0].(map[string]any)
	ch := entry["changes"].([]any)[0].(map[string]any)
	return ch["field"].(string), ch["value"].(map[string]any)
}

// register points the number's webhook at r.
func (e *env) register(t *testing.T, r *receiver) {
	t.Helper()
	a := e.call(t, key, "POST", "/v1/configs/webhook", map[string]any{"url": r.srv.URL + "/hook", "headers": map[string]string{"X-Secret": "abc"}})
	if a.status != 200 {
		t.Fatalf("register webhook: %d %s", a.status, a.raw)
	}
}
