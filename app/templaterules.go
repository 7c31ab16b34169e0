package app

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-app/parley/app/waformat"
)

// Template field keys, used in FieldError.Field. Per-parameter and
// per-button keys come from TemplateBodyExampleField and TemplateButtonField.
const (
	FieldTemplateName          = "name"
	FieldTemplateCategory      = "category"
	FieldTemplateLanguage      = "language"
	FieldTemplateHeader        = "header" // the header type
	FieldTemplateHeaderText    = "header.text"
	FieldTemplateHeaderExample = "header.example" // sample for {{1}} in the header
	FieldTemplateHeaderMedia   = "header.media"   // the sample file
	FieldTemplateBody          = "body"
	FieldTemplateFooter        = "footer"
	FieldTemplateButtons       = "buttons" // rules about the set of buttons
)

// Button parts for TemplateButtonField.
const (
	ButtonPartType    = "type"
	ButtonPartText    = "text"
	ButtonPartURL     = "url"
	ButtonPartPhone   = "phone"
	ButtonPartExample = "example" // sample for {{1}} in the URL
)

// TemplateBodyExampleField returns the field key of the sample value for
// body parameter {{n}}: "body.example.n".
func TemplateBodyExampleField(n int) string { return fmt.Sprintf("body.example.%d", n) }

// TemplateButtonField returns the field key of one part of button i
// (0-based): "buttons.i.part".
func TemplateButtonField(i int, part string) string { return fmt.Sprintf("buttons.%d.%s", i, part) }

// Template limits from 360dialog, WhatsApp and the product's model.
const (
	MaxTemplateName       = 512
	MaxTemplateHeaderText = 60
	MaxTemplateBody       = 1024
	MaxTemplateFooter     = 60
	MaxQuickReplies       = 3  // the product's model; WhatsApp allows more
	MaxQuickReplyText     = 20 // the product's model
	MaxButtonText         = 25
	MaxSampleSpaces       = 4 // consecutive spaces allowed in a parameter value
)

var templateNamePattern = regexp.MustCompile(`^[a-z0-9_]+$`)

// ValidateTemplate checks a template against WhatsApp's rules before it is
// submitted and returns every problem at its field, in plain words. It
// checks the name, category and language, the header (text or media
// sample), the body and its parameters, the footer, the buttons, and that
// every parameter has a sample value.
func ValidateTemplate(t Template) ValidationErrors {
	v := &templateCheck{}
	v.name(t.Name)
	v.category(t.Category)
	v.language(t.Language)
	v.header(t.Header)
	v.body(t.Body, t.BodyExamples)
	v.footer(t.Footer)
	v.buttons(t.Buttons)
	return v.errs
}

// templateCheck collects the problems of one template.
type templateCheck struct {
	errs ValidationErrors
}

