package dialog360

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// The wire types below mirror the webhook JSON. One json.Unmarshal fills
// them; a field of an unexpected JSON type is skipped by encoding/json and
// the rest of the payload is still decoded (see whDecode). Fields whose
// type varies between senders (timestamps, numeric ids, error codes) use
// whFlexString, which accepts a string or a number and never fails.

// whPayload is the union of the Cloud API envelope and the flat
// 360dialog v1 (On-Premise) format. Pointers tell a missing key from an
// empty one, so a body with none of the known keys can be refused.
type whPayload struct {
	Object *string    `json:"object"`
	Entry  *[]whEntry `json:"entry"`

	// The flat v1 format carries the arrays at the top level.
	Metadata *whMetadata   `json:"metadata"`
	Contacts *[]whContact  `json:"contacts"`
	Messages *[]whMessage  `json:"messages"`
	Statuses *[]whStatus   `json:"statuses"`
	Errors   *[]whAPIError `json:"errors"`
}

// recognised reports whether the payload has at least one known key
// holding a value of the right kind. (encoding/json may allocate a
// pointer before finding that the value has the wrong type, so the
// pointees are checked too.)
func (p *whPayload) recognised() bool {
	return (p.Object != nil && *p.Object != "") || (p.Entry != nil && *p.Entry != nil) ||
		(p.Metadata != nil && *p.Metadata != whMetadata{}) || (p.Contacts != nil && *p.Contacts != nil) ||
		(p.Messages != nil && *p.Messages != nil) || (p.Statuses != nil && *p.Statuses != nil) ||
		(p.Errors != nil && *p.Errors != nil)
}

// flatValue returns the top-level arrays of a flat v1 payload as a change
// value, or nil when the payload has none.
func (p *whPayload) flatValue() *whValue {
	if p.Metadata == nil && p.Contacts == nil && p.Messages == nil && p.Statuses == nil && p.Errors == nil {
		return nil
	}
	v := &whValue{}
	if p.Metadata != nil {
		v.Metadata = *p.Metadata
	}
	if p.Contacts != nil {
		v.Contacts = *p.Contacts
	}
	if p.Messages != nil {
		v.Messages = *p.Messages
	}
	if p.Statuses != nil {
		v.Statuses = *p.Statuses
	}
	if p.Errors != nil {
		v.Errors = *p.Errors
	}
	return v
}

type whEntry struct {
	ID      string       `json:"id"`
	Time    whFlexString `json:"time"`
	Changes []whChange   `json:"changes"`
}

type whChange struct {
	Field string  `json:"field"`
	Value whValue `json:"value"`
}

// whValue is the union of every change value Parley reads: the messages
// field, the template fields and the account fields.
type whValue struct {
	Metadata whMetadata   `json:"metadata"`
	Contacts []whContact  `json:"contacts"`
	Messages []whMessage  `json:"messages"`
	Statuses []whStatus   `json:"statuses"`
	Errors   []whAPIError `json:"errors"`

	// Coexistence (the WhatsApp Business app on the owner's phone uses the
	// same number): messages the owner sent from the app, and changes to
	// the app's contacts.
	MessageEchoes []whMessage   `json:"message_echoes"`
	StateSync     []whStateSync `json:"state_sync"`

	// Template status, quality and category updates.
	Event            string       `json:"event"`
	TemplateID       whFlexString `json:"message_template_id"`
	TemplateName     string       `json:"message_template_name"`
	TemplateLanguage string       `json:"message_template_language"`
	Reason           string       `json:"reason"`
	RejectionInfo    *struct {
		Reason         string `json:"reason"`
		Recommendation string `json:"recommendation"`
	} `json:"rejection_info"`
	OtherInfo *struct {
		Title       string `json:"title"`
		Description string `json:"description"`
	} `json:"other_info"`
	PreviousQuality  string `json:"previous_quality_score"`
	NewQuality       string `json:"new_quality_score"`
	PreviousCategory string `json:"previous_category"`
	NewCategory      string `json:"new_category"`

	// Account updates.
	BanInfo *struct {
		State string `json:"waba_ban_state"`
		Date  string `json:"waba_ban_date"`
	} `json:"ban_info"`
	ViolationInfo *struct {
		Type string `json:"violation_type"`
	} `json:"violation_info"`
	RestrictionInfo []struct {
		Type       string       `json:"restriction_type"`
		Expiration whFlexString `json:"expiration"`
	} `json:"restriction_info"`
	DisconnectionInfo *struct {
		Reason string `json:"reason"`
	} `json:"disconnection_info"`
	CertificationInfo *struct {
		Status string `json:"status"`
	} `json:"partner_client_certification_info"`
	VolumeTierInfo *struct {
		Tier            string `json:"tier"`
		PricingCategory string `json:"pricing_category"`
	} `json:"volume_tier_info"`
	Country string `json:"country"`

	// Phone number quality and display name updates.
	DisplayPhoneNumber    string `json:"display_phone_number"`
	CurrentLimit          string `json:"current_limit"`
	QualityRating         string `json:"quality_rating"` // sent by some providers alongside event
	MaxDaily              string `json:"max_daily_conversations_per_business"`
	Decision              string `json:"decision"`
	RequestedVerifiedName string `json:"requested_verified_name"`
	RejectionReason       string `json:"rejection_reason"`
}

