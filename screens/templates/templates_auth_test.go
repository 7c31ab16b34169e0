package templates

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

// otpLogin is an Authentication template as WhatsApp lists it: the preset
// text with the security note, the expiry footer and the copy-code button
// (listed as a URL button).
const otpLogin = `{"name":"otp_login","language":"en_US","category":"AUTHENTICATION","status":"approved","components":[
 {"type":"BODY","text":"{{1}} is your verification code. For your security, do not share this code.","add_security_recommendation":true},
 {"type":"FOOTER","text":"This code expires in 10 minutes.","code_expiration_minutes":10},
 {"type":"BUTTONS","buttons":[{"type":"URL","text":"Copy code","url":"https://www.whatsapp.com/otp/code/?otp_type=COPY_CODE&code=otp{{1}}"}]}]}`

// TestTemplatesAuthenticationIsListedReadOnly: an Authentication template
// made on WhatsApp is listed and shown as customers see it, but offers no
// Duplicate, since the builder cannot make one; other templates still do.
func TestTemplatesAuthenticationIsListedReadOnly(t *testing.T) {
	cw := newCoreWorld(t)
	seedTemplates(t, cw)
	if err := cw.Emu.AddRawTemplate(screentest.WorldKey, []byte(otpLogin)); err != nil {
		t.Fatal(err)
	}
	cw.AddChannel(t)
	c := openTemplatesOf(t, cw)
	test.Tap(screentest.Button(t, c, "Sync Templates"))

	want := "otp_login " + app.LanguageLabel("en_US") + " " + app.StatusLabel(app.TemplateApproved)
	if got := listedTemplates(c); !strings.Contains(strings.Join(got, "|"), want) {
		t.Fatalf("the list lacks %q; it shows %q", want, got)
	}
	tapTemplate(t, c, "otp_login", "en_US")
	preview := findWidget(t, c, "template preview", func(*widgets.TemplatePreview) bool { return true })
	got := preview.Template()
	if !strings.Contains(got.Body, "is your verification code") || got.Footer != "This code expires in 10 minutes." ||
		len(got.Buttons) != 1 || got.Buttons[0].Text != "Copy code" {
		t.Errorf("the preview shows body %q, footer %q, buttons %+v", got.Body, got.Footer, got.Buttons)
	}
	for _, want := range []string{"Authentication", "Approved", "Delete", "Parley shows them but can't copy them"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("the Authentication template does not show %q; the page shows %q", want, screentest.VisibleTexts(c))
		}
	}
	if screentest.ShowsText(c, "Duplicate") {
		t.Error("an Authentication template can be duplicated into the builder, which would give it a free body")
	}

	tapTemplate(t, c, "order_shipped", "en_US")
	if !screentest.ShowsText(c, "Duplicate") || screentest.ShowsText(c, "can't copy them") {
		t.Errorf("a Utility template lost its Duplicate; the page shows %q", screentest.VisibleTexts(c))
	}
}
