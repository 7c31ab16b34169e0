package app_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/persistence"
)

func TestPublicWebhookURLFollows360dialogRules(t *testing.T) {
	ch := app.Channel{WebhookToken: "tok123"}
	ok := []struct{ in, want string }{
		{"https://abc.trycloudflare.com", "https://abc.trycloudflare.com/webhook/tok123"},
		{"  https://abc.trycloudflare.com/  ", "https://abc.trycloudflare.com/webhook/tok123"},
		{"abc.ngrok-free.app", "https://abc.ngrok-free.app/webhook/tok123"},
		{"https://shop.tail1234.ts.net/parley", "https://shop.tail1234.ts.net/parley/webhook/tok123"},
		{"https://abc.trycloudflare.com/webhook/tok123", "https://abc.trycloudflare.com/webhook/tok123"},
	}
	for _, c := range ok {
		got, err := app.PublicWebhookURL(ch, c.in)
		if err != nil || got != c.want {
			t.Errorf("PublicWebhookURL(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	bad := []struct{ in, says string }{
		{"", "Paste the public address"},
		{"http://abc.trycloudflare.com", "must start with https://"},
		{"https://abc.trycloudflare.com:8443", "Leave out the port (8443)"},
		{"https://my_shop.ngrok.app", "underscore"},
		{"https://localhost", "only works on this computer"},
		{"https://127.0.0.1", "only works on this computer"},
		{"https://192.168.1.20", "only works on this computer"},
		{"https://abc.trycloudflare.com/?x=1", "without a name, password"},
		{"https://", "not a web address"},
	}
	for _, c := range bad {
		_, err := app.PublicWebhookURL(ch, c.in)
		var verrs app.ValidationErrors
		if !errors.As(err, &verrs) || verrs[0].Field != app.FieldPublicURL || !strings.Contains(verrs[0].Message, c.says) {
			t.Errorf("PublicWebhookURL(%q) = %v; want a %s message saying %q", c.in, err, app.FieldPublicURL, c.says)
		}
	}
}

// liveWorld is a world whose core has a running receiver and sends its
// test deliveries through client.
func liveWorld(t *testing.T, client *http.Client) (*world, app.Channel, *receiver.Receiver) {
	t.Helper()
	w := newWorld(t)
	core := app.New(app.Deps{Store: w.store, Secrets: persistence.NewKeyringSecrets(), Clock: w.clock,
		Providers: dialog360.Factory(dialog360.WithBaseURL(w.server.URL), dialog360.WithRetry(1, 0)), ProbeClient: client})
	w.core = core
	ch := w.addChannel(t)
	rcv := receiver.New(receiver.Config{Channels: w.store, Ingester: w.store, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(w.ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	core.AttachReceiver(rcv)
	return w, ch, rcv
}

func TestRegisterWebhookSavesTheAddressThenRegistersItWithTheSecret(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	saved, err := w.core.RegisterWebhook(w.ctx, ch.ID, "https://abc.trycloudflare.com")
	if err != nil {
		t.Fatal(err)
	}
	want := "https://abc.trycloudflare.com/webhook/" + ch.WebhookToken
	if saved.WebhookURL != want {
		t.Fatalf("saved %q, want %q", saved.WebhookURL, want)
	}
	got := w.emu.Webhook(testKey)
	if got.URL != want || got.Headers[app.WebhookSecretHeader] != ch.WebhookSecret || ch.WebhookSecret == "" {
		t.Fatalf("360dialog has %+v, want %q with the channel's secret", got, want)
	}

	// Offline: the address typed is kept, and the owner is told plainly.
	w.emu.SetOffline(true)
	_, err = w.core.RegisterWebhook(w.ctx, ch.ID, "https://new.trycloudflare.com")
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || verrs[0].Message == "" {
		t.Fatalf("offline registration: %v, want a plain message", err)
	}
	kept, _ := w.store.Channel(w.ctx, ch.ID)
	if kept.WebhookURL != "https://new.trycloudflare.com/webhook/"+ch.WebhookToken {
		t.Fatalf("the typed address was not kept while offline: %q", kept.WebhookURL)
	}
}

func TestSendATestProvesTheRoundTripThroughTheTunnel(t *testing.T) {
	tunnel := testkit.NewTunnel(t) // the owner's tunnel, at https://example.com
	w, ch, rcv := liveWorld(t, tunnel.Client)
	if err := w.core.TestWebhook(w.ctx, ch.ID); err == nil || !strings.Contains(err.Error(), "Register your tunnel's address first") {
		t.Fatalf("test before registering: %v", err)
	}
	if _, err := w.core.RegisterWebhook(w.ctx, ch.ID, "https://example.com"); err != nil {
		t.Fatal(err)
	}

	tunnel.PointAt("http://" + rcv.Addr())
	if err := w.core.TestWebhook(w.ctx, ch.ID); err != nil {
		t.Fatalf("the round trip through a working tunnel failed: %v", err)
	}
	if n := countAllMessages(t, w, ch); n != 0 {
		t.Fatalf("the test delivery stored %d messages", n)
	}

	other := httptest.NewServer(http.NotFoundHandler())
	t.Cleanup(other.Close)
	tunnel.PointAt(other.URL)
	expectTestFailure(t, w, ch, "not with this channel of Parley (404)")

	stopped := httptest.NewServer(http.NotFoundHandler())
	tunnel.PointAt(stopped.URL)
	stopped.Close()
	expectTestFailure(t, w, ch, "cannot reach Parley on this computer")

	tunnel.PointAt("http://" + rcv.Addr())
	p := dialog360.New(testKey, dialog360.WithBaseURL(w.server.URL))
	if err := p.SetWebhook(w.ctx, app.WebhookConfig{URL: "https://elsewhere.example.org/hook"}); err != nil {
		t.Fatal(err)
	}
	expectTestFailure(t, w, ch, "delivers this number's messages to elsewhere.example.org")
}

func TestSendATestExplainsAnAddressThatDoesNotExist(t *testing.T) {
	w, ch, _ := liveWorld(t, &http.Client{})
	if _, err := w.core.RegisterWebhook(w.ctx, ch.ID, "https://no-such-tunnel.invalid"); err != nil {
		t.Fatal(err)
	}
	expectTestFailure(t, w, ch, "could not find no-such-tunnel.invalid")
}

// expectTestFailure checks that Send a test fails saying says.
func expectTestFailure(t *testing.T, w *world, ch app.Channel, says string) {
	t.Helper()
	err := w.core.TestWebhook(w.ctx, ch.ID)
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || !strings.Contains(verrs[0].Message, says) {
		t.Fatalf("Send a test: %v; want a message saying %q", err, says)
	}
}

// countAllMessages counts the channel's stored messages.
func countAllMessages(t *testing.T, w *world, ch app.Channel) int {
	t.Helper()
	cvs, err := w.core.Conversations(w.ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cv := range cvs {
		ms, err := w.core.Messages(w.ctx, cv.ID, 0, 1000)
		if err != nil {
			t.Fatal(err)
		}
		n += len(ms)
	}
	return n
}
