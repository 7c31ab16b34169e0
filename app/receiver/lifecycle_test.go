package receiver_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/persistence"
)

// TestShutdownFinishesCommitInFlight shuts down while a payload is being
// committed: the payload is still stored and answered 200, and then the
// receiver no longer listens.
func TestShutdownFinishesCommitInFlight(t *testing.T) {
	var gate *gateIngester
	e := newEnv(t, func(c *receiver.Config) {
		gate = newGate(c.Ingester)
		c.Ingester = gate
	})
	addr := e.rcv.Addr()
	status := make(chan int, 1)
	go func() { status <- e.postSigned(textPayload("491700000000", "Late", "wamid.late")) }()
	<-gate.entered
	done := make(chan error, 1)
	go func() { done <- e.rcv.Shutdown(context.Background()) }()
	close(gate.release)
	if s := <-status; s != http.StatusOK {
		t.Errorf("in-flight payload answered %d, want 200", s)
	}
	if err := <-done; err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if _, err := e.store.MessageByWAID(context.Background(), e.ch.ID, "wamid.late"); err != nil {
		t.Errorf("in-flight message not stored: %v", err)
	}
	e.hc.CloseIdleConnections()
	if _, err := e.hc.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("the receiver still answers after Shutdown")
	}
	if err := e.rcv.Start(context.Background()); err == nil {
		t.Error("Start after Shutdown succeeded")
	}
}

// TestStartTwiceAndAddressTaken checks Start's refusals.
func TestStartTwiceAndAddressTaken(t *testing.T) {
	e := newEnv(t, nil)
	if err := e.rcv.Start(context.Background()); err == nil {
		t.Error("second Start succeeded")
	}
	other := receiver.New(receiver.Config{Addr: e.rcv.Addr(), Channels: e.store, Ingester: e.core, Parse: dialog360.ParseWebhook})
	defer other.Shutdown(context.Background())
	if err := other.Start(context.Background()); err == nil || !strings.Contains(err.Error(), e.rcv.Addr()) {
		t.Errorf("Start on a taken address: %v, want an error naming it", err)
	}
}

// TestURLFor names the channel's local webhook address on loopback.
func TestURLFor(t *testing.T) {
	e := newEnv(t, nil)
	want := "http://" + e.rcv.Addr() + "/webhook/" + e.ch.WebhookToken
	if got := e.rcv.URLFor(e.ch); got != want {
		t.Errorf("URLFor = %q, want %q", got, want)
	}
	if !strings.HasPrefix(e.rcv.Addr(), "127.0.0.1:") {
		t.Errorf("default address %q is not loopback", e.rcv.Addr())
	}
	idle := receiver.New(receiver.Config{Channels: e.store, Ingester: e.core, Parse: dialog360.ParseWebhook})
	defer idle.Shutdown(context.Background())
	if got := idle.URLFor(e.ch); got != "" {
		t.Errorf("URLFor before Start = %q, want empty", got)
	}
}

