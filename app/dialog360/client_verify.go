package dialog360

import (
	"context"
	"net/url"
	"strings"

	"github.com/parley-app/parley/app"
)

// healthFields asks the phone-number node for its number and name besides
// the health summary.
const healthFields = "health_status,display_phone_number,verified_name"

// healthAnswer is the answer of GET /health_status.
type healthAnswer struct {
	ID                 string `json:"id"`
	DisplayPhoneNumber string `json:"display_phone_number"`
	VerifiedName       string `json:"verified_name"`
	HealthStatus       struct {
		CanSendMessage string `json:"can_send_message"`
	} `json:"health_status"`
}

// VerifyKey checks the key and reports the number it belongs to.
//
// How the number is learned: 360dialog documents GET /health_status on the
// v2 host (docs.360dialog.com/docs/messaging/health-status): it proxies
// Meta's `GET /<PHONE_NUMBER_ID>?fields=health_status` for the number the
// key belongs to, answers 401 to a wrong key, and returns the phone-number
// id but not the number itself. Because it is the phone-number node, Meta's
// node fields display_phone_number and verified_name can be asked for in
// the same call; public 360dialog setups do exactly that
// (`/health_status?fields=health_status,display_phone_number,verified_name,...`),
// but 360dialog does not document it, so the client is tolerant:
//
//   - fields answered → NumberInfo with the number in E.164 and the name;
//   - fields missing → NumberInfo with an empty PhoneNumber, no error; the
//     caller must then say plainly that the match was not checked
//     (app.UncheckedNumberNote). No documented 360dialog call answers the
//     number of a key: the business profile has no number, and the
//     phone-number node (Meta's GET /<PHONE_NUMBER_ID>) is reached only
//     through /health_status;
//   - the query refused (400/404/405) → retried without fields, and if
//     /health_status itself is unknown, the key is checked with
//     GET /v1/configs/webhook (documented, 401 on a wrong key).
//
// The emulator implements /health_status the same way.
func (c *Client) VerifyKey(ctx context.Context) (app.NumberInfo, error) {
	var h healthAnswer
	err := c.getJSON(ctx, "verify key", "health_status", url.Values{"fields": {healthFields}}, &h)
	if refusedQuery(err) {
		h = healthAnswer{}
		err = c.getJSON(ctx, "verify key", "health_status", nil, &h)
	}
	if refusedQuery(err) {
		var w webhookAnswer
		err = c.getJSON(ctx, "verify key", webhookPath, nil, &w)
		h = healthAnswer{}
	}
	if err != nil {
		return app.NumberInfo{}, err
	}
	return app.NumberInfo{
		PhoneNumber: toE164(h.DisplayPhoneNumber),
		DisplayName: strings.TrimSpace(h.VerifiedName),
	}, nil
}

// refusedQuery reports an answer meaning "this call is not offered",
// rather than "this key is wrong".
func refusedQuery(err error) bool {
	switch app.KindOf(err) {
	case app.KindInvalid, app.KindNotFound:
		return true
	}
	return false
}

// toE164 turns a displayed number such as "+1 631-555-5555" or
// "4930123456" into "+16315555555"; it returns "" when there are no digits.
func toE164(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	digits := strings.TrimPrefix(b.String(), "00")
	if digits == "" {
		return ""
	}
	return "+" + digits
}

// toWAID turns a number in any common notation into the digits WhatsApp
// expects in "to" ("+49 170 1234567" → "491701234567").
func toWAID(s string) string {
	return strings.TrimPrefix(toE164(s), "+")
}
