package dialog360

import (
	"strings"

	"github.com/parley-app/parley/app"
)

// templateStatus maps the many spellings of a review state onto Parley's,
// case-insensitively. 360dialog's own store says submitted / approved /
// rejected; Meta's Graph says PENDING, APPROVED, REJECTED, PAUSED,
// DISABLED, IN_APPEAL, PENDING_DELETION, DELETED, and its webhooks add
// REINSTATED and FLAGGED.
//
//   - submitted, pending, in_appeal, pending_review → Submitted (a decision
//     is awaited; an appeal is a second review);
//   - approved, reinstated → Approved;
//   - rejected → Rejected; paused → Paused;
//   - disabled, pending_deletion, deleted, archived → Disabled: none of them
//     can ever be sent again, which is what "disabled" tells the owner;
//   - anything else (flagged, limit_exceeded, new words) → Unknown, so
//     that Parley never claims a template is sendable when it may not be.
func templateStatus(s string) app.TemplateStatus {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "submitted", "pending", "in_appeal", "pending_review":
		return app.TemplateSubmitted
	case "approved", "reinstated":
		return app.TemplateApproved
	case "rejected":
		return app.TemplateRejected
	case "paused":
		return app.TemplatePaused
	case "disabled", "pending_deletion", "deleted", "archived":
		return app.TemplateDisabled
	}
	return app.TemplateUnknown
}

// rejectionReasons explains Meta's rejection codes in plain words.
var rejectionReasons = map[string]string{
	"INVALID_FORMAT":         "The template is not formatted correctly, for example parameters next to each other or missing samples.",
	"TAG_CONTENT_MISMATCH":   "The text does not match the chosen category or language.",
	"ABUSIVE_CONTENT":        "WhatsApp considered the content abusive or against its policies.",
	"SCAM":                   "WhatsApp considered the template a possible scam.",
	"INCORRECT_CATEGORY":     "The chosen category does not fit the content.",
	"PROMOTIONAL":            "The template is promotional; submit it in the Marketing category.",
	"CATEGORY_NOT_AVAILABLE": "The chosen category is not available for this number.",
	"UNKNOWN":                "WhatsApp did not say why.",
}

// rejectedReason turns a rejected_reason value into plain words: "NONE"
// and empty become "", known codes are explained, other codes become
// lower-case words, and free text is kept.
func rejectedReason(r string) string {
	r = strings.TrimSpace(r)
	code := strings.ToUpper(r)
	if code == "" || code == "NONE" {
		return ""
	}
	if plain, ok := rejectionReasons[code]; ok {
		return plain
	}
	if strings.ContainsAny(r, " .") {
		return r
	}
	words := strings.ToLower(strings.ReplaceAll(r, "_", " "))
	return strings.ToUpper(words[:1]) + words[1:] + "."
}
