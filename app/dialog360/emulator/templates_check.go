package emulator

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	templateNameRE = regexp.MustCompile(`^[a-z0-9_]{1,512}$`)
	languageRE     = regexp.MustCompile(`^[a-z]{2,3}(_[A-Za-z]{2,4})?$`)
	paramRE        = regexp.MustCompile(`\{\{\s*(\d+)\s*\}\}`)
	phoneRE        = regexp.MustCompile(`^\+?[0-9]{6,20}$`)
)

// nameBlock is how long a deleted template's name cannot be reused.
const nameBlock = 4 * 7 * 24 * time.Hour

// Graph subcodes of template creation errors.
const (
	subTemplateExists  = 2388024
	subNameDeleted     = 2388023
	subFieldTooLong    = 2388040
	subExamplesMissing = 2388043
)

func tooLong(what string, limit int) graphErr {
	return graphErr{code: 100, subcode: subFieldTooLong, message: "Invalid parameter",
		title: "Field too long", details: fmt.Sprintf("%s may be at most %d characters.", what, limit)}
}

func missingExample(what string) graphErr {
	return graphErr{code: 100, subcode: subExamplesMissing, message: "Invalid parameter",
		title: "Example values missing", details: "Add sample values for " + what + "."}
}

// checkTemplateLocked applies WhatsApp's creation rules. It reports the
// first problem found.
func (e *Emulator) checkTemplateLocked(a *account, t *template) (graphErr, bool) {
	switch {
	case !templateNameRE.MatchString(t.Name):
		return invalidParam("name may contain only lowercase letters, digits and underscores (at most 512)."), true
	case !languageRE.MatchString(t.Language):
		return invalidParam(fmt.Sprintf("language %q is not a supported language code.", t.Language)), true
	case t.Category != "MARKETING" && t.Category != "UTILITY" && t.Category != "AUTHENTICATION":
		return invalidParam("category must be one of MARKETING, UTILITY, AUTHENTICATION."), true
	}
	for _, o := range a.templates {
		if o.Name == t.Name && o.Language == t.Language {
			return graphErr{code: 100, subcode: subTemplateExists, message: "Invalid parameter",
				title:   "Content in this language already exists",
				details: fmt.Sprintf("A template called %s already exists in %s.", t.Name, t.Language)}, true
		}
	}
	if at, ok := a.deleted[t.Name]; ok && e.now().Sub(at) < nameBlock {
		return graphErr{code: 100, subcode: subNameDeleted, message: "Invalid parameter",
			title:   "Message template is being deleted",
			details: "A template with this name was deleted; the name cannot be used for four weeks."}, true
	}
	if t.Category == "AUTHENTICATION" {
		return checkAuthentication(t)
	}
	counts := map[string]int{}
	for i := range t.Components {
		c := &t.Components[i]
		c.Type = strings.ToUpper(c.Type)
		c.Format = strings.ToUpper(c.Format)
		counts[c.Type]++
		if counts[c.Type] > 1 {
			return invalidParam("Only one " + c.Type + " component is allowed."), true
		}
		var g graphErr
		bad := false
		switch c.Type {
		case "HEADER":
			g, bad = e.checkHeaderLocked(a, c)
		case "BODY":
			g, bad = checkBody(c)
		case "FOOTER":
			g, bad = checkFooter(c)
		case "BUTTONS":
			g, bad = checkButtons(c)
		default:
			return invalidParam(fmt.Sprintf("Unknown component type %q.", c.Type)), true
		}
		if bad {
			return g, true
		}
	}
	if counts["BODY"] == 0 {
		return invalidParam("A BODY component is required."), true
	}
	return graphErr{}, false
}

// params returns the parameter numbers of text in order of appearance,
// and whether they are {{1}}…{{n}} without gaps.
func params(text string) (int, bool) {
	seen := map[int]bool{}
	for _, m := range paramRE.FindAllStringSubmatch(text, -1) {
		n, _ := strconv.Atoi(m[1])
		seen[n] = true
	}
	for i := 1; i <= len(seen); i++ {
		if !seen[i] {
			return len(seen), false
		}
	}
	return len(seen), true
}

func checkBody(c *component) (graphErr, bool) {
	n, seq := params(c.Text)
	switch {
	case strings.TrimSpace(c.Text) == "":
		return invalidParam("The BODY text is required."), true
	case utf8.RuneCountInString(c.Text) > 1024:
		return tooLong("The body", 1024), true
	case !seq:
		return invalidParam("Body parameters must be numbered {{1}}, {{2}}, … without gaps."), true
	case n > 0 && (c.Example == nil || len(c.Example.BodyText) == 0 || len(c.Example.BodyText[0]) != n || hasEmpty(c.Example.BodyText[0])):
		return missingExample(fmt.Sprintf("all %d body parameters", n)), true
	}
	return graphErr{}, false
}

