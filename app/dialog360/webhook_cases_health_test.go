package dialog360

import "github.com/parley-app/parley/app"

// whHealthCases are the reports of a number's quality rating, messaging
// limit and account review: each is recorded as an event the owner can
// read and also read as the channel's standing.
func whHealthCases() map[string]whCase {
	at := whAt(1764752400)
	quality := func(title, detail string, h app.AccountHealthEvent) whCase {
		h.Timestamp = at
		return whCase{want: app.InboundBatch{
			Other:  []app.ProviderEvent{{Field: "phone_number_quality_update", Title: title, Detail: detail, Timestamp: at}},
			Health: []app.AccountHealthEvent{h},
		}}
	}
	review := func(title, detail string, r app.Restriction) whCase {
		return whCase{want: app.InboundBatch{
			Other:  []app.ProviderEvent{{Field: "account_review_update", Title: title, Detail: detail, Timestamp: at}},
			Health: []app.AccountHealthEvent{{Restriction: &r, Timestamp: at}},
		}}
	}
	return map[string]whCase{
		// A provider that forwards the rating: it is read as given.
		"cloud_phone_number_quality_update_downgrade.json": quality("DOWNGRADE",
			"WhatsApp updated the messaging limit of +4930123456 to 1,000 customers a day.",
			app.AccountHealthEvent{Quality: app.QualityYellow, Limit: app.Limit1K}),
		// WhatsApp's own payload: flagged means the rating fell to low.
		"cloud_phone_number_quality_update_flagged.json": quality("FLAGGED",
			"WhatsApp updated the messaging limit of +4930123456 to 250 customers a day.",
			app.AccountHealthEvent{Quality: app.QualityRed, Limit: app.Limit250}),
		// Without current_limit (WhatsApp retires it): the daily maximum.
		"cloud_phone_number_quality_update_max_daily.json": quality("UPGRADE",
			"WhatsApp updated the messaging limit of +4930123456 to 10,000 customers a day.",
			app.AccountHealthEvent{Limit: app.Limit10K}),
		"cloud_account_review_update_rejected.json": review("REJECTED",
			"WhatsApp rejected the account in its review: it cannot send messages until the review passes.",
			app.Restriction{Kind: app.RestrictionRejected}),
		"cloud_account_review_update_approved.json": review("APPROVED",
			"WhatsApp approved the account in its review.",
			app.Restriction{}),
	}
}
