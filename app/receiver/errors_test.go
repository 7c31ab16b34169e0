package receiver_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/parley-app/parley/app/receiver"
)

// TestRefusalsLeaveServerWorking sends every kind of bad request and
// checks the answer, that nothing was stored, and that a good webhook
// is still taken right after.
func TestRefusalsLeaveServerWorking(t *testing.T) {
	e := newEnv(t, nil)
	good := e.rcv.URLFor(e.ch)
	secret := map[string]string{receiver.DefaultSecretHeader: testSecret}
	valid := textPayload("491701111111", "Anna", "wamid.refusal-probe")
	huge := append(append([]byte(`{"object":"whatsapp_business_account","entry":[],"pad":"`),
		bytes.Repeat([]byte("x"), int(receiver.DefaultMaxBody))...), `"}`...)

	cases := []struct {
		name      string
		method    string
		url       string
		body      []byte
		headers   map[string]string
		chunked   bool // hide the length, so only reading finds it too big
		want      int
		wantAllow string
	}{
		{name: "unknown address", method: "POST", url: strings.Replace(good, e.ch.WebhookToken, "not-a-token", 1), body: valid, headers: secret, want: 404},
		{name: "no token", method: "POST", url: "http://" + e.rcv.Addr() + "/webhook/", body: valid, headers: secret, want: 404},
		{name: "other path", method: "POST", url: "http://" + e.rcv.Addr() + "/hooks", body: valid, want: 404},
		{name: "missing secret", method: "POST", url: good, body: valid, want: 401},
		{name: "wrong secret", method: "POST", url: good, body: valid, headers: map[string]string{receiver.DefaultSecretHeader: "guess"}, want: 401},
		{name: "secret of other length", method: "POST", url: good, body: valid, headers: map[string]string{receiver.DefaultSecretHeader: testSecret + "x"}, want: 401},
		{name: "GET", method: "GET", url: good, headers: secret, want: 405, wantAllow: "POST"},
		{name: "PUT", method: "PUT", url: good, body: valid, headers: secret, want: 405, wantAllow: "POST"},
		{name: "too large", method: "POST", url: good, body: huge, headers: secret, want: 413},
		{name: "too large, no length", method: "POST", url: good, body: huge, headers: secret, chunked: true, want: 413},
		{name: "not JSON", method: "POST", url: good, body: []byte("hello\x00<script>"), headers: secret, want: 400},
		{name: "truncated JSON", method: "POST", url: good, body: valid[:len(valid)/2], headers: secret, want: 400},
		{name: "JSON, not a webhook", method: "POST", url: good, body: []byte(`{"hello":"world"}`), headers: secret, want: 400},
		{name: "empty body", method: "POST", url: good, headers: secret, want: 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var body io.Reader = bytes.NewReader(c.body)
			if c.chunked {
				body = io.MultiReader(body) // unknown length: sent chunked
			}
			req, err := http.NewRequest(c.method, c.url, body)
			if err != nil {
				t.Fatal(err)
			}
			for k, v := range c.headers {
				req.Header.Set(k, v)
			}
			resp, err := e.hc.Do(req)
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != c.want {
				t.Errorf("status = %d, want %d", resp.StatusCode, c.want)
			}
			if got := resp.Header.Get("Allow"); got != c.wantAllow {
				t.Errorf("Allow = %q, want %q", got, c.wantAllow)
			}
			if n := e.countMessages(e.ch.ID); n != 0 {
				t.Errorf("%d messages stored after a refused request", n)
			}
			if got := e.post(e.rcv.URLFor(e.open), textPayload("491700000000", "Probe", "wamid.probe-"+c.name), nil); got != http.StatusOK {
				t.Errorf("good webhook after %s answered %d", c.name, got)
			}
		})
	}
	if got := e.postSigned(valid); got != http.StatusOK {
		t.Fatalf("valid webhook answered %d", got)
	}
	if n := e.countMessages(e.ch.ID); n != 1 {
		t.Errorf("%d messages stored, want 1", n)
	}

	logs := e.logs.String()
	if strings.Contains(logs, testSecret) {
		t.Errorf("the secret header value was logged:\n%s", logs)
	}
	if strings.Contains(logs, e.ch.WebhookToken) {
		t.Errorf("the full webhook token was logged:\n%s", logs)
	}
	for _, want := range []string{"not a WhatsApp webhook", `excerpt=hello\x00<script>`, "wrong secret", "too large"} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q:\n%s", want, logs)
		}
	}
}

// TestMalformedExcerptIsShortAndSafe checks that a large malformed body
// is logged only as a short, escaped excerpt.
func TestMalformedExcerptIsShortAndSafe(t *testing.T) {
	e := newEnv(t, nil)
	body := append([]byte("not json \n\r\x1b[31m"), bytes.Repeat([]byte("A"), 5000)...)
	if got := e.postSigned(body); got != http.StatusBadRequest {
		t.Fatalf("status = %d, want 400", got)
	}
	logs := e.logs.String()
	if strings.Contains(logs, strings.Repeat("A", 300)) {
		t.Errorf("the log holds more than an excerpt of the body")
	}
	if strings.ContainsAny(logs, "\x1b\r") {
		t.Errorf("control characters of the body reached the log")
	}
	if !strings.Contains(logs, `not json \\n\\r\\x1b[31mAAAA`) {
		t.Errorf("log lacks the escaped excerpt:\n%s", logs)
	}
}

// TestHealth answers the tunnel check and refuses other methods.
func TestHealth(t *testing.T) {
	e := newEnv(t, nil)
	resp, err := e.hc.Get("http://" + e.rcv.Addr() + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(b) != "ok" {
		t.Errorf("GET /healthz = %d %q, want 200 \"ok\"", resp.StatusCode, b)
	}
	if got := e.post("http://"+e.rcv.Addr()+"/healthz", nil, nil); got != http.StatusMethodNotAllowed {
		t.Errorf("POST /healthz = %d, want 405", got)
	}
}
