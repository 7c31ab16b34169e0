package dialog360

import (
	"github.com/parley-app/parley/app"
)

// The Meta samples of these cases share one business number and one
// customer.
const (
	whMetaNumberID = "106540352242922"
	whMetaDisplay  = "15550783881"
	whMetaUser     = "16505551234"
)

// whMeta is the batch of a Meta sample carrying the single message m from
// the customer Sheena Nelson.
func whMeta(m app.Message) app.InboundBatch {
	m.From = whMetaUser
	return app.InboundBatch{
		PhoneNumberID: whMetaNumberID,
		DisplayNumber: whMetaDisplay,
		Contacts:      []app.Contact{{WAID: whMetaUser, Name: "Sheena Nelson", LastInboundAt: m.Timestamp}},
		Messages:      []app.Message{whIn(m)},
	}
}

// whFieldsCases are the fields of a message a shop cares about beyond its
// content: the ad a customer came from, the product they ask about, what
// an outgoing message costs, and full contact cards.
func whFieldsCases() map[string]whCase {
	return map[string]whCase{
		// A customer who tapped a click-to-WhatsApp ad.
		"cloud_message_ad_referral.json": {want: whMeta(app.Message{
			WAMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=",
			Type:        app.MsgText, RawType: "text", Text: "Can I get the summer sale price?",
			Timestamp: whAt(1750275992),
			Referral: &app.AdReferral{SourceURL: "https://fb.me/3cr4Wqqkv", SourceID: "120226305854810726",
				SourceType: "ad", Headline: "Summer Succulent Sale",
				Body:      "Summer succulents are here! Everything 20% off until Sunday.",
				MediaType: "image", ImageURL: "https://scontent.xx.fbcdn.net/v/t45.1600-4/518407757_n.png",
				ClickID: "Afe4EnEz4NsGzL_ElLIk5FOaMnHuJhtKbvFjBYl4oJcdMpcTMi7T9ES_vpPnjxTz"},
		})},
		// A customer asking about a catalogue product ("Message business"
		// on a product): the context names the product, and the message it
		// answers.
		"cloud_message_referred_product.json": {want: whMeta(app.Message{
			WAMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFBM0Y2QzQ4QjYyRTA5NDUyAA==",
			Type:        app.MsgText, RawType: "text", Text: "Is this one still in stock?",
			Timestamp: whAt(1750276110),
			ReplyTo:   "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA",
			Product:   &app.ReferredProduct{CatalogID: "194836987003835", ProductRetailerID: "di9ozbzfi4"},
		})},
		// Per-message pricing (v23): a billable marketing message and a
		// free utility one in the customer service window.
		"cloud_status_pricing_per_message.json": {want: app.InboundBatch{
			PhoneNumberID: whMetaNumberID,
			DisplayNumber: whMetaDisplay,
			Statuses: []app.StatusUpdate{
				{WAMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJDQjZCMzlEQUE4OTJBMTE4RTUA", State: app.StateDelivered,
					RecipientID: whMetaUser, Timestamp: whAt(1750263773),
					Pricing: &app.Pricing{Billable: true, Category: "marketing", Model: "PMP", Type: "regular"}},
				{WAMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJGMjM3QTgxNjNGNzE0RDg3OUMA", State: app.StateSent,
					RecipientID: whMetaUser, Timestamp: whAt(1750263780),
					Pricing: &app.Pricing{Billable: false, Category: "utility", Model: "PMP", Type: "free_customer_service"}},
			},
		}},
		// A full contact card: addresses (labelled, blank parts left out),
		// birthday, organisation and websites (a blank one left out).
		"cloud_message_contacts_full_card.json": {want: whMeta(app.Message{
			WAMessageID: "wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUNCNjk5NkQyRkY4MUYxMjZEMQA=",
			Type:        app.MsgContacts, RawType: "contacts", Timestamp: whAt(1750276300),
			Contacts: []app.SharedContact{{
				Name:         "Barbara J. Johnson",
				Phones:       []string{"+1 (940) 555-1234"},
				Emails:       []string{"bjohnson@luckyshrub.example"},
				Organization: "Lucky Shrub · Legal · Lead Counsel",
				Birthday:     "1999-01-23",
				Addresses: []string{"Work: 1 Lucky Shrub Way, Menlo Park, CA 94025, United States",
					"Home: Palo Alto, US"},
				URLs: []string{"https://www.luckyshrub.example"},
			}},
		})},
	}
}
