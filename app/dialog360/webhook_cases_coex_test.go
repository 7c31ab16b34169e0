package dialog360

import (
	"testing"

	"github.com/parley-app/parley/app"
)

// whEcho completes an expected message sent from the owner's phone.
func whEcho(m app.Message) app.Message {
	m.Direction, m.State, m.FromPhone = app.Outbound, app.StateSent, true
	return m
}

// whCoexCases covers coexistence: the WhatsApp Business app on the owner's
// phone and Parley on one number. The shapes follow Meta's
// smb_message_echoes and smb_app_state_sync webhook references.
func whCoexCases() map[string]whCase {
	anna := "491701234567"
	return map[string]whCase{
		"coex_message_echoes.json": {want: app.InboundBatch{
			PhoneNumberID: "1234567890", DisplayNumber: "4930123456",
			// No contact and no LastInboundAt: what the owner sends opens no window.
			Echoes: []app.Message{
				whEcho(app.Message{WAMessageID: "wamid.HBgNNDkxNzAxMjM0NTY3FQIAERgSRUNITzAwMQA=", Type: app.MsgText,
					RawType: "text", To: anna, Text: "Ja, morgen ab 9 Uhr. Bis dann!", Timestamp: whAt(1724390000)}),
				whEcho(app.Message{WAMessageID: "wamid.HBgNNDkxNzAxMjM0NTY3FQIAERgSRUNITzAwMgA=", Type: app.MsgImage,
					RawType: "image", To: anna, Text: "So sieht es aus", ReplyTo: "ABGGFlA5FpafAgo6EhqpT_v4Qp4F",
					Timestamp: whAt(1724390060), Media: &app.Media{ID: "1479537139650973", MIMEType: "image/jpeg",
						SHA256: "b1RhZy1lY2hvLWltYWdlLXNoYQ==", Caption: "So sieht es aus"}}),
			},
			Other: []app.ProviderEvent{{Field: "smb_message_echoes", Title: "Message from your phone without recipient",
				Detail:    "WhatsApp reported a message sent from your phone without saying to whom, so Parley could not put it in a chat.",
				Timestamp: whAt(1724390120)}},
		}},
		"coex_app_state_sync.json": {want: app.InboundBatch{
			PhoneNumberID: "1234567890", DisplayNumber: "4930123456",
			PhoneContacts: []app.PhoneContact{
				{WAID: anna, Name: "Anna Schmidt (Bäckerei)", Timestamp: whAt(1724390200)},
				{WAID: "4915112345678", Name: "Jonas", Timestamp: whAt(1724390201)},
				{WAID: "4915799998888", Removed: true, Timestamp: whAt(1724390202)},
			},
		}},
	}
}

// TestEchoNeverInMessages checks that no echo is filed as a customer's
// message, which would notify the owner of their own words and open the
// 24-hour window.
func TestEchoNeverInMessages(t *testing.T) {
	b, err := parseWebhook(whRead(t, "coex_message_echoes.json"), whReceived)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Messages) != 0 || len(b.Contacts) != 0 {
		t.Fatalf("echoes became customer messages or contacts: %+v / %+v", b.Messages, b.Contacts)
	}
	if b.Len() != 3 {
		t.Fatalf("Len = %d, want 3 (two echoes, one notice)", b.Len())
	}
}
