package app_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// goodTemplate is a template the validator accepts; each row of the
// table below spoils one thing.
func goodTemplate() app.Template {
	return app.Template{Name: "order_ready", Language: "de", Category: app.CategoryUtility,
		Body: "Hallo {{1}}, Ihre Bestellung ist fertig.", BodyExamples: []string{"Anna"}}
}

// invalidInput is one wrong entry in a form and the exact words the owner
// reads next to the field.
type invalidInput struct {
	form, what string
	check      func() app.ValidationErrors
	want       string
}

func channelInput(what, name, number, key, want string) invalidInput {
	return invalidInput{"wizard", what, func() app.ValidationErrors {
		return app.ValidateNewChannel(app.NewChannel{Name: name, Number: number, APIKey: key})
	}, want}
}

func profileInput(what string, p app.Profile, want string) invalidInput {
	return invalidInput{"profile", what, func() app.ValidationErrors { return app.ValidateProfile(p, app.Profile{}) }, want}
}

func templateInput(what string, spoil func(*app.Template), want string) invalidInput {
	return invalidInput{"builder", what, func() app.ValidationErrors {
		t := goodTemplate()
		spoil(&t)
		return app.ValidateTemplate(t)
	}, want}
}

// Every wrong input in the wizard, the profile editor and the template
// builder gets its own message in plain words, attached to a field.
func TestInvalidInputsGetTheirExactMessage(t *testing.T) {
	const key = "KEY-1234567890abcdef"
	intl := "This is not a valid phone number. Use international format with the country code, for example +49 30 1234567."
	quick := func(n int) []app.TemplateButton {
		var bs []app.TemplateButton
		for i := range n {
			bs = append(bs, app.TemplateButton{Type: app.ButtonQuickReply, Text: fmt.Sprint("Antwort ", i)})
		}
		return bs
	}
	rows := []invalidInput{
		channelInput("no number", "Shop", "", key, "Enter the WhatsApp number, starting with the country code (for example +49 30 1234567)."),
		channelInput("two digits", "Shop", "12", key, intl),
		channelInput("too short", "Shop", "+49 30 12", key, intl),
		channelInput("no country code", "Shop", "030 1234567", key, intl),
		channelInput("letters", "Shop", "+49 abc 123", key, intl),
		channelInput("no key", "Shop", "+4930123456", "", "Paste the API key from the 360dialog hub."),
		channelInput("short key", "Shop", "+4930123456", "short", "This API key is too short. Copy the whole key from the 360dialog hub."),
		channelInput("key with spaces", "Shop", "+4930123456", "KEY with spaces 1234567", "The API key cannot contain spaces. Copy it again from the 360dialog hub."),
		channelInput("long name", strings.Repeat("n", 80), "+4930123456", key, "The channel name can be at most 60 characters (now 80)."),

		profileInput("long about", app.Profile{About: strings.Repeat("a", 140)}, "About can be at most 139 characters (now 140)."),
		profileInput("long address", app.Profile{Address: strings.Repeat("b", 257)}, "Address can be at most 256 characters (now 257)."),
		profileInput("long description", app.Profile{Description: strings.Repeat("c", 257)}, "Description can be at most 256 characters (now 257)."),
		profileInput("not an email", app.Profile{Email: "not-an-email"}, "This is not a valid email address (for example hello@myshop.com)."),
		profileInput("email without domain", app.Profile{Email: "a@b"}, "This is not a valid email address (for example hello@myshop.com)."),
		profileInput("long email", app.Profile{Email: strings.Repeat("e", 120) + "@example.com"}, "Email can be at most 128 characters (now 132)."),
		profileInput("unknown industry", app.Profile{Vertical: "SPACESHIPS"}, "Choose an industry from the list."),
		profileInput("website without scheme", app.Profile{Websites: []string{"example.com"}}, "Website 1: the address must start with http:// or https://."),
		profileInput("ftp website", app.Profile{Websites: []string{"ftp://example.com"}}, "Website 1: the address must start with http:// or https://."),
		profileInput("three websites", app.Profile{Websites: []string{"https://a.com", "https://b.com", "https://c.com"}}, "You can list at most 2 websites (now 3)."),
		profileInput("website with a space", app.Profile{Websites: []string{"https://exa mple.com"}}, "Website 1: this is not a valid web address (for example https://myshop.com)."),
		profileInput("second website broken", app.Profile{Websites: []string{"https://a.com", "b.com"}}, "Website 2: the address must start with http:// or https://."),

		templateInput("no name", func(t *app.Template) { t.Name = "" }, "Give the template a name, for example order_update."),
		templateInput("name with capitals and spaces", func(t *app.Template) { t.Name = "Order Ready" }, "Use only lowercase letters, numbers and underscores (no spaces)."),
		templateInput("long name", func(t *app.Template) { t.Name = strings.Repeat("x", 513) }, "The name can be at most 512 characters (now 513)."),
		templateInput("no language", func(t *app.Template) { t.Language = "" }, "Choose the language the template is written in."),
		templateInput("no category", func(t *app.Template) { t.Category = "" }, "Choose a category: Marketing or Utility."),
		templateInput("authentication with a free body", func(t *app.Template) { t.Category = app.CategoryAuthentication }, "Parley can't submit Authentication templates: WhatsApp writes their text itself and adds a one-time-code button. Choose Marketing or Utility."),
		templateInput("no body", func(t *app.Template) { t.Body = ""; t.BodyExamples = nil }, "Type the message text."),
		templateInput("long body", func(t *app.Template) { t.Body = strings.Repeat("b", 1025); t.BodyExamples = nil }, "The message can be at most 1024 characters (now 1025)."),
		templateInput("parameter gap", func(t *app.Template) { t.Body = "Hallo {{2}}, bis bald."; t.BodyExamples = []string{"x", "y"} }, "Parameters must be numbered {{1}}, {{2}}, … without gaps: {{1}} is missing."),
		templateInput("starts with a parameter", func(t *app.Template) { t.Body = "{{1}} ist fertig." }, "The message can't start with a parameter. Add some words before {{1}}."),
		templateInput("ends with a parameter", func(t *app.Template) { t.Body = "Hallo {{1}}" }, "The message can't end with a parameter. Add some words after {{1}}."),
		templateInput("long footer", func(t *app.Template) { t.Footer = strings.Repeat("f", 61) }, "The footer can be at most 60 characters (now 61)."),
		templateInput("long header", func(t *app.Template) {
			t.Header = app.TemplateHeader{Format: app.HeaderText, Text: strings.Repeat("h", 61)}
		}, "The header can be at most 60 characters (now 61)."),
		templateInput("empty text header", func(t *app.Template) { t.Header = app.TemplateHeader{Format: app.HeaderText} }, "Type the header text, or choose no header."),
		templateInput("two header parameters", func(t *app.Template) { t.Header = app.TemplateHeader{Format: app.HeaderText, Text: "{{1}} {{2}}"} }, "The header can have only one parameter, written {{1}}."),
		templateInput("image header without sample", func(t *app.Template) { t.Header = app.TemplateHeader{Format: app.HeaderImage} }, "Add a sample image (JPG or PNG, up to 5 MB) so WhatsApp's reviewers can see the header."),
	}
	rows = append(rows, buttonRows(quick)...)
	if len(rows) < 40 {
		t.Fatalf("the table has %d invalid inputs; the issue asks for at least 40", len(rows))
	}
	for _, r := range rows {
		errs := r.check()
		found := false
		for _, e := range errs {
			found = found || (e.Message == r.want && e.Field != "")
		}
		if !found {
			t.Errorf("%s, %s: got %q; want a field message %q", r.form, r.what, errs, r.want)
		}
	}
}

