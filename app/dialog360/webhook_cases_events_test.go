package dialog360

import (
	"github.com/parley-app/parley/app"
)

// whPywaStatus is the batch of a pywa status sample: the usual number and
// customer (who wrote nothing) and the one status s.
func whPywaStatus(s app.StatusUpdate) app.InboundBatch {
	return app.InboundBatch{
		PhoneNumberID: whPywaNumberID,
		DisplayNumber: whPywaDisplay,
		Contacts:      []app.Contact{{WAID: whPywaUser, Name: "Test Name"}},
		Statuses:      []app.StatusUpdate{s},
	}
}

// whPywaPricing is what the pywa status samples say about billing.
var whPywaPricing = &app.Pricing{Billable: true, Category: "service", Model: "CBP"}

// whAccount is the batch of an account_update sample.
func whAccount(event, detail string, at int64) whCase {
	return whCase{want: app.InboundBatch{Other: []app.ProviderEvent{{
		Field: "account_update", Title: event, Detail: detail, Timestamp: whAt(at),
	}}}}
}

// whAccountHealth is whAccount with the health report h.
func whAccountHealth(event, detail string, at int64, r app.Restriction) whCase {
	c := whAccount(event, detail, at)
	c.want.Health = []app.AccountHealthEvent{{Restriction: &r, Timestamp: whAt(at)}}
	return c
}

func whTemplate(e app.TemplateEvent) whCase {
	return whCase{want: app.InboundBatch{Templates: []app.TemplateEvent{e}}}
}

