package app

import (
	"strconv"
	"strings"
	"time"
)

// Quality is a number's quality rating as WhatsApp reports it: how
// customers received its recent messages (blocks and reports lower it).
type Quality string

// Quality ratings. The zero value is QualityUnknown.
const (
	QualityUnknown Quality = ""
	QualityGreen   Quality = "green"
	QualityYellow  Quality = "yellow"
	QualityRed     Quality = "red"
)

// ParseQuality reads WhatsApp's code (GREEN, YELLOW, RED, in any case);
// anything else is QualityUnknown.
func ParseQuality(code string) Quality {
	switch strings.ToUpper(strings.TrimSpace(code)) {
	case "GREEN", "HIGH":
		return QualityGreen
	case "YELLOW", "MEDIUM":
		return QualityYellow
	case "RED", "LOW":
		return QualityRed
	}
	return QualityUnknown
}

// Label names the rating for the owner, e.g. "medium (yellow)".
func (q Quality) Label() string {
	switch q {
	case QualityGreen:
		return "high (green)"
	case QualityYellow:
		return "medium (yellow)"
	case QualityRed:
		return "low (red)"
	}
	return "not known yet"
}

// rank orders ratings from good (0) to bad; unknown counts as good.
func (q Quality) rank() int {
	switch q {
	case QualityYellow:
		return 1
	case QualityRed:
		return 2
	}
	return 0
}

// MessagingLimit is how many customers a number may start conversations
// with in 24 hours: WhatsApp's tier code (TIER_250, TIER_1K, ...).
type MessagingLimit string

// Messaging limits. The zero value is LimitUnknown.
const (
	LimitUnknown   MessagingLimit = ""
	LimitNotSet    MessagingLimit = "TIER_NOT_SET"
	Limit50        MessagingLimit = "TIER_50"
	Limit250       MessagingLimit = "TIER_250"
	Limit1K        MessagingLimit = "TIER_1K"
	Limit2K        MessagingLimit = "TIER_2K"
	Limit10K       MessagingLimit = "TIER_10K"
	Limit100K      MessagingLimit = "TIER_100K"
	LimitUnlimited MessagingLimit = "TIER_UNLIMITED"
)

// limitSizes is the number of customers a day of each known limit;
// unlimited is the largest.
var limitSizes = map[MessagingLimit]int{
	Limit50: 50, Limit250: 250, Limit1K: 1000, Limit2K: 2000, Limit10K: 10000, Limit100K: 100000,
	LimitUnlimited: 1 << 40,
}

// ParseMessagingLimit reads WhatsApp's tier code (TIER_1K, "UNLIMITED",
// in any case) or a number of customers ("1000"); anything else is
// LimitUnknown.
func ParseMessagingLimit(code string) MessagingLimit {
	c := strings.ToUpper(strings.TrimSpace(code))
	if c == "UNLIMITED" {
		return LimitUnlimited
	}
	if n, err := strconv.Atoi(c); err == nil {
		for l, size := range limitSizes {
			if size == n {
				return l
			}
		}
		return LimitUnknown
	}
	if c != "" && !strings.HasPrefix(c, "TIER_") {
		c = "TIER_" + c
	}
	l := MessagingLimit(c)
	if _, ok := limitSizes[l]; ok || l == LimitNotSet {
		return l
	}
	return LimitUnknown
}

// Label says the limit in plain words, e.g. "1,000 customers a day".
func (l MessagingLimit) Label() string {
	switch l {
	case LimitUnknown:
		return "not known yet"
	case LimitNotSet:
		return "set after the first message"
	case LimitUnlimited:
		return "no limit"
	}
	return GroupThousands(limitSizes[l]) + " customers a day"
}

// less reports whether l is a known limit smaller than other (a known one).
func (l MessagingLimit) less(other MessagingLimit) bool {
	a, aok := limitSizes[l]
	b, bok := limitSizes[other]
	return aok && bok && a < b
}

// GroupThousands writes n with a comma between groups of three digits
// ("200,000"), as Parley writes counts.
func GroupThousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// RestrictionKind is what WhatsApp holds against an account.
type RestrictionKind string

// Restriction kinds. The zero value is RestrictionNone.
const (
	RestrictionNone RestrictionKind = ""
	// RestrictionLimited: some kinds of messages are blocked for a time
	// (Restriction.Blocks, Restriction.Until).
	RestrictionLimited RestrictionKind = "restricted"
	// RestrictionViolation: WhatsApp found a policy violation
	// (Restriction.Violation); restrictions may follow.
	RestrictionViolation RestrictionKind = "violation"
	// RestrictionDisabled: the account is disabled, or will be.
	RestrictionDisabled RestrictionKind = "disabled"
	// RestrictionRejected: WhatsApp's review rejected the account.
	RestrictionRejected RestrictionKind = "rejected"
)

