package dialog360

import (
	"fmt"
	"testing"

	"github.com/parley-app/parley/app"
)

// whOwnCases covers Parley's own fixtures: the flat 360dialog v1 format,
// odd and unknown content, a large payload and malformed bodies.
func whOwnCases() map[string]whCase {
	anna := "491701234567"
	cases := map[string]whCase{
		"flat_v1_message_text.json": {want: app.InboundBatch{
			Contacts: []app.Contact{{WAID: anna, Name: "Anna Schmidt", LastInboundAt: whAt(1724380060)}},
			Messages: []app.Message{
				whIn(app.Message{WAMessageID: "ABGGFlA5FpafAgo6EhqpT_v4Qp4E", Type: app.MsgText, RawType: "text",
					From: anna, Text: "Hallo, habt ihr morgen geöffnet?", Timestamp: whAt(1724380000)}),
				whIn(app.Message{WAMessageID: "ABGGFlA5FpafAgo6EhqpT_v4Qp4F", Type: app.MsgText, RawType: "text",
					From: anna, Text: "Danke!", ReplyTo: "gBGGFlA5FpafAgkPnzmSOwJdAlY", Timestamp: whAt(1724380060)}),
			},
		}},
		"flat_v1_message_media.json": {want: app.InboundBatch{
			// The latest message, not the last one listed, sets the window.
			Contacts: []app.Contact{{WAID: "4915112345678", Name: "Jonas", LastInboundAt: whAt(1724381100)}},
			Messages: []app.Message{
				whIn(app.Message{WAMessageID: "ABGGFRUVZ0V4AgZjQ8QgQhDdAAA1", Type: app.MsgImage, RawType: "image",
					From: "4915112345678", Text: "Das Regal, Größe M", Timestamp: whAt(1724381000),
					Media: &app.Media{ID: "b1cf38-8734-4ad3-b4a1-ef0c10d0d683", MIMEType: "image/jpeg",
						SHA256: "29ed500fa64eb55fc19dc4124acb300e5dcc54a0f822a301ae99944db", Caption: "Das Regal, Größe M"}}),
				whIn(app.Message{WAMessageID: "ABGGFRUVZ0V4AgZjQ8QgQhDdAAA2", Type: app.MsgVoice, RawType: "voice",
					From: "4915112345678", Timestamp: whAt(1724381100),
					Media: &app.Media{ID: "463eb7ec-ff4e-4d9b-b110-1879cbd411b2", MIMEType: "audio/ogg; codecs=opus",
						SHA256: "fa9e1807d936b7cebe63654ea3a7912b1fa9479220258d823590521ef53b0710", Voice: true}}),
				whIn(app.Message{WAMessageID: "ABGGFRUVZ0V4AgZjQ8QgQhDdAAA3", Type: app.MsgDocument,
					RawType: "document", From: "4915112345678", Text: "Rechnung", Timestamp: whAt(1724380900),
					Media: &app.Media{ID: "fc233119-733f-49c-bcbd-b2f68f798e33", MIMEType: "application/pdf",
						SHA256:   "3b11fa6ef2bde1dd14726e09d3edaf782120919d06f6484f32d5d5caa4b8e",
						Filename: "Rechnung-2024-117.pdf", Caption: "Rechnung", Size: 48213}}),
			},
		}},
		"flat_v1_statuses.json": {want: app.InboundBatch{
			Statuses: []app.StatusUpdate{
				{WAMessageID: "gBGGFlA5FpafAgkPnzmSOwJdAlY", State: app.StateDelivered, RecipientID: anna,
					Timestamp: whAt(1724380010)},
				{WAMessageID: "gBGGFlA5FpafAgkPnzmSOwJdAlZ", State: app.StateFailed, RecipientID: anna,
					Timestamp: whAt(1724380020), ErrorCode: 470, ErrorText: "Message failed to send because " +
						"more than 24 hours have passed since the customer last replied to this number"},
			},
			Other: []app.ProviderEvent{{Field: "messages", Title: "Message status deleted",
				Detail:    `WhatsApp reported the status "deleted" for message gBGGFlA5FpafAgkPnzmSOwJdAlX to +491701234567.`,
				Timestamp: whAt(1724380030)}},
		}},
		"flat_v1_errors.json": {want: app.InboundBatch{Errors: []app.ProviderEvent{{Field: "messages",
			Code: 1014, Title: "Internal error", Detail: "Upload failed on bad image", Timestamp: whReceived}}}},
		"flat_v1_system.json": {want: app.InboundBatch{
			Contacts: []app.Contact{{WAID: anna}},
			Messages: []app.Message{
				whIn(app.Message{WAMessageID: "ABGGFlA5FpafAgo6EhqpT_v4Qp4G", Type: app.MsgSystem, RawType: "system",
					From: anna, Payload: "491709876543", Timestamp: whAt(1724382000),
					Text: "The customer changed their phone number to +491709876543. New messages will come from that number."}),
				whIn(app.Message{WAMessageID: "ABGGFlA5FpafAgo6EhqpT_v4Qp4H", Type: app.MsgSystem, RawType: "system",
					From: anna, Timestamp: whAt(1724382001),
					Text: "The customer's security code changed. They may have reinstalled WhatsApp or moved to a new phone."}),
			},
		}},

		"cloud_unknown_fields_and_type.json": {want: app.InboundBatch{
			PhoneNumberID: "1234567890", DisplayNumber: "4930123456",
			Contacts: []app.Contact{{WAID: anna, Name: "Anna", LastInboundAt: whAt(1724380006)}},
			Messages: []app.Message{
				whIn(app.Message{WAMessageID: "wamid.HBgMNDkxNzAxMjM0NTY3FQIAEhgUM0EwMDAwMDAwMDAwMDAwMDAwMDEA",
					Type: app.MsgUnsupported, RawType: "hologram", From: anna, Timestamp: whAt(1724380000)}),
				whIn(app.Message{WAMessageID: "wamid.HBgMNDkxNzAxMjM0NTY3FQIAEhgUM0EwMDAwMDAwMDAwMDAwMDAwMDIA",
					Type: app.MsgText, RawType: "text", From: anna, Text: "Still here?", Timestamp: whAt(1724380005)}),
				whIn(app.Message{WAMessageID: "wamid.HBgMNDkxNzAxMjM0NTY3FQIAEhgUM0EwMDAwMDAwMDAwMDAwMDAwMDMA",
					Type: app.MsgUnsupported, RawType: "interactive", From: anna, Timestamp: whAt(1724380006)}),
			},
			Statuses: []app.StatusUpdate{{WAMessageID: "wamid.HBgMNDkxNzAxMjM0NTY3FQIAERgSMEE5QzAwMDAwMDAwMDAwMDAwAA==",
				State: app.StateRead, RecipientID: anna, Timestamp: whAt(1724380010)}},
			Other: []app.ProviderEvent{
				{Field: "messages", Title: "Message status warning", Timestamp: whAt(1724380011),
					Detail: `WhatsApp reported the status "warning" for message ` +
						`wamid.HBgMNDkxNzAxMjM0NTY3FQIAERgSMEE5QzAwMDAwMDAwMDAwMDAxAA== to +491701234567.`},
				{Field: "business_capability_update", Title: "business_capability_update", Timestamp: whReceived,
					Detail: `WhatsApp sent a "business capability update" notice. Parley does not act on it.`},
			},
		}},
		"cloud_odd_messages.json": {check: whCheckOddMessages},
		"cloud_multi_entry.json": {want: app.InboundBatch{
			PhoneNumberID: "1234567890", DisplayNumber: "4930123456",
			Contacts: []app.Contact{{WAID: anna, Name: "Anna", LastInboundAt: whAt(1724380050)},
				{WAID: "491709999999", Name: "Ben", LastInboundAt: whAt(1724380100)}},
			Messages: []app.Message{
				whIn(app.Message{WAMessageID: "wamid.MULTI1", Type: app.MsgButtonReply, RawType: "interactive",
					From: "491709999999", Text: "Sent", Payload: `{"size":"M","flow_token":"t1"}`,
					Timestamp: whAt(1724380100)}),
				whIn(app.Message{WAMessageID: "wamid.MULTI2", Type: app.MsgText, RawType: "text", From: anna,
					Text: "Hi from Anna", Timestamp: whAt(1724380050)}),
			},
			Statuses: []app.StatusUpdate{{WAMessageID: "wamid.OUT9", State: app.StateSent,
				RecipientID: "491709999999", Timestamp: whAt(1724380150)}},
			Errors: []app.ProviderEvent{{Field: "messages", Code: 131000, Title: "Something went wrong",
				Detail: "Unsupported webhook payload", Timestamp: whAt(1724380200)}},
			Templates: []app.TemplateEvent{{TemplateID: "594425479261596", Name: "summer_sale", Language: "de",
				Event: "PAUSED", Reason: "Your template has been paused for 3 hours because of low quality.",
				Timestamp: whAt(1724380200)}},
			Other: []app.ProviderEvent{
				{Field: "messages", Title: "Message without sender", Timestamp: whAt(1724380060),
					Detail: "WhatsApp sent a message without saying who wrote it, so Parley could not put it in a chat."},
				{Field: "phone_number_quality_update", Title: "UPGRADE", Timestamp: whAt(1724380200),
					Detail: "WhatsApp updated the messaging limit of +4930123456 to 10,000 customers a day."},
				{Field: "account_update", Title: "SOMETHING_NEW_FROM_META", Timestamp: whAt(1724380200),
					Detail: "WhatsApp reported an account change: something new from meta."},
			},
			Health: []app.AccountHealthEvent{{Limit: app.Limit10K, Timestamp: whAt(1724380200)}},
		}},
		"cloud_100_messages.json": {check: whCheckHundred},
	}
	for name, why := range map[string]string{
		"not_json":         "not valid JSON",
		"truncated":        "not valid JSON",
		"empty":            "the body is empty",
		"string":           "not an object",
		"number":           "not an object",
		"null":             "not an object",
		"array":            "not an object",
		"unknown_object":   "none of the fields",
		"entry_wrong_type": "none of the fields",
	} {
		cases["malformed_"+name+".json"] = whCase{wantErr: why}
	}
	return cases
}

