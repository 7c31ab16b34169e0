package app_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

// FuzzValidateTemplate feeds the template validator arbitrary names,
// bodies, headers, footers, samples and buttons: it must never panic,
// every problem it reports must name a field and say something, and a
// template it accepts must really be within WhatsApp's limits.
func FuzzValidateTemplate(f *testing.F) {
	f.Add("order_ready", "Hallo {{1}}, Ihre Bestellung ist fertig.", "Bäckerei", "Danke!", "Anna", "Ja, bitte")
	f.Add("", "", "", "", "", "")
	f.Add("Bad Name!", "{{1}}{{2}} {{3", "{{1}}", strings.Repeat("x", 70), "", strings.Repeat("b", 30))
	f.Add("promo", "*fett* _kursiv_ ~weg~ ```mono``` {{2}}", "Header {{1}}", "", "\x00", "\u200b")
	f.Fuzz(func(t *testing.T, name, body, header, footer, sample, button string) {
		tpl := app.Template{
			Name: name, Language: "de", Category: app.CategoryUtility,
			Header:       app.TemplateHeader{Format: app.HeaderText, Text: header},
			Body:         body,
			BodyExamples: []string{sample},
			Footer:       footer,
			Buttons:      []app.TemplateButton{{Type: app.ButtonQuickReply, Text: button}},
		}
		errs := app.ValidateTemplate(tpl)
		for _, e := range errs {
			if e.Field == "" && e.Message == "" {
				t.Fatalf("a problem with neither field nor message: %+v", e)
			}
			if strings.TrimSpace(e.Message) == "" {
				t.Fatalf("a problem at %q says nothing", e.Field)
			}
		}
		if len(errs) == 0 {
			if utf8.RuneCountInString(body) > 1024 || body == "" {
				t.Fatalf("accepted a body of %d characters", utf8.RuneCountInString(body))
			}
			if utf8.RuneCountInString(footer) > 60 {
				t.Fatalf("accepted a footer of %d characters", utf8.RuneCountInString(footer))
			}
		}
	})
}
