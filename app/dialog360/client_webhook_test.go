package dialog360_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/parley-app/parley/app"
)

func TestWebhookConfigAndDelivery(t *testing.T) {
	h := newHarness(t, nil)
	type hit struct {
		secret string
		body   []byte
	}
	hits := make(chan hit, 10)
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		hits <- hit{r.Header.Get("X-Parley-Secret"), b}
	}))
	defer receiver.Close()

	want := app.WebhookConfig{URL: receiver.URL + "/webhook/tok", Headers: map[string]string{"X-Parley-Secret": "s3cr3t"}}
	if err := h.c.SetWebhook(t.Context(), want); err != nil {
		t.Fatalf("SetWebhook: %v", err)
	}
	got, err := h.c.Webhook(t.Context())
	if err != nil || got.URL != want.URL || got.Headers["X-Parley-Secret"] != "s3cr3t" {
		t.Errorf("Webhook = %+v, %v", got, err)
	}

	id, _ := h.em.Inbound(testKey, customer, "Anna", "Hi there")
	if err := h.em.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	first := <-hits
	var env struct {
		Object string
		Entry  []struct {
			Changes []struct {
				Field string
				Value struct {
					Metadata struct {
						DisplayPhoneNumber string `json:"display_phone_number"`
					}
					Messages []struct{ ID, From string }
				}
			}
		}
	}
	if err := json.Unmarshal(first.body, &env); err != nil {
		t.Fatal(err)
	}
	ch := env.Entry[0].Changes[0]
	if first.secret != "s3cr3t" || env.Object != "whatsapp_business_account" || ch.Field != "messages" ||
		ch.Value.Messages[0].ID != id || ch.Value.Metadata.DisplayPhoneNumber != "4930123456" {
		t.Errorf("webhook = %s (secret %q)", first.body, first.secret)
	}
}
