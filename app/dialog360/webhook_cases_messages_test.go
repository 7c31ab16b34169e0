package dialog360

import (
	"time"

	"github.com/parley-app/parley/app"
)

// The pywa samples share one business number and one customer.
const (
	whPywaNumberID = "1122334455667"
	whPywaDisplay  = "972123456789"
	whPywaUser     = "972987654321"
)

func whAt(sec int64) time.Time { return time.Unix(sec, 0).UTC() }

// whIn completes an expected inbound message.
func whIn(m app.Message) app.Message {
	m.Direction, m.State = app.Inbound, app.StateReceived
	return m
}

// whPywa is the batch of a pywa sample carrying the single message m from
// the usual customer "Test Name" (From defaults to that customer).
func whPywa(m app.Message) app.InboundBatch {
	if m.From == "" {
		m.From = whPywaUser
	}
	return app.InboundBatch{
		PhoneNumberID: whPywaNumberID,
		DisplayNumber: whPywaDisplay,
		Contacts:      []app.Contact{{WAID: whPywaUser, Name: "Test Name", LastInboundAt: m.Timestamp}},
		Messages:      []app.Message{whIn(m)},
	}
}

func whMessageCases() map[string]whCase {
	opus := "audio/ogg; codecs=opus"
	return map[string]whCase{
		"pywa_message_text.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgText,
			RawType: "text", Text: "Body Text", Timestamp: whAt(1697043223)})},
		"pywa_message_reply.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgText,
			RawType: "text", Text: "replied text", ReplyTo: "wamid.xyzxyz==", Timestamp: whAt(1697044746)})},
		"pywa_message_forwarded.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgText,
			RawType: "text", Text: "forwarded text", Forwarded: true, Timestamp: whAt(1697044815)})},
		"pywa_message_forwarded_many_times.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgText, RawType: "text", Text: "text forwarded many times", Forwarded: true,
			Timestamp: whAt(1697044968)})},
		"pywa_message_referral.json": {want: whPywa(app.Message{WAMessageID: "wamid.ID", Type: app.MsgText,
			RawType: "text", Text: "BODY", Timestamp: whAt(1697045000),
			Referral: &app.AdReferral{SourceURL: "AD_OR_POST_FB_URL", SourceID: "ADID", SourceType: "ad or post",
				Headline: "AD_TITLE", Body: "AD_DESCRIPTION", MediaType: "image or video", ImageURL: "RAW_IMAGE_URL",
				VideoURL: "RAW_VIDEO_URL", ThumbnailURL: "RAW_THUMBNAIL_URL", ClickID: "CTWA_CLID"}})},

		"pywa_message_image.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgImage,
			RawType: "image", Timestamp: whAt(1697043379),
			Media: &app.Media{ID: "65463453", MIMEType: "image/jpeg", SHA256: "4654+8g="}})},
		"pywa_message_media_with_url.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgImage, RawType: "image", Timestamp: whAt(1697043379),
			Media: &app.Media{ID: "65463453", MIMEType: "image/jpeg", SHA256: "4654+8g=",
				URL: "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=65463453&source=webhook&ext=487r9re&hash=heiwchueowbcew-dnedcw"}})},
		"pywa_message_video.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgVideo,
			RawType: "video", Text: "caption", Forwarded: true, Timestamp: whAt(1697044362),
			Media: &app.Media{ID: "765756756", MIMEType: "video/mp4", Caption: "caption",
				SHA256: "Jh+2ij6PzUv/J2y+grrtegr/ZMzRxkEPwc24Oyib4s03w9Jc="}})},
		"pywa_message_audio.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgAudio,
			RawType: "audio", Forwarded: true, Timestamp: whAt(1697043509),
			Media: &app.Media{ID: "1234567890987654321", MIMEType: opus,
				SHA256: "E3dxS/PdYZE7ppA3pQ4mpCFaXBJ8pX4SRN/dsfvds/iPGA="}})},
		"pywa_message_voice.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgVoice,
			RawType: "audio", Timestamp: whAt(1697043473),
			Media: &app.Media{ID: "1234567890987654321", MIMEType: opus, Voice: true,
				SHA256: "m04pFf2ERdaopTyFkGPA0+bX3i+YY2dYgVFwOgDLSDI="}})},
		"pywa_message_document.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgDocument, RawType: "document", Text: "caption", Forwarded: true,
			Timestamp: whAt(1697043666),
			Media: &app.Media{ID: "1234567890987654321", MIMEType: "application/pdf", Filename: "filename.pdf",
				Caption: "caption", SHA256: "grwfwe/ZPx0wAbdfbdeFUNItPZ0RylL8gGUvdt3YFqc18SY="}})},
		"pywa_message_animated_sticker.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgSticker, RawType: "sticker", Timestamp: whAt(1697043785),
			Media: &app.Media{ID: "1234567890987654321", MIMEType: "image/webp", Animated: true,
				SHA256: "HcwyCKrTKXHk0a00ms4HWIA76GY0Du6q4Z/iuwevw="}})},
		"pywa_message_static_sticker.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgSticker, RawType: "sticker", Timestamp: whAt(1697043760),
			Media: &app.Media{ID: "1234567890987654321", MIMEType: "image/webp",
				SHA256: "OmT4nhjUhCMIPNmj7eeOZeCYjTXkLxoOv85OMCFwSuc="}})},

		"pywa_message_current_location.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgLocation, RawType: "location", Forwarded: true, Timestamp: whAt(1697044557),
			Location: &app.Location{Latitude: 12.25089, Longitude: 43.90539}})},
		"pywa_message_chosen_location.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgLocation, RawType: "location", Forwarded: true, Timestamp: whAt(1697044557),
			Location: &app.Location{Latitude: 37.4611978, Longitude: -122.2164385, Name: "Facebook HQ",
				Address: "1 Hacker Way, Menlo Park, CA 94025", URL: "https://maps.google.com/?cid=2000000000000000000"}})},
		"pywa_message_contacts.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgContacts, RawType: "contacts", Timestamp: whAt(1697044621),
			Contacts: []app.SharedContact{
				{Name: "Chandler Bing", Phones: []string{"+1 555-555-5555"}},
				{Name: "Monica", Phones: []string{"+1 666-666-6666"}},
				{Name: "Rachel Green", Phones: []string{"+1 777-777-7777"}},
			}})},

		"pywa_callback_button_button.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgButtonReply, RawType: "interactive", Text: "title", Payload: "callback_data",
			ReplyTo: "wamid.xyzxyz", Timestamp: whAt(1698266730)})},
		"pywa_callback_selection_callback.json": {want: whPywa(app.Message{WAMessageID: "wamid.zyzxyz",
			Type: app.MsgButtonReply, RawType: "interactive", Text: "title", Payload: "callback_data",
			ReplyTo: "wamid.xyzxyz", Timestamp: whAt(1698266905)})},
		"pywa_callback_selection_description.json": {want: whPywa(app.Message{WAMessageID: "wamid.zyzxyz",
			Type: app.MsgButtonReply, RawType: "interactive", Text: "title", Payload: "callback_data",
			ReplyTo: "wamid.xyzxyz", Timestamp: whAt(1698266905)})},
		"pywa_callback_button_quick_reply.json": {want: whPywa(app.Message{WAMessageID: "wamid.xsidjw",
			Type: app.MsgButtonReply, RawType: "button", Text: "title", Payload: "callback_data",
			ReplyTo: "wamid.xyzxyz==", Timestamp: whAt(1698269027)})},
		"pywa_callback_button_quick_reply_without_context.json": {want: whPywa(app.Message{
			WAMessageID: "wamid.xsidjx", Type: app.MsgButtonReply, RawType: "button", Text: "title",
			Payload: "callback_data", Timestamp: whAt(1698269027)})},

		"pywa_message_reaction.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgReaction, RawType: "reaction", Text: "😮", ReplyTo: "wamid.yzxyzx=",
			Timestamp: whAt(1697044456)})},
		"pywa_message_unreaction_empty.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgReaction, RawType: "reaction", ReplyTo: "wamid.yzxyzx=", Timestamp: whAt(1697044456)})},
		"pywa_message_unreaction_no_emoji.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgReaction, RawType: "reaction", ReplyTo: "wamid.yzxyzx=", Timestamp: whAt(1697044456)})},
		"pywa_message_order.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgOrder,
			RawType: "order", Payload: "354160437058781", Timestamp: whAt(1697044668),
			Text: "3 × HAMBURGER (30 ILS each)\n2 × FRENCH_FRIES (35 ILS each)\n2 × SODA (10 ILS each)\nTotal: 180 ILS"})},

		"pywa_message_unsupported.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgUnsupported, RawType: "unsupported", Timestamp: whAt(1697044706),
			ErrorCode: 131051, ErrorText: "Message type is currently not supported."})},
		"pywa_message_unsupported_with_type.json": {want: whPywa(app.Message{WAMessageID: "wamid.xyzxyz",
			Type: app.MsgUnsupported, RawType: "pool", Timestamp: whAt(1697044706),
			ErrorCode: 131051, ErrorText: "Message type is currently not supported."})},
		"pywa_message_interactive_message_with_err.json": {want: func() app.InboundBatch {
			b := whPywa(app.Message{WAMessageID: "wamid.wegrchytvwcggt=", Type: app.MsgUnsupported,
				RawType: "interactive", ReplyTo: "wamid.gvwegfretge==", Timestamp: whAt(1700505494)})
			b.Errors = []app.ProviderEvent{{Field: "messages", Code: 131000, Title: "Something went wrong",
				Detail: "Unsupported webhook payload", Timestamp: whReceived}}
			return b
		}()},

		"pywa_system_identity_change.json": {want: func() app.InboundBatch {
			b := whPywa(app.Message{WAMessageID: "wamid.xyzxyz", Type: app.MsgSystem, RawType: "system",
				Text:      "The customer's security code changed. They may have reinstalled WhatsApp or moved to a new phone.",
				Timestamp: whAt(1697044706)})
			// A notice from WhatsApp is not the customer writing: the
			// 24-hour window does not move.
			b.Contacts = []app.Contact{{WAID: whPywaUser, Name: "User A"}}
			return b
		}()},
		"pywa_system_phone_number_change.json": {want: func() app.InboundBatch {
			b := whPywa(app.Message{WAMessageID: "wamid.xyzxyz==", Type: app.MsgSystem, RawType: "system",
				Text:    "The customer changed their phone number to +972912345678. New messages will come from that number.",
				Payload: "972912345678", Timestamp: whAt(1753851315)})
			b.Contacts = []app.Contact{{WAID: whPywaUser}} // the payload lists no contacts
			return b
		}()},
		"pywa_deleted_message_revoke.json": {want: app.InboundBatch{
			PhoneNumberID: "<BUSINESS_PHONE_NUMBER_ID>",
			DisplayNumber: "<BUSINESS_DISPLAY_PHONE_NUMBER>",
			Contacts:      []app.Contact{{WAID: whPywaUser, Name: "Test Name"}, {WAID: "<WHATSAPP_USER_PHONE_NUMBER>"}},
			Messages: []app.Message{whIn(app.Message{WAMessageID: "<WHATSAPP_MESSAGE_ID>", Type: app.MsgSystem,
				RawType: "revoke", From: "<WHATSAPP_USER_PHONE_NUMBER>", Text: "The customer deleted a message.",
				ReplyTo: "<ORIGINAL_WHATSAPP_MESSAGE_ID>", Timestamp: whAt(1697043223)})},
		}},
		"pywa_edited_message_image.json": {want: app.InboundBatch{
			PhoneNumberID: "106540352242922",
			DisplayNumber: "15550783881",
			Contacts: []app.Contact{{WAID: whPywaUser, Name: "Test Name"},
				{WAID: "16505551234", LastInboundAt: whAt(1749854575)}},
			Messages: []app.Message{whIn(app.Message{
				WAMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
				Type:        app.MsgImage, RawType: "edit", From: "16505551234", Text: "Updated image caption",
				ReplyTo:   "wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=",
				Timestamp: whAt(1749854575),
				Media: &app.Media{ID: "1234567890", MIMEType: "image/jpeg", SHA256: "a1b2c3d4e5f6...",
					Caption: "Updated image caption", URL: "https://media.example.com/updated-image.jpg"},
			})},
		}},
	}
}
