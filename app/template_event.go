package app

import "strings"

// Status maps the event WhatsApp pushed for a template onto the status it
// gives the template; ok is false for events that change no status.
func (e TemplateEvent) Status() (status TemplateStatus, ok bool) {
	switch strings.ToUpper(strings.TrimSpace(e.Event)) {
	case "APPROVED", "REINSTATED":
		return TemplateApproved, true
	case "REJECTED":
		return TemplateRejected, true
	case "PAUSED":
		return TemplatePaused, true
	case "DISABLED", "PENDING_DELETION", "DELETED":
		return TemplateDisabled, true
	case "PENDING", "IN_APPEAL", "SUBMITTED":
		return TemplateSubmitted, true
	}
	return "", false
}

// ReasonGiven is the reason WhatsApp gave, without its "NONE" placeholder.
func (e TemplateEvent) ReasonGiven() string {
	r := strings.TrimSpace(e.Reason)
	if strings.EqualFold(r, "NONE") {
		return ""
	}
	return r
}

// Change is the review outcome the event reports, for a notification;
// ok is false for events that change no status. Only a rejection keeps
// its reason. From is unknown (empty): a webhook does not say it.
func (e TemplateEvent) Change() (change TemplateChange, ok bool) {
	status, ok := e.Status()
	if !ok {
		return TemplateChange{}, false
	}
	change = TemplateChange{Name: e.Name, Language: e.Language, To: status}
	if status == TemplateRejected {
		change.Reason = e.ReasonGiven()
	}
	return change, true
}
