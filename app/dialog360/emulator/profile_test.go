package emulator_test

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

func TestProfileUpdateOnlyTouchesGivenFields(t *testing.T) {
	e := newEnv(t)
	e.em.SetProfile(key, app.Profile{About: "Hi", Address: "Street 1", Email: "a@b.example"})
	a := e.call(t, key, "POST", "/whatsapp_business_profile", map[string]any{"messaging_product": "whatsapp", "description": "Flowers", "vertical": "RETAIL"})
	if a.status != 200 || a.body["success"] != true {
		t.Fatalf("update: %d %s", a.status, a.raw)
	}
	p := e.em.Profile(key)
	if p.About != "Hi" || p.Address != "Street 1" || p.Description != "Flowers" || p.Vertical != "RETAIL" {
		t.Errorf("profile = %+v", p)
	}
	got := e.call(t, key, "GET", "/whatsapp_business_profile?fields=about,vertical", nil)
	data := got.body["data"].([]any)[0].(map[string]any)
	if data["about"] != "Hi" || data["vertical"] != "RETAIL" || data["address"] != nil {
		t.Errorf("fields answer = %s", got.raw)
	}
}

func TestProfileLimits(t *testing.T) {
	e := newEnv(t)
	e.em.SetProfile(key, app.Profile{About: "Hi", Vertical: "RETAIL"})
	for name, body := range map[string]map[string]any{
		"about empty":        {"about": " "},
		"about 140":          {"about": strings.Repeat("ä", 140)},
		"address 257":        {"address": strings.Repeat("a", 257)},
		"description 513":    {"description": strings.Repeat("a", 513)},
		"email invalid":      {"email": "anna.example"},
		"email 129":          {"email": strings.Repeat("a", 120) + "@x.example"},
		"three websites":     {"websites": []string{"https://a.example", "https://b.example", "https://c.example"}},
		"website scheme":     {"websites": []string{"www.a.example"}},
		"website 257":        {"websites": []string{"https://" + strings.Repeat("a", 249)}},
		"vertical unknown":   {"vertical": "SHOES"},
		"vertical reset":     {"vertical": ""},
		"picture not handle": {"profile_picture_handle": "4::nope"},
		"no product":         {"messaging_product": "", "about": "ok"},
	} {
		t.Run(name, func(t *testing.T) {
			if _, ok := body["messaging_product"]; !ok {
				body["messaging_product"] = "whatsapp"
			}
			a := e.call(t, key, "POST", "/whatsapp_business_profile", body)
			if a.status != 400 || a.code() != 100 {
				t.Errorf("got %d %s", a.status, a.raw)
			}
		})
	}
	ok := e.call(t, key, "POST", "/whatsapp_business_profile", map[string]any{"messaging_product": "whatsapp",
		"about": strings.Repeat("ä", 139), "websites": []string{"https://a.example", "http://b.example"}, "email": "anna@blumen.example"})
	if ok.status != 200 {
		t.Errorf("values at the limits refused: %s", ok.raw)
	}
	if p := e.em.Profile(key); p.Vertical != "RETAIL" || len(p.Websites) != 2 {
		t.Errorf("profile = %+v", p)
	}
}

func TestProfileNestedShape(t *testing.T) {
	e := newEnv(t, emulator.WithNestedProfile())
	e.em.SetProfile(key, app.Profile{About: "Hi", Email: "a@b.example"})
	got := e.call(t, key, "GET", "/whatsapp_business_profile?fields=about,email", nil)
	entry := got.body["data"].([]any)[0].(map[string]any)
	bp, ok := entry["business_profile"].(map[string]any)
	if !ok || bp["about"] != "Hi" || bp["email"] != "a@b.example" || entry["about"] != nil {
		t.Errorf("nested answer = %s", got.raw)
	}
	e.em.SetNestedProfile(false)
	got = e.call(t, key, "GET", "/whatsapp_business_profile?fields=about", nil)
	if entry := got.body["data"].([]any)[0].(map[string]any); entry["about"] != "Hi" {
		t.Errorf("flat answer = %s", got.raw)
	}
}

func TestHealthStatusWithHiddenNumber(t *testing.T) {
	e := newEnv(t)
	e.em.HideNumber(true)
	if a := e.call(t, key, "GET", "/health_status?fields=health_status,display_phone_number", nil); a.status != 400 || a.code() != 100 {
		t.Errorf("number fields while hidden: %d %s", a.status, a.raw)
	}
	if a := e.call(t, key, "GET", "/health_status", nil); a.status != 200 || a.body["display_phone_number"] != nil {
		t.Errorf("plain health status while hidden: %d %s", a.status, a.raw)
	}
}
