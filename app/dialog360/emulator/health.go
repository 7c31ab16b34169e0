package emulator

import "fmt"

// QualityChanges announces by webhook (phone_number_quality_update) that
// the number with apiKey now has quality rating quality (GREEN, YELLOW,
// RED) and messaging limit tier (TIER_250, TIER_1K, ...). The event is
// FLAGGED for RED, UNFLAGGED for GREEN and DOWNGRADE otherwise; the
// rating travels in quality_rating, as some providers forward it.
func (e *Emulator) QualityChanges(apiKey, quality, tier string) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return fmt.Errorf("quality changes: unknown API key")
	}
	event := "DOWNGRADE"
	switch upper(quality) {
	case "RED":
		event = "FLAGGED"
	case "GREEN":
		event = "UNFLAGGED"
	}
	value := map[string]any{
		"display_phone_number": digits(a.phone),
		"event":                event,
		"current_limit":        tier,
		"quality_rating":       upper(quality),
	}
	e.enqueueLocked(a, envelope(a, "phone_number_quality_update", value, e.now()))
	return nil
}

// AccountRestricted announces by webhook (account_update,
// ACCOUNT_RESTRICTION) that WhatsApp blocks restriction (e.g.
// RESTRICTED_BIZ_INITIATED_MESSAGING) on the account of apiKey for days.
func (e *Emulator) AccountRestricted(apiKey, restriction string, days int) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return fmt.Errorf("account restricted: unknown API key")
	}
	now := e.now()
	value := map[string]any{
		"event": "ACCOUNT_RESTRICTION",
		"restriction_info": []any{map[string]any{
			"restriction_type": restriction,
			"expiration":       now.Unix() + int64(days)*86400,
		}},
	}
	e.enqueueLocked(a, envelope(a, "account_update", value, now))
	return nil
}
