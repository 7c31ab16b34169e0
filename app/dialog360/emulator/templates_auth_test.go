package emulator_test

import (
	"strings"
	"testing"
)

// authTpl is an AUTHENTICATION template request with the given components.
func authTpl(name string, comps ...map[string]any) map[string]any {
	return map[string]any{"name": name, "language": "en_US", "category": "AUTHENTICATION", "components": comps}
}

var copyCode = map[string]any{"type": "BUTTONS", "buttons": []any{map[string]any{"type": "OTP", "otp_type": "COPY_CODE"}}}

// TestAuthenticationTemplateNeedsThePresetShape: WhatsApp writes an
// Authentication template's text itself. A request with a body of its own,
// a header, footer text or no one-time-code button is refused with a Graph
// error; the preset shape is accepted and listed with WhatsApp's text.
func TestAuthenticationTemplateNeedsThePresetShape(t *testing.T) {
	e := newEnv(t)
	secure := map[string]any{"type": "BODY", "add_security_recommendation": true}
	expiry := func(n int) map[string]any { return map[string]any{"type": "FOOTER", "code_expiration_minutes": n} }
	otp := func(b map[string]any) map[string]any { return map[string]any{"type": "BUTTONS", "buttons": []any{b}} }
	for name, tc := range map[string]struct {
		tpl  map[string]any
		want string // in error_data.details
	}{
		"free body":             {authTpl("code_free", body("Your code is {{1}}.", "123456"), copyCode), "not text"},
		"free body no button":   {authTpl("code_plain", body("Your code is {{1}}.", "123456")), "not text"},
		"header":                {authTpl("code_hdr", map[string]any{"type": "HEADER", "format": "TEXT", "text": "Login"}, secure, copyCode), "HEADER"},
		"footer text":           {authTpl("code_ftr", secure, map[string]any{"type": "FOOTER", "text": "Thanks"}, copyCode), "code_expiration_minutes"},
		"expiry 91":             {authTpl("code_exp", secure, expiry(91), copyCode), "between 1 and 90"},
		"no button":             {authTpl("code_nobtn", secure), "exactly one OTP button"},
		"quick reply button":    {authTpl("code_qr", secure, otp(map[string]any{"type": "QUICK_REPLY", "text": "Yes"})), "type OTP"},
		"one tap without app":   {authTpl("code_tap", secure, otp(map[string]any{"type": "OTP", "otp_type": "ONE_TAP"})), "package_name"},
		"unknown otp type":      {authTpl("code_odd", secure, otp(map[string]any{"type": "OTP", "otp_type": "SMS"})), "otp_type"},
		"two otp buttons":       {authTpl("code_two", secure, map[string]any{"type": "BUTTONS", "buttons": []any{map[string]any{"type": "OTP", "otp_type": "COPY_CODE"}, map[string]any{"type": "OTP", "otp_type": "COPY_CODE"}}}), "exactly one"},
		"body missing entirely": {authTpl("code_nobody", copyCode), "BODY component is required"},
	} {
		t.Run(name, func(t *testing.T) {
			a := e.call(t, key, "POST", "/v1/configs/templates", tc.tpl)
			errObj, _ := a.body["error"].(map[string]any)
			data, _ := errObj["error_data"].(map[string]any)
			details, _ := data["details"].(string)
			if a.status != 400 || a.code() != 100 || !strings.Contains(details, tc.want) {
				t.Errorf("got %d code %d details %q, want 400, 100 and %q: %s", a.status, a.code(), details, tc.want, a.raw)
			}
		})
	}
	if got := e.em.Templates(key); len(got) != 0 {
		t.Fatalf("refused Authentication templates were stored: %+v", got)
	}

	a := e.call(t, key, "POST", "/v1/configs/templates", authTpl("login_code", secure, expiry(10), copyCode))
	if a.status != 200 || a.body["status"] != "submitted" {
		t.Fatalf("the preset shape was refused: %d %s", a.status, a.raw)
	}
	got := e.em.Templates(key)
	if len(got) != 1 {
		t.Fatalf("stored %d templates", len(got))
	}
	tpl := got[0]
	if tpl.Body != "{{1}} is your verification code. For your security, do not share this code." ||
		tpl.Footer != "This code expires in 10 minutes." || len(tpl.Buttons) != 1 || tpl.Buttons[0].Text != "Copy code" {
		t.Errorf("listed as body %q, footer %q, buttons %+v", tpl.Body, tpl.Footer, tpl.Buttons)
	}
}
