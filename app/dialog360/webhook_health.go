package dialog360

import (
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// whFieldQuality and whFieldReview are the change fields of a number's
// quality and messaging limit, and of WhatsApp's review of the account.
const (
	whFieldQuality = "phone_number_quality_update"
	whFieldReview  = "account_review_update"
)

// whHealthEvent reads what a change says about the channel's standing:
// quality rating, messaging limit or restrictions. ok is false for a
// change that says nothing about it.
func whHealthEvent(field string, v *whValue, at time.Time) (ev app.AccountHealthEvent, ok bool) {
	ev.Timestamp = at
	switch field {
	case whFieldQuality:
		ev.Limit = app.ParseMessagingLimit(v.CurrentLimit)
		if ev.Limit == app.LimitUnknown { // current_limit is being replaced by this one
			ev.Limit = app.ParseMessagingLimit(v.MaxDaily)
		}
		ev.Quality = app.ParseQuality(v.QualityRating)
		if ev.Quality == app.QualityUnknown {
			// WhatsApp's own payload carries no rating: FLAGGED means
			// it fell to low, UNFLAGGED that it recovered.
			switch whCode(v.Event, "") {
			case "FLAGGED":
				ev.Quality = app.QualityRed
			case "UNFLAGGED":
				ev.Quality = app.QualityGreen
			}
		}
		return ev, ev.Limit != app.LimitUnknown || ev.Quality != app.QualityUnknown
	case whFieldReview:
		switch whCode(v.Decision, "") {
		case "APPROVED":
			ev.Restriction = &app.Restriction{}
		case "REJECTED":
			ev.Restriction = &app.Restriction{Kind: app.RestrictionRejected}
		default:
			return ev, false // pending or deferred: nothing changed yet
		}
		return ev, true
	case whFieldAccount:
		r, ok := whAccountRestriction(v)
		ev.Restriction = r
		return ev, ok
	}
	return ev, false
}

// whAccountRestriction reads the restriction an account_update reports.
func whAccountRestriction(v *whValue) (*app.Restriction, bool) {
	switch whCode(v.Event, "") {
	case "ACCOUNT_RESTRICTION":
		r := &app.Restriction{Kind: app.RestrictionLimited}
		var blocks []string
		for _, ri := range v.RestrictionInfo {
			blocks = append(blocks, whFirst(whRestrictions[whCode(ri.Type, "")], whWords(ri.Type, false)))
			if t := whTime(ri.Expiration, time.Time{}); t.After(r.Until) {
				r.Until = t
			}
		}
		r.Blocks = strings.Join(blocks, ", ")
		return r, true
	case "ACCOUNT_VIOLATION":
		r := &app.Restriction{Kind: app.RestrictionViolation}
		if v.ViolationInfo != nil {
			r.Violation = whWords(v.ViolationInfo.Type, false)
		}
		return r, true
	case "DISABLED_UPDATE":
		if v.BanInfo == nil {
			return nil, false
		}
		switch whCode(v.BanInfo.State, "") {
		case "DISABLE", "SCHEDULE_FOR_DISABLE":
			return &app.Restriction{Kind: app.RestrictionDisabled}, true
		case "REINSTATE":
			return &app.Restriction{}, true
		}
	}
	return nil, false
}