func (e *Emulator) checkHeaderLocked(a *account, c *component) (graphErr, bool) {
	switch c.Format {
	case "TEXT":
		n, _ := params(c.Text)
		switch {
		case strings.TrimSpace(c.Text) == "":
			return invalidParam("The header text is required."), true
		case utf8.RuneCountInString(c.Text) > 60:
			return tooLong("The header", 60), true
		case n > 1 || n == 1 && !strings.Contains(strings.ReplaceAll(c.Text, " ", ""), "{{1}}"):
			return invalidParam("The header may have at most one parameter, {{1}}."), true
		case n == 1 && (c.Example == nil || len(c.Example.HeaderText) != 1 || c.Example.HeaderText[0] == ""):
			return missingExample("the header parameter"), true
		}
	case "IMAGE", "VIDEO", "DOCUMENT":
		if c.Example == nil || len(c.Example.HeaderHandle) == 0 || c.Example.HeaderHandle[0] == "" {
			return missingExample("the " + strings.ToLower(c.Format) + " header (an upload handle)"), true
		}
		b := e.blobs[c.Example.HeaderHandle[0]]
		if b == nil || b.key != a.key {
			return invalidParam("header_handle is not a valid upload handle."), true
		}
		want := map[string]string{"IMAGE": "image/", "VIDEO": "video/", "DOCUMENT": "application/pdf"}[c.Format]
		if !strings.HasPrefix(b.mime, want) {
			return invalidParam(fmt.Sprintf("The sample file (%s) does not fit a %s header.", b.mime, c.Format)), true
		}
	case "LOCATION":
	default:
		return invalidParam(fmt.Sprintf("Unknown header format %q.", c.Format)), true
	}
	return graphErr{}, false
}

func checkFooter(c *component) (graphErr, bool) {
	n, _ := params(c.Text)
	switch {
	case strings.TrimSpace(c.Text) == "":
		return invalidParam("The footer text is required."), true
	case utf8.RuneCountInString(c.Text) > 60:
		return tooLong("The footer", 60), true
	case n > 0:
		return invalidParam("The footer cannot have parameters."), true
	}
	return graphErr{}, false
}

func checkButtons(c *component) (graphErr, bool) {
	if len(c.Buttons) == 0 || len(c.Buttons) > 10 {
		return invalidParam("BUTTONS needs 1 to 10 buttons."), true
	}
	count := map[string]int{}
	lastQR, groups := -2, 0
	for i := range c.Buttons {
		b := &c.Buttons[i]
		b.Type = strings.ToUpper(b.Type)
		count[b.Type]++
		if utf8.RuneCountInString(b.Text) == 0 {
			return invalidParam("Every button needs a text."), true
		}
		if utf8.RuneCountInString(b.Text) > 25 {
			return tooLong("Button text", 25), true
		}
		switch b.Type {
		case "QUICK_REPLY":
			if lastQR != i-1 {
				groups++
			}
			lastQR = i
		case "URL":
			n, _ := params(b.URL)
			switch {
			case !strings.HasPrefix(b.URL, "https://") && !strings.HasPrefix(b.URL, "http://"):
				return invalidParam("A URL button needs a web address starting with http:// or https://."), true
			case utf8.RuneCountInString(b.URL) > 2000:
				return tooLong("The button URL", 2000), true
			case n > 1 || n == 1 && !strings.HasSuffix(b.URL, "{{1}}"):
				return invalidParam("A URL button may have one parameter, {{1}}, at the end."), true
			case n == 1 && (len(b.Example) == 0 || b.Example[0] == ""):
				return missingExample("the URL button"), true
			}
		case "PHONE_NUMBER":
			if !phoneRE.MatchString(b.Phone) {
				return invalidParam("A phone button needs a number in international format."), true
			}
		case "COPY_CODE":
		default:
			return invalidParam(fmt.Sprintf("Unknown button type %q.", b.Type)), true
		}
	}
	switch {
	case count["URL"] > 2:
		return invalidParam("At most 2 URL buttons are allowed."), true
	case count["PHONE_NUMBER"] > 1:
		return invalidParam("At most 1 phone number button is allowed."), true
	case groups > 1:
		return invalidParam("Quick reply buttons must be next to each other."), true
	}
	return graphErr{}, false
}

func hasEmpty(list []string) bool {
	for _, s := range list {
		if strings.TrimSpace(s) == "" {
			return true
		}
	}
	return false
}