// hasMessaging reports whether the value carries messages, statuses,
// errors, echoes or contact changes.
func (v *whValue) hasMessaging() bool {
	return len(v.Messages) > 0 || len(v.Statuses) > 0 || len(v.Errors) > 0 ||
		len(v.MessageEchoes) > 0 || len(v.StateSync) > 0
}

// whStateSync is one item of an smb_app_state_sync change: a contact the
// owner added to, edited in or removed from the WhatsApp Business app.
type whStateSync struct {
	Type    string `json:"type"` // "contact"
	Action  string `json:"action"`
	Contact struct {
		FullName    string `json:"full_name"`
		FirstName   string `json:"first_name"`
		PhoneNumber string `json:"phone_number"`
	} `json:"contact"`
	Metadata struct {
		Timestamp whFlexString `json:"timestamp"`
	} `json:"metadata"`
}

type whMetadata struct {
	DisplayPhoneNumber string `json:"display_phone_number"`
	PhoneNumberID      string `json:"phone_number_id"`
}

type whContact struct {
	Profile struct {
		Name string `json:"name"`
	} `json:"profile"`
	WAID string `json:"wa_id"`
}

type whAPIError struct {
	Code      whFlexString `json:"code"`
	Title     string       `json:"title"`
	Message   string       `json:"message"`
	Details   string       `json:"details"` // flat v1
	ErrorData struct {
		Details string `json:"details"`
	} `json:"error_data"`
}

// code returns the numeric error code, or 0.
func (e *whAPIError) code() int {
	n, err := strconv.Atoi(strings.TrimSpace(string(e.Code)))
	if err != nil {
		return 0
	}
	return n
}

// text returns the most specific explanation WhatsApp gave.
func (e *whAPIError) text() string {
	return whFirst(e.ErrorData.Details, e.Details, e.Message, e.Title)
}

type whStatus struct {
	ID          string       `json:"id"`
	Status      string       `json:"status"`
	Timestamp   whFlexString `json:"timestamp"`
	RecipientID string       `json:"recipient_id"`
	Errors      []whAPIError `json:"errors"`
	// Pricing and Conversation say whether and how WhatsApp bills the
	// message (Conversation only under per-conversation pricing).
	Pricing *struct {
		Billable     *bool  `json:"billable"`
		PricingModel string `json:"pricing_model"`
		Category     string `json:"category"`
		Type         string `json:"type"`
	} `json:"pricing"`
	Conversation *struct {
		ID     string `json:"id"`
		Origin struct {
			Type string `json:"type"`
		} `json:"origin"`
	} `json:"conversation"`
}

// pricing returns what the status says about billing, or nil when it
// says nothing. Without a pricing category the conversation's origin
// names it.
func (s *whStatus) pricing() *app.Pricing {
	var p app.Pricing
	if s.Conversation != nil {
		p.Category = s.Conversation.Origin.Type
	}
	if pr := s.Pricing; pr != nil {
		p.Category = whFirst(pr.Category, p.Category)
		p.Model, p.Type = pr.PricingModel, pr.Type
		if pr.Billable != nil {
			p.Billable = *pr.Billable
		}
	}
	p.Category = strings.ToLower(strings.TrimSpace(p.Category))
	if s.Pricing == nil && p.Category == "" {
		return nil
	}
	return &p
}

// whFlexString holds a JSON string or the literal text of a JSON number.
// Any other JSON value leaves it empty. Decoding it never fails.
type whFlexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *whFlexString) UnmarshalJSON(b []byte) error {
	if len(b) == 0 {
		return nil
	}
	switch b[0] {
	case '"':
		if len(b) >= 2 && bytes.IndexByte(b, '\\') < 0 {
			*f = whFlexString(b[1 : len(b)-1])
			return nil
		}
		var s string
		if json.Unmarshal(b, &s) == nil {
			*f = whFlexString(s)
		}
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		*f = whFlexString(b)
	}
	return nil
}

// Unix times outside [whMinUnix, whMaxUnix) are junk: before 2001 (no
// WhatsApp yet) or after the year 9999.
const (
	whMinUnix = 1_000_000_000
	whMaxUnix = 253_402_300_800
)

// whTime parses a unix time in seconds (or milliseconds, told apart by
// size) given as a string or a number, and returns fallback when it is
// missing or not a plausible time.
func whTime(s whFlexString, fallback time.Time) time.Time {
	str := strings.TrimSpace(string(s))
	if str == "" {
		return fallback
	}
	n, err := strconv.ParseInt(str, 10, 64)
	if err != nil {
		f, ferr := strconv.ParseFloat(str, 64)
		if ferr != nil || math.IsNaN(f) || f <= 0 || f >= 1e15 {
			return fallback
		}
		n = int64(f)
	}
	if n >= 1e11 { // milliseconds
		n /= 1000
	}
	if n < whMinUnix || n >= whMaxUnix {
		return fallback
	}
	return time.Unix(n, 0).UTC()
}

// whFirst returns the first non-empty string.
func whFirst(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
