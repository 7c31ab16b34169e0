package app

import "time"

// TemplateStatus is the review state of a message template.
type TemplateStatus string

// Template statuses. Providers report many spellings; the client maps them
// onto these.
const (
	TemplateSubmitted TemplateStatus = "submitted" // pending review
	TemplateApproved  TemplateStatus = "approved"
	TemplateRejected  TemplateStatus = "rejected"
	TemplatePaused    TemplateStatus = "paused"
	TemplateDisabled  TemplateStatus = "disabled"
	TemplateDraft     TemplateStatus = "draft" // local only, never submitted
	TemplateUnknown   TemplateStatus = "unknown"
)

// Template categories.
const (
	CategoryMarketing      = "MARKETING"
	CategoryUtility        = "UTILITY"
	CategoryAuthentication = "AUTHENTICATION"
)

// Header formats.
const (
	HeaderNone     = ""
	HeaderText     = "TEXT"
	HeaderImage    = "IMAGE"
	HeaderVideo    = "VIDEO"
	HeaderDocument = "DOCUMENT"
)

// Button types.
const (
	ButtonQuickReply = "QUICK_REPLY"
	ButtonURL        = "URL"
	ButtonPhone      = "PHONE_NUMBER"
)

// Template is a WhatsApp message template.
type Template struct {
	ID             string // provider's id; empty for a local draft
	Name           string
	Language       string // e.g. "en_US"
	Category       string
	Status         TemplateStatus
	RejectedReason string // plain words; empty unless rejected
	Header         TemplateHeader
	Body           string
	BodyExamples   []string // sample value per body parameter, in order
	Footer         string
	Buttons        []TemplateButton
	ModifiedAt     time.Time
	// Variables binds body parameters to dynamic values used when the
	// template is sent; index 0 is {{1}}. Stored locally only.
	Variables []Variable
}

// TemplateHeader is the optional header of a template.
type TemplateHeader struct {
	Format  string // HeaderNone, HeaderText, HeaderImage, ...
	Text    string // for HeaderText, may hold one {{1}}
	Example string // sample for the text parameter, or media URL/handle
	// Media is a local sample file for a media header (drafts only).
	Media     []byte
	MediaName string
	MediaMIME string
}

// HeaderFile is a file sent in a template's media header: Path is
// Parley's copy in the media folder, Name the file name the owner chose.
type HeaderFile struct {
	Path string
	Name string
}

// TemplateButton is one button of a template.
type TemplateButton struct {
	Type    string // ButtonQuickReply, ButtonURL, ButtonPhone
	Text    string
	URL     string // for ButtonURL; may end in {{1}}
	Phone   string // for ButtonPhone, E.164
	Example string // sample for the URL parameter
}

// VariableSource says where a body parameter's value comes from when a
// template is sent.
type VariableSource string

// Variable sources.
const (
	VarTyped        VariableSource = ""              // typed when sending (sample by default)
	VarContactName  VariableSource = "contact_name"  // the contact's WhatsApp profile name
	VarContactPhone VariableSource = "contact_phone" // the contact's number
	VarFixed        VariableSource = "fixed"         // always Value
)

// Variable is a dynamic-variable binding of one template parameter.
type Variable struct {
	Source VariableSource
	Value  string // for VarFixed
}

// TemplateSend is a template message to send, with every parameter filled.
type TemplateSend struct {
	Name     string
	Language string
	// Category is the template's category when it was queued: the outbox
	// refuses a marketing one to a customer who opted out meanwhile.
	Category   string
	HeaderText string // value of the header text parameter, if any
	// HeaderMediaID or HeaderMediaLink fills a media header. A queued
	// message leaves both empty and carries the file as its Media: the
	// outbox uploads it and sets HeaderMediaID (and HeaderMediaFilename,
	// the name a document header shows) just before sending.
	HeaderMediaFormat   string
	HeaderMediaID       string
	HeaderMediaLink     string
	HeaderMediaFilename string
	BodyParams          []string
	URLButtonParam      string // suffix for the URL button, if it has one
	URLButtonIndex      int
}
