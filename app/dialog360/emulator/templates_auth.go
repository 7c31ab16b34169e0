package emulator

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Presets of an Authentication template: WhatsApp writes the text itself
// and the request only switches the optional parts on (360dialog-api.md,
// "Authentication templates"; Meta's copy-code and one-tap guides).
const (
	authBody         = "{{1}} is your verification code."
	authSecurityNote = " For your security, do not share this code."
	authExpiry       = "This code expires in %d minutes."
	maxCodeExpiry    = 90
)

// authError is WhatsApp's answer to an Authentication template that is not
// in the preset shape.
func authError(details string) graphErr {
	return graphErr{code: 100, message: "Invalid parameter", title: "Authentication template not valid",
		details: details,
		userMsg: "Authentication templates use WhatsApp's preset text and a one-time password button."}
}

// checkAuthentication applies WhatsApp's rules for an Authentication
// template: a BODY with add_security_recommendation instead of text, an
// optional FOOTER with code_expiration_minutes instead of text, and
// BUTTONS with exactly one OTP button (copy code, one-tap or zero-tap).
// No header. On success it fills in the preset text as WhatsApp lists it.
func checkAuthentication(t *template) (graphErr, bool) {
	var body, footer, buttons *component
	for i := range t.Components {
		c := &t.Components[i]
		c.Type = strings.ToUpper(c.Type)
		var slot **component
		switch c.Type {
		case "BODY":
			slot = &body
		case "FOOTER":
			slot = &footer
		case "BUTTONS":
			slot = &buttons
		case "HEADER":
			return authError("Authentication templates cannot have a HEADER component."), true
		default:
			return invalidParam(fmt.Sprintf("Unknown component type %q.", c.Type)), true
		}
		if *slot != nil {
			return invalidParam("Only one " + c.Type + " component is allowed."), true
		}
		*slot = c
	}
	switch {
	case body == nil:
		return invalidParam("A BODY component is required."), true
	case body.Text != "" || body.Example != nil:
		return authError("The BODY of an Authentication template takes add_security_recommendation, not text: WhatsApp writes the text."), true
	case footer != nil && footer.Text != "":
		return authError("The FOOTER of an Authentication template takes code_expiration_minutes, not text."), true
	case footer != nil && footer.CodeExpirationMinutes == nil:
		return authError("The FOOTER of an Authentication template needs code_expiration_minutes."), true
	case footer != nil && (*footer.CodeExpirationMinutes < 1 || *footer.CodeExpirationMinutes > maxCodeExpiry):
		return authError(fmt.Sprintf("code_expiration_minutes must be between 1 and %d.", maxCodeExpiry)), true
	case buttons == nil || len(buttons.Buttons) != 1:
		return authError("An Authentication template needs BUTTONS with exactly one OTP button."), true
	}
	if g, bad := checkOTPButton(&buttons.Buttons[0]); bad {
		return g, true
	}
	fillAuthentication(body, footer, &buttons.Buttons[0])
	return graphErr{}, false
}

// checkOTPButton checks the one-time-code button.
func checkOTPButton(b *button) (graphErr, bool) {
	b.Type, b.OTPType = strings.ToUpper(b.Type), strings.ToUpper(b.OTPType)
	hasApp := b.PackageName != "" && b.SignatureHash != ""
	for _, a := range b.SupportedApps {
		hasApp = hasApp || a.PackageName != "" && a.SignatureHash != ""
	}
	switch {
	case b.Type != "OTP":
		return authError(fmt.Sprintf("The button of an Authentication template must be of type OTP, not %q.", b.Type)), true
	case b.OTPType != "COPY_CODE" && b.OTPType != "ONE_TAP" && b.OTPType != "ZERO_TAP":
		return authError("otp_type must be COPY_CODE, ONE_TAP or ZERO_TAP."), true
	case b.OTPType != "COPY_CODE" && !hasApp:
		return authError("A " + b.OTPType + " button needs the app's package_name and signature_hash."), true
	case utf8.RuneCountInString(b.Text) > 25:
		return tooLong("Button text", 25), true
	}
	return graphErr{}, false
}

// fillAuthentication writes the preset text into an accepted template, as
// WhatsApp lists it afterwards: the button is listed as a URL button.
func fillAuthentication(body, footer *component, b *button) {
	body.Text = authBody
	if body.AddSecurityRecommendation != nil && *body.AddSecurityRecommendation {
		body.Text += authSecurityNote
	}
	if footer != nil {
		footer.Text = fmt.Sprintf(authExpiry, *footer.CodeExpirationMinutes)
	}
	if b.Text == "" {
		b.Text = "Copy code" // also the fallback of a one-tap button off Android
	}
	b.URL = "https://www.whatsapp.com/otp/code/?otp_type=" + b.OTPType + "&code=otp{{1}}"
	b.Type = "URL"
}
