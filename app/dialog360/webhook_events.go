package dialog360

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

// Prefixes of app.TemplateEvent.Event for changes that are not a review
// decision: the rest is the new quality rating (GREEN, YELLOW, RED,
// UNKNOWN) or the new category (MARKETING, UTILITY, AUTHENTICATION).
const (
	TemplateEventQualityPrefix  = "QUALITY_"
	TemplateEventCategoryPrefix = "CATEGORY_"
)

// whTemplateEvent maps a template status, quality or category update.
// For a status update Event is WhatsApp's event (APPROVED, REJECTED,
// PAUSED, DISABLED, ...) and Reason a plain explanation, empty when
// WhatsApp gave none.
func whTemplateEvent(field string, v *whValue, at time.Time) app.TemplateEvent {
	ev := app.TemplateEvent{
		TemplateID: string(v.TemplateID),
		Name:       v.TemplateName,
		Language:   v.TemplateLanguage,
		Timestamp:  at,
	}
	switch field {
	case whFieldTemplateQuality:
		ev.Event = TemplateEventQualityPrefix + whCode(v.NewQuality, "UNKNOWN")
		ev.Reason = whQualityReason(v.PreviousQuality, v.NewQuality)
	case whFieldTemplateCategory:
		ev.Event = TemplateEventCategoryPrefix + whCode(v.NewCategory, "UNKNOWN")
		ev.Reason = whCategoryReason(v.PreviousCategory, v.NewCategory)
	default:
		ev.Event = whCode(v.Event, "UNKNOWN")
		ev.Reason = whTemplateReason(v)
	}
	return ev
}

// whTemplateReasons explains the rejection codes owners meet most.
var whTemplateReasons = map[string]string{
	"ABUSIVE_CONTENT":    "WhatsApp found the content abusive or against its policies.",
	"INCORRECT_CATEGORY": "The category does not match the content.",
	"INVALID_FORMAT":     "The template is not formatted correctly.",
	"SCAM":               "WhatsApp considers the template misleading.",
}

func whTemplateReason(v *whValue) string {
	if ri := v.RejectionInfo; ri != nil && ri.Reason != "" {
		return strings.TrimSpace(ri.Reason + " " + ri.Recommendation)
	}
	if oi := v.OtherInfo; oi != nil && whFirst(oi.Description, oi.Title) != "" {
		return whFirst(oi.Description, whWords(oi.Title, true)+".")
	}
	code := whCode(v.Reason, "")
	if code == "" || code == "NONE" {
		return ""
	}
	if r, ok := whTemplateReasons[code]; ok {
		return r
	}
	return "Reason given by WhatsApp: " + whWords(code, false) + "."
}

func whQualityReason(previous, current string) string {
	now := whQuality(current)
	switch {
	case now == "":
		return "The template has no quality rating yet."
	case whQuality(previous) == "":
		return "The template's quality rating is now " + now + "."
	}
	return "The template's quality rating went from " + whQuality(previous) + " to " + now + "."
}

// whQuality names a quality score, or returns "" for none or unknown.
func whQuality(score string) string {
	switch whCode(score, "") {
	case "GREEN":
		return "high (green)"
	case "YELLOW":
		return "medium (yellow)"
	case "RED":
		return "low (red)"
	}
	return ""
}

func whCategoryReason(previous, current string) string {
	switch {
	case whCode(current, "") == "":
		return "WhatsApp changed the template's category."
	case whCode(previous, "") == "":
		return "WhatsApp changed the template's category to " + whWords(current, true) + "."
	}
	return "WhatsApp changed the template's category from " + whWords(previous, true) +
		" to " + whWords(current, true) + "."
}

// whOtherEvent records a change Parley does not act on. Title is the
// event code WhatsApp sent (or the field), Detail a plain sentence.
func whOtherEvent(field string, v *whValue, at time.Time) app.ProviderEvent {
	ev := app.ProviderEvent{Field: field, Title: whFirst(v.Event, v.Decision, field), Timestamp: at}
	switch field {
	case whFieldAccount:
		ev.Detail = whAccountDetail(v)
	case whFieldQuality:
		ev.Detail = "WhatsApp updated the messaging limit of " + whFirst(whPhone(v.DisplayPhoneNumber), "the number")
		raw := whFirst(v.CurrentLimit, v.MaxDaily)
		if l := app.ParseMessagingLimit(raw); l != app.LimitUnknown {
			ev.Detail += " to " + l.Label()
		} else if raw != "" {
			ev.Detail += " to " + whWords(raw, false)
		}
		ev.Detail += "."
	case whFieldReview:
		switch whCode(v.Decision, "") {
		case "APPROVED":
			ev.Detail = "WhatsApp approved the account in its review."
		case "REJECTED":
			ev.Detail = "WhatsApp rejected the account in its review: it cannot send messages until the review passes."
		default:
			ev.Detail = "WhatsApp's review of the account: " + whWords(whFirst(v.Decision, "no decision"), false) + "."
		}
	case "phone_number_name_update":
		ev.Detail = `WhatsApp reviewed the display name "` + v.RequestedVerifiedName + `": ` +
			whWords(whFirst(v.Decision, "no decision"), false) + "."
		if v.RejectionReason != "" && whCode(v.RejectionReason, "") != "NONE" {
			ev.Detail += " Reason: " + whWords(v.RejectionReason, false) + "."
		}
	default:
		ev.Detail = `WhatsApp sent a "` + whWords(field, false) + `" notice. Parley does not act on it.`
	}
	return ev
}