// Restriction is a restriction, violation or ban WhatsApp reported.
type Restriction struct {
	Kind RestrictionKind
	// Blocks says in plain words what is blocked, e.g. "starting
	// conversations, adding phone numbers"; empty when not said.
	Blocks string
	// Violation names the policy broken in plain words, e.g. "adult".
	Violation string
	// Until is when a restriction ends; zero when WhatsApp did not say.
	Until time.Time
}

// Active reports whether the restriction holds at now: it is not none
// and its end, if any, is still to come.
func (r Restriction) Active(now time.Time) bool {
	return r.Kind != RestrictionNone && (r.Until.IsZero() || now.Before(r.Until))
}

// AccountHealth is what WhatsApp last said about a channel's standing:
// the number's quality rating and messaging limit, and any restriction
// on the account. The zero value means nothing was reported yet.
type AccountHealth struct {
	Quality     Quality
	Limit       MessagingLimit
	Restriction Restriction
	// UpdatedAt is when the newest report was made (WhatsApp's time).
	UpdatedAt time.Time
}

// AccountHealthEvent is one report about a channel's standing from a
// webhook. A zero field says nothing about its part.
type AccountHealthEvent struct {
	Quality Quality        // QualityUnknown: not reported
	Limit   MessagingLimit // LimitUnknown: not reported
	// Restriction is the account's new restriction state, nil when the
	// report is not about restrictions (a Kind of RestrictionNone lifts
	// any restriction).
	Restriction *Restriction
	Timestamp   time.Time
}

// Apply returns h with ev's reported parts. A report older than h's
// newest is ignored, so a late redelivery never turns the state back.
func (h AccountHealth) Apply(ev AccountHealthEvent) AccountHealth {
	if !ev.Timestamp.IsZero() && ev.Timestamp.Before(h.UpdatedAt) {
		return h
	}
	if ev.Quality != QualityUnknown {
		h.Quality = ev.Quality
	}
	if ev.Limit != LimitUnknown {
		h.Limit = ev.Limit
	}
	if ev.Restriction != nil {
		h.Restriction = *ev.Restriction
	}
	if ev.Timestamp.After(h.UpdatedAt) {
		h.UpdatedAt = ev.Timestamp
	}
	return h
}

// WorseThan reports whether h is worse than before for the owner: the
// rating dropped, the limit shrank, or a restriction, violation or ban
// appeared or changed (a restriction that is lifted is not worse).
func (h AccountHealth) WorseThan(before AccountHealth, now time.Time) bool {
	if h.Quality.rank() > before.Quality.rank() {
		return true
	}
	if h.Limit.less(before.Limit) {
		return true
	}
	if !h.Restriction.Active(now) {
		return false
	}
	return !before.Restriction.Active(now) || h.Restriction != before.Restriction
}

// NeedsAttention reports whether the owner should be told about h:
// the rating is medium or low, or a restriction holds.
func (h AccountHealth) NeedsAttention(now time.Time) bool {
	return h.Quality.rank() > 0 || h.Restriction.Active(now)
}

// Explain says what h means and what to do about it, in plain words,
// for the most serious problem first; "" when all is well.
func (h AccountHealth) Explain(now time.Time) (title, advice string) {
	r := h.Restriction
	if r.Active(now) {
		until := ""
		if !r.Until.IsZero() {
			until = " until " + r.Until.Format("2 January 2006")
		}
		switch r.Kind {
		case RestrictionDisabled:
			return "WhatsApp disabled this account",
				"Messages cannot be sent or received. Open WhatsApp Manager (through the 360dialog hub) " +
					"to read why and to ask WhatsApp for a review."
		case RestrictionRejected:
			return "WhatsApp rejected this account in its review",
				"Messages cannot be sent until the review passes. Check the business details in the " +
					"360dialog hub and ask 360dialog's support what to fix."
		case RestrictionViolation:
			v := ""
			if r.Violation != "" {
				v = " (" + r.Violation + ")"
			}
			return "WhatsApp found a policy violation" + v,
				"Repeated violations lead to restrictions. Read WhatsApp's Business Messaging Policy, change " +
					"the messages or templates concerned, and only write to customers who asked for it."
		}
		blocks := r.Blocks
		if blocks == "" {
			blocks = "some messages"
		}
		return "WhatsApp restricted this account" + until + ": " + blocks,
			"Customers have been blocking or reporting your messages. Until the restriction ends, " +
				"reply to customers who write to you; send marketing only to customers who asked for it."
	}
	switch h.Quality {
	case QualityRed:
		return "Your number's quality rating is low (red)",
			"Many customers have been blocking or reporting your messages. Stop marketing messages for now, " +
				"write only to customers who asked, and check your templates; if it stays red WhatsApp lowers " +
				"your messaging limit."
	case QualityYellow:
		return "Your number's quality rating is medium (yellow)",
			"Customers have been blocking or reporting your messages. Send fewer marketing messages, and only " +
				"to customers who asked for them; the rating recovers within about a week."
	}
	return "", ""
}

// HealthChange is the payload of EventAccountHealthChanged.
type HealthChange struct {
	Before, After AccountHealth
	// Worse is set when After is worse than Before (see WorseThan): the
	// owner should be told once.
	Worse bool
}