// whCheckOddMessages: one odd message never spoils the others.
func whCheckOddMessages(t *testing.T, got app.InboundBatch) {
	anna := "491701234567"
	entryTime := whAt(1724390000)
	want := app.InboundBatch{
		PhoneNumberID: "1234567890", DisplayNumber: "4930123456",
		// Messages dated by the entry time are the latest.
		Contacts: []app.Contact{{WAID: anna, Name: "Anna", LastInboundAt: entryTime}},
		Messages: []app.Message{
			// No id: a made-up stable one (checked below).
			whIn(app.Message{Type: app.MsgText, RawType: "text", From: anna, Text: "I arrived without an id",
				Timestamp: whAt(1724380000)}),
			// No sender: the payload's only contact; a numeric time.
			whIn(app.Message{WAMessageID: "wamid.ODD2", Type: app.MsgText, RawType: "text", From: anna,
				Text: "I have no sender and a numeric time", Timestamp: whAt(1724380001)}),
			// A body of the wrong JSON type is dropped; a time in milliseconds is read.
			whIn(app.Message{WAMessageID: "wamid.ODD3", Type: app.MsgText, RawType: "text", From: anna,
				Timestamp: whAt(1724380002)}),
			// An image without its image, and no time: the entry's time.
			whIn(app.Message{WAMessageID: "wamid.ODD4", Type: app.MsgUnsupported, RawType: "image", From: anna,
				Timestamp: entryTime}),
			// An edit of an edit is not read further.
			whIn(app.Message{WAMessageID: "wamid.ODD5", Type: app.MsgSystem, RawType: "edit", From: anna,
				Text: "The customer edited a message.", ReplyTo: "wamid.ODD1", Timestamp: entryTime}),
			// A sender of the wrong JSON type: the payload's only contact.
			whIn(app.Message{WAMessageID: "wamid.ODD6", Type: app.MsgReaction, RawType: "reaction", From: anna,
				Text: "👍", ReplyTo: "wamid.OUT1", Timestamp: whAt(1724380006)}),
		},
		Statuses: []app.StatusUpdate{{WAMessageID: "wamid.OUT1", State: app.StateFailed, RecipientID: anna,
			Timestamp: whAt(1724380008), ErrorText: "WhatsApp could not deliver this message."}},
		Other: []app.ProviderEvent{{Field: "messages", Title: "Message status delivered",
			Timestamp: whAt(1724380007),
			Detail:    `WhatsApp reported the status "delivered" for a message to +491701234567 without saying which one.`}},
	}
	if len(got.Messages) > 0 {
		id := got.Messages[0].WAMessageID
		if !IsSyntheticID(id) {
			t.Fatalf("message without id got %q, want a made-up id", id)
		}
		want.Messages[0].WAMessageID = id
	}
	whEqual(t, got, want)
}

// whCheckHundred: a big payload keeps every message, in order, and each
// customer's latest message time.
func whCheckHundred(t *testing.T, got app.InboundBatch) {
	if len(got.Messages) != 100 || len(got.Contacts) != 10 {
		t.Fatalf("got %d messages from %d contacts, want 100 from 10", len(got.Messages), len(got.Contacts))
	}
	for i, m := range got.Messages {
		from := fmt.Sprintf("4917000000%02d", i%10)
		if m.WAMessageID != fmt.Sprintf("wamid.BULK%03d", i) || m.Text != fmt.Sprintf("Message number %d", i) ||
			m.From != from || !m.Timestamp.Equal(whAt(1724380000+int64(i))) || m.Type != app.MsgText {
			t.Fatalf("message %d = %+v", i, m)
		}
	}
	for c, ct := range got.Contacts {
		if ct.Name != fmt.Sprintf("Customer %d", c) || !ct.LastInboundAt.Equal(whAt(1724380090+int64(c))) {
			t.Fatalf("contact %d = %+v, want Customer %d last seen at %v", c, ct, c, whAt(1724380090+int64(c)))
		}
	}
}