func whEventCases() map[string]whCase {
	cases := map[string]whCase{
		"pywa_message_status_sent.json": {want: whPywaStatus(app.StatusUpdate{WAMessageID: "wamid.xyzxyz",
			State: app.StateSent, RecipientID: whPywaUser, Timestamp: whAt(1698266945), Pricing: whPywaPricing})},
		"pywa_message_status_with_tracker.json": {want: whPywaStatus(app.StatusUpdate{WAMessageID: "wamid.xyzxyz",
			State: app.StateSent, RecipientID: whPywaUser, Timestamp: whAt(1698266945), Pricing: whPywaPricing})},
		"pywa_message_status_delivered.json": {want: whPywaStatus(app.StatusUpdate{WAMessageID: "wamid.xyzxyz",
			State: app.StateDelivered, RecipientID: whPywaUser, Timestamp: whAt(1698266945), Pricing: whPywaPricing})},
		"pywa_message_status_read.json": {want: whPywaStatus(app.StatusUpdate{WAMessageID: "wamid.xyzxyz",
			State: app.StateRead, RecipientID: whPywaUser, Timestamp: whAt(1689380458), Pricing: whPywaPricing})},
		// A voice note listened to counts as read.
		"pywa_message_status_played.json": {want: whPywaStatus(app.StatusUpdate{WAMessageID: "wamid.xyzxyz",
			State: app.StateRead, RecipientID: whPywaUser, Timestamp: whAt(1689380458), Pricing: whPywaPricing})},
		"pywa_message_status_failed.json": {want: whPywaStatus(app.StatusUpdate{WAMessageID: "wamid.xyzxyz",
			State: app.StateFailed, RecipientID: whPywaUser, Timestamp: whAt(1689380458), ErrorCode: 130472,
			ErrorText: "Failed to send message because this user's phone number is part of an experiment"})},
		"pywa_message_status_group.json": {want: app.InboundBatch{
			PhoneNumberID: "<BUSINESS_PHONE_NUMBER_ID>",
			DisplayNumber: "<BUSINESS_DISPLAY_PHONE_NUMBER>",
			Contacts:      []app.Contact{{WAID: "<USER_PHONE_NUMBER>", Name: "<USER_DISPLAY_NAME>"}},
			Statuses: []app.StatusUpdate{{WAMessageID: "<WHATSAPP_MESSAGE_ID>", State: app.StateRead,
				RecipientID: "fowefinoewcnw", Timestamp: whAt(1698266945)}},
		}},

		"pywa_template_status_update_approved.json": whTemplate(app.TemplateEvent{TemplateID: "1689556908129832",
			Name: "order_confirmation", Language: "en_US", Event: "APPROVED", Timestamp: whAt(1751247548)}),
		"pywa_template_status_update_rejected.json": whTemplate(app.TemplateEvent{TemplateID: "1689556908129835",
			Name: "abandoned_cart", Language: "en", Event: "REJECTED", Timestamp: whAt(1751247548),
			Reason: "Your template has parameters placed next to each other (like {{1}}{{2}}) without text or " +
				"punctuation between them. Separate parameters with descriptive text and ensure each parameter " +
				"is clearly contextualized."}),
		"pywa_template_quality_update_yellow.json": whTemplate(app.TemplateEvent{TemplateID: "806312974732579",
			Name: "welcome_template", Language: "en_US", Event: "QUALITY_YELLOW", Timestamp: whAt(1674864290),
			Reason: "The template's quality rating went from high (green) to medium (yellow)."}),
		"pywa_template_category_update_marketing.json": whTemplate(app.TemplateEvent{TemplateID: "12345678",
			Name: "my_message_template", Language: "he", Event: "CATEGORY_MARKETING", Timestamp: whAt(1750344882),
			Reason: "WhatsApp changed the template's category to Marketing."}),
	}
	accounts := map[string]whCase{
		"deleted": whAccount("ACCOUNT_DELETED", "The WhatsApp Business account was deleted.", 1743451903),
		"disabled": whAccountHealth("DISABLED_UPDATE",
			"WhatsApp reinstated the account (April 17, 2025).", 1743451903, app.Restriction{}),
		"offboarded": whAccount("ACCOUNT_OFFBOARDED",
			"The WhatsApp Business account was disconnected from its provider.", 1743451903),
		"reconnected": whAccount("ACCOUNT_RECONNECTED",
			"The WhatsApp Business account was reconnected.", 1743451903),
		"restriction": whAccountHealth("ACCOUNT_RESTRICTION", "WhatsApp restricted the account: starting "+
			"conversations until 4 January 2022, adding phone numbers until 4 January 2022.", 1641330498,
			app.Restriction{Kind: app.RestrictionLimited, Blocks: "starting conversations, adding phone numbers",
				Until: whAt(1641330498)}),
		"violation": whAccountHealth("ACCOUNT_VIOLATION",
			"WhatsApp found a policy violation on the account: adult.", 1743451903,
			app.Restriction{Kind: app.RestrictionViolation, Violation: "adult"}),
	}
	for name, c := range accounts {
		cases["pywa_account_update_account_"+name+".json"] = c
	}
	others := map[string]whCase{
		"ad_account_linked": whAccount("AD_ACCOUNT_LINKED",
			"An ad account was linked to the WhatsApp Business account.", 1744823932),
		"authentication_international_eligibility": whAccount("AUTH_INTL_PRICE_ELIGIBILITY_UPDATE",
			"The account's eligibility for international authentication prices changed.", 1743451903),
		"mm_api_for_wa_terms_of_service": whAccount("MM_LITE_TERMS_SIGNED",
			"The terms for marketing messages were accepted.", 1744823932),
		"partner_added": whAccount("PARTNER_ADDED",
			"A partner was given access to the WhatsApp Business account.", 1744823932),
		"partner_app_installed": whAccount("PARTNER_APP_INSTALLED",
			"A partner app was connected to the WhatsApp Business account.", 1745337174),
		"partner_app_uninstalled": whAccount("PARTNER_APP_UNINSTALLED",
			"A partner app was disconnected from the WhatsApp Business account.", 1748477359),
		"partner_led_business_verification_status": whAccount("PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE",
			"The partner's verification of the business changed to approved.", 1743138982),
		"partner_removed": whAccount("PARTNER_REMOVED",
			"A partner's access to the WhatsApp Business account was removed.", 1748477359),
		"partner_removed_wa_app_disconnection": whAccount("PARTNER_REMOVED",
			"A partner's access to the WhatsApp Business account was removed. Reason: primary inactivity.",
			1748477359),
		"pricing_tiering_update": whAccount("VOLUME_BASED_PRICING_TIER_UPDATE",
			"The volume pricing tier changed to 25000001:50000000 for utility messages.", 1743451903),
		"primary_business_location_set": whAccount("BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE",
			"The business's main country was set to IN.", 1743138982),
	}
	for name, c := range others {
		cases["pywa_account_update_"+name+".json"] = c
	}
	return cases
}