// TestHandlerWithoutListener serves the handler through httptest.
func TestHandlerWithoutListener(t *testing.T) {
	ctx := context.Background()
	st, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ch, err := st.CreateChannel(ctx, app.Channel{Name: "Shop"})
	if err != nil {
		t.Fatal(err)
	}
	rcv := receiver.New(receiver.Config{Channels: st, Ingester: app.New(app.Deps{Store: st}), Parse: dialog360.ParseWebhook,
		Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv := httptest.NewServer(rcv.Handler())
	resp, err := srv.Client().Post(srv.URL+"/webhook/"+ch.WebhookToken, "application/json",
		bytesReader(textPayload("491701234567", "Anna", "wamid.httptest")))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	srv.Close()
	if err := rcv.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Errorf("status = %d, want 200", resp.StatusCode)
	}
	if _, err := st.MessageByWAID(ctx, ch.ID, "wamid.httptest"); err != nil {
		t.Errorf("message not stored: %v", err)
	}
}

// TestShutdownGivesUpWhenStoreHangs checks that Shutdown returns when
// its context ends even though a commit never does, and that the sender
// is not told the payload was stored.
func TestShutdownGivesUpWhenStoreHangs(t *testing.T) {
	hang := hangingIngester{entered: make(chan struct{}), release: make(chan struct{})}
	defer close(hang.release)
	e := newEnv(t, func(c *receiver.Config) { c.Ingester = hang })
	status := make(chan int, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, e.rcv.URLFor(e.open), bytesReader(textPayload("491700000000", "Stuck", "wamid.stuck")))
		resp, err := e.hc.Do(req)
		if err != nil {
			status <- 0 // the connection was closed: no answer at all
			return
		}
		resp.Body.Close()
		status <- resp.StatusCode
	}()
	<-hang.entered
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := e.rcv.Shutdown(ctx); err == nil {
		t.Error("Shutdown reported success with a commit that never ended")
	}
	if s := <-status; s == http.StatusOK {
		t.Error("a payload that was never stored was answered 200")
	}
}

// hangingIngester blocks until released, like a stuck disk, then fails.
type hangingIngester struct{ entered, release chan struct{} }

func (h hangingIngester) IngestBatches(_ context.Context, items []app.IngestItem) ([][]app.Message, []error) {
	close(h.entered)
	<-h.release
	errs := make([]error, len(items))
	for i := range errs {
		errs[i] = errors.New("disk stuck")
	}
	return make([][]app.Message, len(items)), errs
}

// TestForgetChannelsAppliesNewSecret changes a channel's secret: once
// the receiver is told, the old secret is refused and the new one taken.
func TestForgetChannelsAppliesNewSecret(t *testing.T) {
	e := newEnv(t, nil)
	if got := e.postSigned(textPayload("491701234567", "Anna", "wamid.before")); got != http.StatusOK {
		t.Fatalf("status = %d", got)
	}
	ch := e.ch
	ch.WebhookSecret = "rotated-secret"
	if err := e.store.UpdateChannel(context.Background(), ch); err != nil {
		t.Fatal(err)
	}
	e.rcv.ForgetChannels()
	url := e.rcv.URLFor(ch)
	if got := e.post(url, textPayload("491701234567", "Anna", "wamid.old"), map[string]string{receiver.DefaultSecretHeader: testSecret}); got != http.StatusUnauthorized {
		t.Errorf("old secret: status = %d, want 401", got)
	}
	if got := e.post(url, textPayload("491701234567", "Anna", "wamid.new"), map[string]string{receiver.DefaultSecretHeader: "rotated-secret"}); got != http.StatusOK {
		t.Errorf("new secret: status = %d, want 200", got)
	}
}

// TestCustomSecretHeaderAndBodyLimit honours the configured header name
// and size limit.
func TestCustomSecretHeaderAndBodyLimit(t *testing.T) {
	e := newEnv(t, func(c *receiver.Config) {
		c.SecretHeader = "X-Shop-Token"
		c.MaxBody = 600
	})
	url := e.rcv.URLFor(e.ch)
	small := textPayload("491701234567", "Anna", "wamid.small")
	if got := e.post(url, small, map[string]string{"X-Shop-Token": testSecret}); got != http.StatusOK {
		t.Errorf("custom header: status = %d, want 200", got)
	}
	if got := e.post(url, small, map[string]string{receiver.DefaultSecretHeader: testSecret}); got != http.StatusUnauthorized {
		t.Errorf("default header name: status = %d, want 401", got)
	}
	big := textPayload("491701234567", "Anna", "wamid.a", "wamid.b", "wamid.c", "wamid.d", "wamid.e")
	if got := e.post(url, big, map[string]string{"X-Shop-Token": testSecret}); got != http.StatusRequestEntityTooLarge {
		t.Errorf("%d-byte body over a 600-byte limit: status = %d, want 413", len(big), got)
	}
}
