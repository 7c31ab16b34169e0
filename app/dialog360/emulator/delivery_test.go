package emulator_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/parley-app/parley/app/dialog360/emulator"
)

// liveEnv is an emulator with its background webhook delivery running.
func liveEnv(t *testing.T, opts ...emulator.Option) *env {
	t.Helper()
	em := emulator.New(opts...)
	t.Cleanup(em.Close)
	em.AddNumber(key, phone, "Blumen Anna")
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	return &env{em: em, srv: srv}
}

func waitHits(t *testing.T, r *receiver, n int) {
	t.Helper()
	for range n {
		select {
		case <-r.hit:
		case <-time.After(10 * time.Second):
			t.Fatalf("webhook not delivered in time (%d posts accepted)", len(r.posts()))
		}
	}
}

func TestWebhooksAreRetriedUntilAccepted(t *testing.T) {
	e := liveEnv(t, emulator.WithDeliveryRetry(10, time.Millisecond, 4*time.Millisecond))
	r := newReceiver(t, 2) // refuses the first two posts
	e.register(t, r)
	first, _ := e.em.Inbound(key, customer, "Anna", "one")
	second, _ := e.em.Inbound(key, customer, "Anna", "two")
	waitHits(t, r, 4) // 2 refusals + 2 deliveries
	posts := r.posts()
	if len(posts) != 2 {
		t.Fatalf("accepted %d posts", len(posts))
	}
	ids := map[any]bool{}
	for _, p := range posts {
		_, v := p.value()
		ids[v["messages"].([]any)[0].(map[string]any)["id"]] = true
		if p.header.Get("X-Secret") != "abc" || p.header.Get("Content-Type") != "application/json" {
			t.Errorf("headers = %v", p.header)
		}
	}
	if !ids[first] || !ids[second] {
		t.Errorf("delivered %v, want %s and %s", ids, first, second)
	}
	if n := e.em.PendingWebhooks(); n != 0 {
		t.Errorf("%d still pending", n)
	}
}

func TestFlushReportsRefusedWebhooks(t *testing.T) {
	e := newEnv(t)
	r := newReceiver(t, 1)
	e.register(t, r)
	_, _ = e.em.Inbound(key, customer, "Anna", "Hi")
	if err := e.em.Flush(t.Context()); err == nil {
		t.Error("a refused webhook was reported delivered")
	}
	if e.em.PendingWebhooks() != 1 {
		t.Errorf("pending = %d, want the refused one kept", e.em.PendingWebhooks())
	}
	if err := e.em.Flush(t.Context()); err != nil || len(r.posts()) != 1 {
		t.Errorf("second flush: %v, %d posts", err, len(r.posts()))
	}
}

func TestNoWebhookMeansEventsAreLost(t *testing.T) {
	e := newEnv(t)
	if _, err := e.em.Inbound(key, customer, "Anna", "Hi"); err != nil {
		t.Fatal(err)
	}
	if e.em.PendingWebhooks() != 0 {
		t.Error("an event was queued without a webhook")
	}
	if _, err := e.em.Inbound("unknown", customer, "Anna", "Hi"); err == nil {
		t.Error("inbound for an unknown key accepted")
	}
}

func TestAutoTickRunsReviews(t *testing.T) {
	e := liveEnv(t, emulator.WithAutoTick(time.Millisecond))
	r := newReceiver(t, 0)
	e.register(t, r)
	e.em.SetReviewDelay(time.Millisecond)
	if a := e.call(t, key, "POST", "/v1/configs/templates", tpl("auto", body("Hi"))); a.status != 200 {
		t.Fatal(string(a.raw))
	}
	waitHits(t, r, 1)
	if field, v := r.posts()[0].value(); field != "message_template_status_update" || v["event"] != "APPROVED" {
		t.Errorf("webhook %s %v", field, v)
	}
}
