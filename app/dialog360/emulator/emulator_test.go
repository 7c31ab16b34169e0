package emulator_test

import (
	"testing"
)

func TestWrongKeyIs401(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/health_status", "/whatsapp_business_profile", "/v1/configs/templates", "/v1/configs/webhook"} {
		if a := e.call(t, "wrong", "GET", path, nil); a.status != 401 || a.body["error"] == nil {
			t.Errorf("%s with a wrong key: %d %s", path, a.status, a.raw)
		}
	}
	if a := e.call(t, "", "GET", "/health_status", nil); a.status != 401 {
		t.Errorf("no key: %d", a.status)
	}
}

func TestHealthStatusTellsTheNumberWhenAsked(t *testing.T) {
	e := newEnv(t)
	e.em.AddNumber("key-2", "+14155550123", "Second")
	plain := e.call(t, key, "GET", "/health_status", nil)
	hs, _ := plain.body["health_status"].(map[string]any)
	if plain.status != 200 || hs["can_send_message"] != "AVAILABLE" || plain.body["display_phone_number"] != nil {
		t.Errorf("plain = %s", plain.raw)
	}
	a := e.call(t, key, "GET", "/health_status?fields=health_status,display_phone_number,verified_name", nil)
	if a.body["display_phone_number"] != "+49 30 123456" || a.body["verified_name"] != "Blumen Anna" {
		t.Errorf("with fields = %s", a.raw)
	}
	b := e.call(t, "key-2", "GET", "/health_status?fields=display_phone_number", nil)
	if b.body["display_phone_number"] != "+1 415-555-0123" || b.body["id"] == a.body["id"] {
		t.Errorf("second number = %s", b.raw)
	}
	if bad := e.call(t, key, "GET", "/health_status?fields=secret_field", nil); bad.status != 400 || bad.code() != 100 {
		t.Errorf("unknown field: %d %s", bad.status, bad.raw)
	}
}

func TestUnknownPathIsGraph404(t *testing.T) {
	e := newEnv(t)
	if a := e.call(t, key, "GET", "/no/such/thing", nil); a.status != 404 || a.code() != 100 {
		t.Errorf("got %d %s", a.status, a.raw)
	}
}

func TestWebhookConfigKeepsHeaders(t *testing.T) {
	e := newEnv(t)
	if a := e.call(t, key, "GET", "/v1/configs/webhook", nil); a.status != 200 || a.body["url"] != "" {
		t.Errorf("unset webhook = %s", a.raw)
	}
	set := e.call(t, key, "POST", "/v1/configs/webhook", map[string]any{"url": "https://hooks.example/wa", "headers": map[string]string{"X-Secret": "abc"}})
	if set.status != 200 {
		t.Fatalf("set: %d %s", set.status, set.raw)
	}
	got := e.em.Webhook(key)
	if got.URL != "https://hooks.example/wa" || got.Headers["X-Secret"] != "abc" {
		t.Errorf("stored = %+v", got)
	}
	a := e.call(t, key, "GET", "/v1/configs/webhook", nil)
	if h, _ := a.body["headers"].(map[string]any); a.body["url"] != "https://hooks.example/wa" || h["X-Secret"] != "abc" {
		t.Errorf("read back = %s", a.raw)
	}
	if bad := e.call(t, key, "POST", "/v1/configs/webhook", map[string]any{"url": "not a url"}); bad.status != 400 {
		t.Errorf("bad url accepted: %d", bad.status)
	}
}