// whAccountEvents describes the account events WhatsApp sends.
var whAccountEvents = map[string]string{
	"ACCOUNT_DELETED":         "The WhatsApp Business account was deleted.",
	"ACCOUNT_OFFBOARDED":      "The WhatsApp Business account was disconnected from its provider.",
	"ACCOUNT_RECONNECTED":     "The WhatsApp Business account was reconnected.",
	"AD_ACCOUNT_LINKED":       "An ad account was linked to the WhatsApp Business account.",
	"MM_LITE_TERMS_SIGNED":    "The terms for marketing messages were accepted.",
	"PARTNER_ADDED":           "A partner was given access to the WhatsApp Business account.",
	"PARTNER_REMOVED":         "A partner's access to the WhatsApp Business account was removed.",
	"PARTNER_APP_INSTALLED":   "A partner app was connected to the WhatsApp Business account.",
	"PARTNER_APP_UNINSTALLED": "A partner app was disconnected from the WhatsApp Business account.",

	"AUTH_INTL_PRICE_ELIGIBILITY_UPDATE": "The account's eligibility for international authentication prices changed.",
}

// whRestrictions names what an account restriction blocks.
var whRestrictions = map[string]string{
	"RESTRICTED_BIZ_INITIATED_MESSAGING":      "starting conversations",
	"RESTRICTED_CUSTOMER_INITIATED_MESSAGING": "replying to customers",
	"RESTRICTED_ADD_PHONE_NUMBER_ACTION":      "adding phone numbers",
}

func whAccountDetail(v *whValue) string {
	event := whCode(v.Event, "")
	switch event {
	case "DISABLED_UPDATE":
		d := "WhatsApp changed whether the account is disabled"
		if v.BanInfo != nil {
			switch whCode(v.BanInfo.State, "") {
			case "DISABLE":
				d = "WhatsApp disabled the account"
			case "SCHEDULE_FOR_DISABLE":
				d = "WhatsApp will disable the account"
			case "REINSTATE":
				d = "WhatsApp reinstated the account"
			}
			if v.BanInfo.Date != "" {
				d += " (" + v.BanInfo.Date + ")"
			}
		}
		return d + "."
	case "ACCOUNT_RESTRICTION":
		d := "WhatsApp restricted the account"
		for i, r := range v.RestrictionInfo {
			sep := ", "
			if i == 0 {
				sep = ": "
			}
			d += sep + whFirst(whRestrictions[whCode(r.Type, "")], whWords(r.Type, false))
			if t := whTime(r.Expiration, time.Time{}); !t.IsZero() {
				d += " until " + t.Format("2 January 2006")
			}
		}
		return d + "."
	case "ACCOUNT_VIOLATION":
		if v.ViolationInfo != nil && v.ViolationInfo.Type != "" {
			return "WhatsApp found a policy violation on the account: " + whWords(v.ViolationInfo.Type, false) + "."
		}
		return "WhatsApp found a policy violation on the account."
	case "BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE":
		return "The business's main country was set to " + whFirst(v.Country, "an unknown country") + "."
	case "VOLUME_BASED_PRICING_TIER_UPDATE":
		d := "The volume pricing tier changed"
		if t := v.VolumeTierInfo; t != nil && t.Tier != "" {
			d += " to " + t.Tier
			if t.PricingCategory != "" {
				d += " for " + whWords(t.PricingCategory, false) + " messages"
			}
		}
		return d + "."
	case "PARTNER_CLIENT_CERTIFICATION_STATUS_UPDATE":
		d := "The partner's verification of the business changed"
		if c := v.CertificationInfo; c != nil && c.Status != "" {
			d += " to " + whWords(c.Status, false)
		}
		return d + "."
	}
	d, ok := whAccountEvents[event]
	if !ok {
		d = "WhatsApp reported an account change: " + whWords(whFirst(event, "unknown"), false) + "."
	}
	if di := v.DisconnectionInfo; di != nil && di.Reason != "" {
		d += " Reason: " + whWords(di.Reason, false) + "."
	}
	return d
}

// whCode normalises an event or reason code, or returns def when empty.
func whCode(s, def string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if s == "" {
		return def
	}
	return s
}

// whWords turns a code like "PRIMARY_INACTIVITY" into "primary inactivity",
// or "Primary inactivity" with capital set.
func whWords(code string, capital bool) string {
	s := strings.ToLower(strings.ReplaceAll(strings.TrimSpace(code), "_", " "))
	if capital && s != "" {
		r, size := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[size:]
	}
	return s
}
