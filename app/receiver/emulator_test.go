package receiver_test

import (
	"context"
	"net/http/httptest"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/app/receiver"
)

// TestEmulatorDeliveryReachesStore registers the receiver with the
// 360dialog emulator through the client, as going live does, lets a
// customer write, and finds the message in the store. A webhook
// registered with a wrong secret is refused and not stored.
func TestEmulatorDeliveryReachesStore(t *testing.T) {
	const apiKey = "emu-key-receiver"
	ctx := context.Background()
	e := newEnv(t, nil)
	em := emulator.New(emulator.WithManualDelivery())
	t.Cleanup(em.Close)
	em.AddNumber(apiKey, e.ch.PhoneNumber, "Blumen Anna")
	srv := httptest.NewServer(em)
	t.Cleanup(srv.Close)
	client := dialog360.New(apiKey, dialog360.WithBaseURL(srv.URL))

	hook := app.WebhookConfig{URL: e.rcv.URLFor(e.ch), Headers: map[string]string{receiver.DefaultSecretHeader: testSecret}}
	if err := client.SetWebhook(ctx, hook); err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	wamid, err := em.Inbound(apiKey, "+491701234567", "Carla", "Do you deliver on Sundays?")
	if err != nil {
		t.Fatal(err)
	}
	if err := em.Flush(ctx); err != nil {
		t.Fatalf("the receiver did not accept the delivery: %v", err)
	}
	m, err := e.store.MessageByWAID(ctx, e.ch.ID, wamid)
	if err != nil {
		t.Fatalf("delivered message not stored: %v", err)
	}
	if m.Text != "Do you deliver on Sundays?" || m.From != "491701234567" {
		t.Errorf("stored %q from %s", m.Text, m.From)
	}

	hook.Headers[receiver.DefaultSecretHeader] = "stale secret"
	if err := client.SetWebhook(ctx, hook); err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	refused, err := em.Inbound(apiKey, "+491701234567", "Carla", "Hello?")
	if err != nil {
		t.Fatal(err)
	}
	if err := em.Flush(ctx); err == nil {
		t.Error("a delivery with a wrong secret was accepted")
	}
	if _, err := e.store.MessageByWAID(ctx, e.ch.ID, refused); err == nil {
		t.Error("a delivery with a wrong secret was stored")
	}
	if got := em.PendingWebhooks(); got != 1 {
		t.Errorf("%d deliveries waiting for retry, want 1", got)
	}
}
