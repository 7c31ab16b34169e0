package receiver_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/persistence"
)

// testSecret is the shared header value of the test channel.
const testSecret = "s3cret-Header-Value"

// env is a receiver listening on loopback in front of the core over a
// real store.
type env struct {
	t     *testing.T
	store *persistence.Store
	core  *app.Core // the receiver's ingester
	rcv   *receiver.Receiver
	ch    app.Channel // has a secret
	open  app.Channel // has none
	logs  *testkit.LogBuffer
	hc    *http.Client
}

// newEnv opens a store in a temporary folder, creates two channels and
// starts a receiver on loopback that hands payloads to a core over the
// store, as Parley runs it. edit may change the config first.
func newEnv(t *testing.T, edit func(*receiver.Config)) *env {
	t.Helper()
	ctx := context.Background()
	st, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatalf("open store: %v", err)
	}
	t.Cleanup(func() { _ = st.Close() })
	ch, err := st.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123456", WebhookSecret: testSecret})
	if err != nil {
		t.Fatalf("create channel: %v", err)
	}
	open, err := st.CreateChannel(ctx, app.Channel{Name: "Open", PhoneNumber: "+4930999999"})
	if err != nil {
		t.Fatalf("create channel: %v", err)
	}
	logs := &testkit.LogBuffer{}
	core := app.New(app.Deps{Store: st})
	cfg := receiver.Config{
		Channels: st,
		Ingester: core,
		Parse:    dialog360.ParseWebhook,
		Log:      slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
	}
	if edit != nil {
		edit(&cfg)
	}
	rcv := receiver.New(cfg)
	if err := rcv.Start(ctx); err != nil {
		t.Fatalf("start: %v", err)
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := rcv.Shutdown(sctx); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		tr.CloseIdleConnections()
	})
	return &env{t: t, store: st, core: core, rcv: rcv, ch: ch, open: open, logs: logs,
		hc: &http.Client{Transport: tr, Timeout: 20 * time.Second}}
}

// post sends body to url with the given headers and returns the status.
func (e *env) post(url string, body []byte, headers map[string]string) int {
	e.t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		e.t.Fatalf("request: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	resp, err := e.hc.Do(req)
	if err != nil {
		e.t.Errorf("post: %v", err)
		return 0
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	return resp.StatusCode
}

// postSigned posts body to the secret channel with the right secret.
func (e *env) postSigned(body []byte) int {
	e.t.Helper()
	return e.post(e.rcv.URLFor(e.ch), body, map[string]string{receiver.DefaultSecretHeader: testSecret})
}

// messages returns every message of the channel's conversation with
// waID, newest first.
func (e *env) messages(ch app.ChannelID, waID string) []app.Message {
	e.t.Helper()
	ctx := context.Background()
	convs, err := e.store.Conversations(ctx, ch)
	if err != nil {
		e.t.Fatalf("conversations: %v", err)
	}
	for _, c := range convs {
		if c.WAID == waID {
			ms, err := e.store.Messages(ctx, c.ID, 0, 10000)
			if err != nil {
				e.t.Fatalf("messages: %v", err)
			}
			return ms
		}
	}
	return nil
}

// countMessages returns how many messages the channel has stored.
func (e *env) countMessages(ch app.ChannelID) int {
	e.t.Helper()
	ctx := context.Background()
	convs, err := e.store.Conversations(ctx, ch)
	if err != nil {
		e.t.Fatalf("conversations: %v", err)
	}
	n := 0
	for _, c := range convs {
		ms, err := e.store.Messages(ctx, c.ID, 0, 100000)
		if err != nil {
			e.t.Fatalf("messages: %v", err)
		}
		n += len(ms)
	}
	return n
}

// textPayload returns a Cloud API webhook in which customer from (named
// name) sends one text message per wamid.
func textPayload(from, name string, wamids ...string) []byte {
	var msgs []string
	for i, id := range wamids {
		msgs = append(msgs, fmt.Sprintf(`{"from":%q,"id":%q,"timestamp":"%d","type":"text","text":{"body":"Hello %d"}}`,
			from, id, 1749000000+i, i))
	}
	return fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages",`+
		`"value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930123456","phone_number_id":"111"},`+
		`"contacts":[{"profile":{"name":%q},"wa_id":%q}],"messages":[%s]}}]}]}`, name, from, strings.Join(msgs, ","))
}

// gateIngester wraps a GroupIngester, counts its calls and can hold the
// first call until released, so that tests can queue payloads behind it.
type gateIngester struct {
	next    app.GroupIngester
	calls   atomic.Int64
	entered chan struct{} // closed when the held call started
	release chan struct{} // close to let the held call go on
	held    atomic.Bool
}

func newGate(next app.GroupIngester) *gateIngester {
	return &gateIngester{next: next, entered: make(chan struct{}), release: make(chan struct{})}
}

func (g *gateIngester) IngestBatches(ctx context.Context, items []app.IngestItem) ([][]app.Message, []error) {
	g.calls.Add(1)
	if g.held.CompareAndSwap(false, true) {
		close(g.entered)
		<-g.release
	}
	return g.next.IngestBatches(ctx, items)
}

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
