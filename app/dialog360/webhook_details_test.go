package dialog360

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// whParseOne parses an inline flat payload holding one message.
func whParseOne(t *testing.T, message string) app.Message {
	t.Helper()
	b, err := parseWebhook([]byte(`{"messages":[`+message+`]}`), whReceived)
	if err != nil || len(b.Messages) != 1 {
		t.Fatalf("parse %s: %d messages, %v", message, len(b.Messages), err)
	}
	whCheckBatch(t, b)
	return b.Messages[0]
}

func TestParseWebhookMessageDetails(t *testing.T) {
	for _, tc := range []struct {
		name, message string
		check         func(m app.Message) bool
	}{
		{"order in two currencies has no total",
			`{"from":"1","id":"o","type":"order","order":{"text":"Bitte schnell","product_items":[` +
				`{"product_retailer_id":"TEA","quantity":2,"item_price":3.5,"currency":"EUR"},` +
				`{"product_retailer_id":"MUG","quantity":1,"item_price":9,"currency":"USD"}]}}`,
			func(m app.Message) bool {
				return m.Type == app.MsgOrder && m.Text == "Bitte schnell\n2 × TEA (3.5 EUR each)\n1 × MUG (9 USD each)"
			}},
		{"contact card without a name is named after its number",
			`{"from":"1","id":"c","type":"contacts","contacts":[{"phones":[{"wa_id":"4930123"}]},{}]}`,
			func(m app.Message) bool {
				return m.Type == app.MsgContacts && len(m.Contacts) == 1 &&
					m.Contacts[0].Name == "+4930123" && m.Contacts[0].Phones[0] == "+4930123"
			}},
		{"contact card with emails and split name",
			`{"from":"1","id":"c","type":"contacts","contacts":[{"name":{"first_name":"Ada","last_name":"Lovelace"},` +
				`"emails":[{"email":"ada@example.com"}]}]}`,
			func(m app.Message) bool {
				return m.Contacts[0].Name == "Ada Lovelace" && m.Contacts[0].Emails[0] == "ada@example.com"
			}},
		{"time before WhatsApp existed means arrival time",
			`{"from":"1","id":"t","timestamp":"12","type":"text","text":{"body":"x"}}`,
			func(m app.Message) bool { return m.Timestamp.Equal(whReceived) }},
		{"time as a decimal string",
			`{"from":"1","id":"t","timestamp":"1724380000.75","type":"text","text":{"body":"x"}}`,
			func(m app.Message) bool { return m.Timestamp.Equal(whAt(1724380000)) }},
		{"escaped time string",
			`{"from":"1","id":"t","timestamp":"\u0031724380000","type":"text","text":{"body":"x"}}`,
			func(m app.Message) bool { return m.Timestamp.Equal(whAt(1724380000)) }},
		{"submitted WhatsApp Flow",
			`{"from":"1","id":"f","type":"interactive","interactive":{"type":"nfm_reply",` +
				`"nfm_reply":{"name":"flow","response_json":"{}"}}}`,
			func(m app.Message) bool {
				return m.Type == app.MsgButtonReply && m.Text == "flow" && m.Payload == "{}"
			}},
		{"reaction without its reaction",
			`{"from":"1","id":"r","type":"reaction"}`,
			func(m app.Message) bool { return m.Type == app.MsgUnsupported && m.RawType == "reaction" }},
		{"document size",
			`{"from":"1","id":"d","type":"document","document":{"id":"m","file_size":"2048"}}`,
			func(m app.Message) bool { return m.Media.Size == 2048 }},
		{"unknown system notice keeps WhatsApp's words",
			`{"from":"1","id":"s","type":"system","system":{"type":"new_thing","body":"Something changed"}}`,
			func(m app.Message) bool { return m.Type == app.MsgSystem && m.Text == "Something changed" }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if m := whParseOne(t, tc.message); !tc.check(m) {
				t.Fatalf("got %+v", m)
			}
		})
	}
}

func TestParseWebhookTemplateEventWording(t *testing.T) {
	for _, tc := range []struct{ field, value, event, reason string }{
		{"template_category_update", `{"previous_category":"UTILITY","new_category":"MARKETING"}`,
			"CATEGORY_MARKETING", "WhatsApp changed the template's category from Utility to Marketing."},
		{"message_template_quality_update", `{"new_quality_score":"UNKNOWN"}`,
			"QUALITY_UNKNOWN", "The template has no quality rating yet."},
		{"message_template_quality_update", `{"new_quality_score":"RED"}`,
			"QUALITY_RED", "The template's quality rating is now low (red)."},
		{"message_template_status_update", `{"event":"rejected","reason":"ABUSIVE_CONTENT"}`,
			"REJECTED", "WhatsApp found the content abusive or against its policies."},
		{"message_template_status_update", `{"event":"REJECTED","reason":"TAG_CONTENT_MISMATCH"}`,
			"REJECTED", "Reason given by WhatsApp: tag content mismatch."},
	} {
		body := `{"entry":[{"time":1724380000,"changes":[{"field":"` + tc.field + `","value":` + tc.value + `}]}]}`
		b, err := parseWebhook([]byte(body), whReceived)
		if err != nil || len(b.Templates) != 1 {
			t.Fatalf("%s: %+v, %v", body, b, err)
		}
		if e := b.Templates[0]; e.Event != tc.event || e.Reason != tc.reason || !e.Timestamp.Equal(whAt(1724380000)) {
			t.Errorf("%s %s = %+v, want %s / %q", tc.field, tc.value, e, tc.event, tc.reason)
		}
	}
}

// TestParseWebhookStatusErrorsOnlyOnFailure: a warning attached to a
// delivered message must not make it look failed.
func TestParseWebhookStatusErrorsOnlyOnFailure(t *testing.T) {
	body := `{"statuses":[{"id":"w1","status":"delivered","timestamp":"1724380000",` +
		`"errors":[{"code":131000,"title":"odd"}]},{"id":"w2","status":"failed","timestamp":"1724380000",` +
		`"errors":[{"code":131047,"title":"Re-engagement message","message":"Re-engagement message"}]}]}`
	b, err := parseWebhook([]byte(body), whReceived)
	if err != nil || len(b.Statuses) != 2 {
		t.Fatalf("%+v, %v", b, err)
	}
	if s := b.Statuses[0]; s.ErrorCode != 0 || s.ErrorText != "" {
		t.Errorf("delivered status carries an error: %+v", s)
	}
	if s := b.Statuses[1]; s.ErrorCode != 131047 || !strings.Contains(s.ErrorText, "Re-engagement") {
		t.Errorf("failed status = %+v, want code 131047 and WhatsApp's words", s)
	}
}
