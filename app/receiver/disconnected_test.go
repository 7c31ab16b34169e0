package receiver_test

import (
	"context"
	"net/http"
	"testing"
)

// A channel the owner disconnected receives nothing: its webhooks are
// refused like an unknown address (360dialog keeps retrying), and once it
// is reconnected the retried delivery is stored.
func TestDisconnectedChannelRefusesWebhooksUntilReconnected(t *testing.T) {
	e := newEnv(t, nil)
	ctx := context.Background()
	ch := e.ch
	ch.Disconnected = true
	if err := e.store.UpdateChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	e.rcv.ForgetChannels()
	body := textPayload("491701234567", "Anna", "wamid.while-disconnected")
	if got := e.postSigned(body); got != http.StatusNotFound {
		t.Fatalf("webhook for a disconnected channel answered %d, want 404", got)
	}
	if n := e.countMessages(ch.ID); n != 0 {
		t.Fatalf("a disconnected channel stored %d messages", n)
	}

	ch.Disconnected = false
	if err := e.store.UpdateChannel(ctx, ch); err != nil {
		t.Fatal(err)
	}
	e.rcv.ForgetChannels()
	if got := e.postSigned(body); got != http.StatusOK {
		t.Fatalf("the retried webhook after reconnecting answered %d, want 200", got)
	}
	if n := e.countMessages(ch.ID); n != 1 {
		t.Fatalf("after reconnecting %d messages are stored, want 1", n)
	}
}
