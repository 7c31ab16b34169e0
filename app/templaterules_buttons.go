package app

import (
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	"github.com/parley-app/parley/app/waformat"
)

// buttons checks each button and the set of buttons. The product offers
// either up to three quick replies or call-to-action buttons (at most one
// website and one phone button), never both.
func (v *templateCheck) buttons(bs []TemplateButton) {
	var quick, urls, phones int
	for i, b := range bs {
		switch b.Type {
		case ButtonQuickReply:
			quick++
		case ButtonURL:
			urls++
		case ButtonPhone:
			phones++
		default:
			v.add(TemplateButtonField(i, ButtonPartType), "Choose what this button does: quick reply, open a website or call a phone number.")
			continue
		}
		v.buttonText(i, b)
		switch b.Type {
		case ButtonURL:
			v.buttonURL(i, b)
		case ButtonPhone:
			v.buttonPhone(i, b)
		}
	}
	if quick > 0 && urls+phones > 0 {
		v.add(FieldTemplateButtons, "Use either quick replies or call-to-action buttons (website, phone), not both.")
	}
	if quick > MaxQuickReplies {
		v.add(FieldTemplateButtons, "You can add at most %d quick replies (now %d).", MaxQuickReplies, quick)
	}
	if urls > 1 {
		v.add(FieldTemplateButtons, "You can add only one website button.")
	}
	if phones > 1 {
		v.add(FieldTemplateButtons, "You can add only one phone button.")
	}
}

func (v *templateCheck) buttonText(i int, b TemplateButton) {
	field := TemplateButtonField(i, ButtonPartText)
	limit := MaxButtonText
	if b.Type == ButtonQuickReply {
		limit = MaxQuickReplyText
	}
	switch n := utf8.RuneCountInString(b.Text); {
	case strings.TrimSpace(b.Text) == "":
		v.add(field, "Type the button text.")
	case n > limit && b.Type == ButtonQuickReply:
		v.add(field, "Quick reply text can be at most %d characters (now %d).", limit, n)
	case n > limit:
		v.add(field, "Button text can be at most %d characters (now %d).", limit, n)
	case len(waformat.Params(b.Text)) > 0:
		v.add(field, "Button text can't have parameters such as {{1}}.")
	}
}

// buttonURL checks a website button: an http(s) address that may end in
// the one parameter {{1}}, which then needs a sample value.
func (v *templateCheck) buttonURL(i int, b TemplateButton) {
	field := TemplateButtonField(i, ButtonPartURL)
	raw := strings.TrimSpace(b.URL)
	if raw == "" {
		v.add(field, "Type the web address the button opens.")
		return
	}
	spans := waformat.Parse(raw)
	params := 0
	for _, s := range spans {
		if s.Param > 0 {
			params++
		}
	}
	last := spans[len(spans)-1]
	if params > 1 || malformedParam(raw) != "" || (params == 1 && (last.Param != 1 || !strings.HasSuffix(raw, "{{1}}"))) {
		v.add(field, "The web address can have one parameter, {{1}}, and only at the very end.")
		return
	}
	u, err := url.Parse(strings.TrimSuffix(raw, "{{1}}"))
	switch {
	case err != nil || (u.Scheme != "http" && u.Scheme != "https"):
		v.add(field, "The web address must start with http:// or https://.")
		return
	case u.Host == "":
		v.add(field, "The web address is missing the site name, for example https://example.com/.")
		return
	}
	if params == 1 {
		v.sample(TemplateButtonField(i, ButtonPartExample), b.Example,
			"Add a sample value for {{1}} in the web address.", "{{1}} in the web address")
	}
}

// buttonPhone checks a phone button's number: international format with
// a valid country code.
func (v *templateCheck) buttonPhone(i int, b TemplateButton) {
	field := TemplateButtonField(i, ButtonPartPhone)
	raw := strings.TrimSpace(b.Phone)
	if raw == "" {
		v.add(field, "Type the phone number the button calls.")
		return
	}
	num, err := phonenumbers.Parse(raw, "")
	if !strings.HasPrefix(raw, "+") || err != nil || !phonenumbers.IsValidNumber(num) {
		v.add(field, "Enter a valid phone number with the country code, for example +49 30 1234567.")
	}
}