func (v *templateCheck) add(field, format string, args ...any) {
	v.errs = append(v.errs, FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (v *templateCheck) name(name string) {
	switch n := utf8.RuneCountInString(name); {
	case strings.TrimSpace(name) == "":
		v.add(FieldTemplateName, "Give the template a name, for example order_update.")
	case n > MaxTemplateName:
		v.add(FieldTemplateName, "The name can be at most %d characters (now %d).", MaxTemplateName, n)
	case !templateNamePattern.MatchString(name):
		v.add(FieldTemplateName, "Use only lowercase letters, numbers and underscores (no spaces).")
	}
}

// category accepts the categories Parley can submit. An Authentication
// template is not one of them: WhatsApp writes its text itself (the code,
// an optional security note and expiry) and adds a one-time-code button,
// so a template with a body of its own is refused (WhatsApp would reject
// it too). Parley's Template always carries a free body.
func (v *templateCheck) category(c string) {
	switch c {
	case CategoryMarketing, CategoryUtility:
	case CategoryAuthentication:
		v.add(FieldTemplateCategory, "Parley can't submit Authentication templates: WhatsApp writes their text itself "+
			"and adds a one-time-code button. Choose Marketing or Utility.")
	default:
		v.add(FieldTemplateCategory, "Choose a category: Marketing or Utility.")
	}
}

func (v *templateCheck) language(code string) {
	switch {
	case code == "":
		v.add(FieldTemplateLanguage, "Choose the language the template is written in.")
	case !KnownLanguage(code):
		v.add(FieldTemplateLanguage, "WhatsApp does not support the language code %q. Choose a language from the list.", code)
	}
}

func (v *templateCheck) header(h TemplateHeader) {
	switch h.Format {
	case HeaderNone:
	case HeaderText:
		v.headerText(h)
	case HeaderImage, HeaderVideo, HeaderDocument:
		v.headerMedia(h)
	default:
		v.add(FieldTemplateHeader, "Choose a header type: none, text, image, video or document.")
	}
}

func (v *templateCheck) headerText(h TemplateHeader) {
	if strings.TrimSpace(h.Text) == "" {
		v.add(FieldTemplateHeaderText, "Type the header text, or choose no header.")
		return
	}
	if n := utf8.RuneCountInString(h.Text); n > MaxTemplateHeaderText {
		v.add(FieldTemplateHeaderText, "The header can be at most %d characters (now %d).", MaxTemplateHeaderText, n)
	}
	if strings.ContainsAny(h.Text, "\r\n") {
		v.add(FieldTemplateHeaderText, "The header must fit on one line (no line breaks).")
	}
	if strings.IndexFunc(h.Text, isEmoji) >= 0 {
		v.add(FieldTemplateHeaderText, "The header can't contain emojis.")
	}
	spans := waformat.Parse(h.Text)
	params := 0
	for _, s := range spans {
		if s.Style != 0 {
			v.add(FieldTemplateHeaderText, "The header can't use formatting such as *bold* or _italic_.")
			break
		}
	}
	for _, s := range spans {
		if s.Param > 0 {
			params++
			if s.Param != 1 || params > 1 {
				v.add(FieldTemplateHeaderText, "The header can have only one parameter, written {{1}}.")
				return
			}
		}
	}
	if params == 1 {
		v.sample(FieldTemplateHeaderExample, h.Example, "Add a sample value for {{1}} in the header.", "{{1}} in the header")
	}
}

func (v *templateCheck) body(body string, examples []string) {
	if strings.TrimSpace(body) == "" {
		v.add(FieldTemplateBody, "Type the message text.")
		return
	}
	if n := utf8.RuneCountInString(body); n > MaxTemplateBody {
		v.add(FieldTemplateBody, "The message can be at most %d characters (now %d).", MaxTemplateBody, n)
	}
	if bad := malformedParam(body); bad != "" {
		v.add(FieldTemplateBody, "Write parameters as {{1}}, {{2}}, … with only a number between the braces: %s is not a parameter.", bad)
	}
	spans := waformat.Parse(body)
	params := waformat.SpanParams(spans)
	if len(params) == 0 {
		return
	}
	if missing := firstGap(params); missing > 0 {
		v.add(FieldTemplateBody, "Parameters must be numbered {{1}}, {{2}}, … without gaps: {{%d}} is missing.", missing)
	}
	v.paramPlacement(spans)
	for _, n := range params {
		sample := ""
		if n <= len(examples) {
			sample = examples[n-1]
		}
		v.sample(TemplateBodyExampleField(n), sample,
			fmt.Sprintf("Add a sample value for {{%d}}.", n), fmt.Sprintf("{{%d}}", n))
	}
}

// paramPlacement reports parameters at the very start or end of the body
// and parameters with nothing but spaces between them; WhatsApp rejects
// such templates. Punctuation and spaces do not count as words, so
// "Hi {{1}}." still ends with a parameter.
func (v *templateCheck) paramPlacement(spans []waformat.Span) {
	var words []waformat.Span // spans that are parameters or hold a word
	for _, s := range spans {
		if s.Param > 0 || hasWord(s.Text) {
			words = append(words, s)
		}
	}
	if first := words[0]; first.Param > 0 {
		v.add(FieldTemplateBody, "The message can't start with a parameter. Add some words before {{%d}}.", first.Param)
	}
	if last := words[len(words)-1]; last.Param > 0 {
		v.add(FieldTemplateBody, "The message can't end with a parameter. Add some words after {{%d}}.", last.Param)
	}
	prev := 0 // parameter seen with only spaces since, or 0
	for _, s := range spans {
		switch {
		case s.Param > 0 && prev > 0:
			v.add(FieldTemplateBody, "Put some words between {{%d}} and {{%d}}: parameters can't stand right next to each other.", prev, s.Param)
			return
		case s.Param > 0:
			prev = s.Param
		case strings.TrimSpace(s.Text) != "":
			prev = 0
		}
	}
}

func (v *templateCheck) footer(f string) {
	if f == "" {
		return
	}
	if n := utf8.RuneCountInString(f); n > MaxTemplateFooter {
		v.add(FieldTemplateFooter, "The footer can be at most %d characters (now %d).", MaxTemplateFooter, n)
	}
	if strings.ContainsAny(f, "\r\n") {
		v.add(FieldTemplateFooter, "The footer must fit on one line (no line breaks).")
	}
	if len(waformat.Params(f)) > 0 {
		v.add(FieldTemplateFooter, "The footer can't have parameters such as {{1}}.")
	}
}

// sample checks the sample value of one parameter: required, and free of
// what WhatsApp refuses in parameter values (line breaks, tabs, more than
// four spaces in a row).
func (v *templateCheck) sample(field, value, missing, what string) {
	switch {
	case strings.TrimSpace(value) == "":
		v.add(field, "%s", missing)
	case strings.ContainsAny(value, "\r\n\t"):
		v.add(field, "The sample for %s can't contain line breaks or tabs.", what)
	case strings.Contains(value, strings.Repeat(" ", MaxSampleSpaces+1)):
		v.add(field, "The sample for %s can't have more than %d spaces in a row.", what, MaxSampleSpaces)
	}
}

// firstGap returns the lowest missing number in 1…max(params), or 0.
func firstGap(params []int) int {
	seen := map[int]bool{}
	most := 0
	for _, n := range params {
		seen[n] = true
		most = max(most, n)
	}
	for n := 1; n <= most; n++ {
		if !seen[n] {
			return n
		}
	}
	return 0
}

var braced = regexp.MustCompile(`\{\{[^{}\n]*\}\}`)

// malformedParam returns the first "{{…}}" in s that is not a valid
// parameter, such as "{{name}}", "{{ 1 }}" or "{{0}}", or "".
func malformedParam(s string) string {
	for _, m := range braced.FindAllString(s, -1) {
		if len(waformat.Params(m)) == 0 {
			return m
		}
	}
	return ""
}

// hasWord reports whether s holds anything but spaces and punctuation.
func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsSpace(r) && !unicode.IsPunct(r)
	}) >= 0
}

// isEmoji reports whether r is an emoji or pictograph.
func isEmoji(r rune) bool {
	switch {
	case r >= 0x1F000 && r <= 0x1FAFF: // pictographs, emoticons, transport, flags, ...
		return true
	case r >= 0x2600 && r <= 0x27BF: // miscellaneous symbols and dingbats
		return true
	case r >= 0x2B00 && r <= 0x2BFF: // arrows and stars such as ⭐
		return true
	case r == 0xFE0F || r == 0x200D: // emoji presentation selector, joiner
		return true
	}
	return false
}