// buttonRows are the builder's wrong buttons.
func buttonRows(quick func(int) []app.TemplateButton) []invalidInput {
	with := func(bs ...app.TemplateButton) func(*app.Template) { return func(t *app.Template) { t.Buttons = bs } }
	return []invalidInput{
		templateInput("quick reply without text", with(app.TemplateButton{Type: app.ButtonQuickReply}), "Type the button text."),
		templateInput("long quick reply", with(app.TemplateButton{Type: app.ButtonQuickReply, Text: strings.Repeat("q", 26)}), "Quick reply text can be at most 20 characters (now 26)."),
		templateInput("website button without scheme", with(app.TemplateButton{Type: app.ButtonURL, Text: "Shop", URL: "example.com"}), "The web address must start with http:// or https://."),
		templateInput("website button without address", with(app.TemplateButton{Type: app.ButtonURL, Text: "Shop"}), "Type the web address the button opens."),
		templateInput("call button with a bad number", with(app.TemplateButton{Type: app.ButtonPhone, Text: "Call", Phone: "123"}), "Enter a valid phone number with the country code, for example +49 30 1234567."),
		templateInput("call button without text", with(app.TemplateButton{Type: app.ButtonPhone, Phone: "+4930123456"}), "Type the button text."),
		templateInput("eleven buttons", func(t *app.Template) { t.Buttons = quick(11) }, "You can add at most 3 quick replies (now 11)."),
	}
}
