package dialog360

import (
	"encoding/json"
	"regexp"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
)

// templateWire is a message template as /v1/configs/templates spells it
// (360dialog-api.md §4).
type templateWire struct {
	ID             flexString      `json:"id,omitempty"`
	Name           string          `json:"name"`
	Language       string          `json:"language"`
	Category       string          `json:"category"`
	Status         string          `json:"status,omitempty"`
	RejectedReason string          `json:"rejected_reason,omitempty"`
	ModifiedAt     string          `json:"modified_at,omitempty"`
	Components     []componentWire `json:"components"`
}

// componentWire is one HEADER, BODY, FOOTER or BUTTONS component.
type componentWire struct {
	Type    string       `json:"type"`
	Format  string       `json:"format,omitempty"`
	Text    string       `json:"text,omitempty"`
	Example *exampleWire `json:"example,omitempty"`
	Buttons []buttonWire `json:"buttons,omitempty"`
}

// exampleWire holds the sample values reviewers see.
type exampleWire struct {
	HeaderText   []string   `json:"header_text,omitempty"`
	HeaderHandle []string   `json:"header_handle,omitempty"`
	BodyText     [][]string `json:"body_text,omitempty"`
}

// buttonWire is one template button.
type buttonWire struct {
	Type    string      `json:"type"`
	Text    string      `json:"text"`
	URL     string      `json:"url,omitempty"`
	Phone   string      `json:"phone_number,omitempty"`
	Example flexStrings `json:"example,omitempty"`
}

// flexString decodes a JSON string or number into a string.
type flexString string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexString) UnmarshalJSON(b []byte) error {
	var s string
	if json.Unmarshal(b, &s) == nil {
		*f = flexString(s)
		return nil
	}
	var n json.Number
	if err := json.Unmarshal(b, &n); err != nil {
		*f = ""
		return nil
	}
	*f = flexString(n.String())
	return nil
}

// flexStrings decodes a JSON string or list of strings.
type flexStrings []string

// UnmarshalJSON implements json.Unmarshaler.
func (f *flexStrings) UnmarshalJSON(b []byte) error {
	var list []string
	if json.Unmarshal(b, &list) == nil {
		*f = list
		return nil
	}
	var s string
	if json.Unmarshal(b, &s) == nil && s != "" {
		*f = []string{s}
		return nil
	}
	*f = nil
	return nil
}

var placeholder = regexp.MustCompile(`\{\{\s*\d+\s*\}\}`)

// hasParams reports whether text holds a {{n}} parameter.
func hasParams(text string) bool { return placeholder.MatchString(text) }

// templateFromWire maps an API template onto Parley's.
func templateFromWire(w templateWire) app.Template {
	t := app.Template{
		ID:       string(w.ID),
		Name:     w.Name,
		Language: w.Language,
		Category: strings.ToUpper(w.Category),
		Status:   templateStatus(w.Status),
	}
	if t.Status == app.TemplateRejected {
		t.RejectedReason = rejectedReason(w.RejectedReason)
	}
	if ts, err := time.Parse(time.RFC3339, w.ModifiedAt); err == nil {
		t.ModifiedAt = ts
	}
	for _, c := range w.Components {
		ex := c.Example
		if ex == nil {
			ex = &exampleWire{}
		}
		switch strings.ToUpper(c.Type) {
		case "HEADER":
			t.Header.Format = strings.ToUpper(c.Format)
			t.Header.Text = c.Text
			if t.Header.Format == app.HeaderText {
				t.Header.Example = first(ex.HeaderText)
			} else {
				t.Header.Example = first(ex.HeaderHandle)
			}
		case "BODY":
			t.Body = c.Text
			if len(ex.BodyText) > 0 {
				t.BodyExamples = ex.BodyText[0]
			}
		case "FOOTER":
			t.Footer = c.Text
		case "BUTTONS":
			for _, b := range c.Buttons {
				t.Buttons = append(t.Buttons, app.TemplateButton{
					Type:    strings.ToUpper(b.Type),
					Text:    b.Text,
					URL:     b.URL,
					Phone:   b.Phone,
					Example: urlParamFromExample(b.URL, first(b.Example)),
				})
			}
		}
	}
	return t
}

// templateToWire builds the create request of t. A media header must
// already carry its upload handle in Header.Example.
func templateToWire(t app.Template) templateWire {
	w := templateWire{Name: t.Name, Language: t.Language, Category: strings.ToUpper(t.Category)}
	switch h := t.Header; h.Format {
	case app.HeaderNone:
	case app.HeaderText:
		c := componentWire{Type: "HEADER", Format: app.HeaderText, Text: h.Text}
		if hasParams(h.Text) && h.Example != "" {
			c.Example = &exampleWire{HeaderText: []string{h.Example}}
		}
		w.Components = append(w.Components, c)
	default:
		c := componentWire{Type: "HEADER", Format: strings.ToUpper(h.Format)}
		if h.Example != "" {
			c.Example = &exampleWire{HeaderHandle: []string{h.Example}}
		}
		w.Components = append(w.Components, c)
	}
	body := componentWire{Type: "BODY", Text: t.Body}
	if hasParams(t.Body) && len(t.BodyExamples) > 0 {
		body.Example = &exampleWire{BodyText: [][]string{t.BodyExamples}}
	}
	w.Components = append(w.Components, body)
	if t.Footer != "" {
		w.Components = append(w.Components, componentWire{Type: "FOOTER", Text: t.Footer})
	}
	if len(t.Buttons) > 0 {
		c := componentWire{Type: "BUTTONS"}
		for _, b := range t.Buttons {
			bw := buttonWire{Type: strings.ToUpper(b.Type), Text: b.Text}
			switch bw.Type {
			case app.ButtonURL:
				bw.URL = b.URL
				if hasParams(b.URL) && b.Example != "" {
					bw.Example = flexStrings{urlExample(b.URL, b.Example)}
				}
			case app.ButtonPhone:
				bw.Phone = b.Phone
			}
			c.Buttons = append(c.Buttons, bw)
		}
		w.Components = append(w.Components, c)
	}
	return w
}

// urlExample is the full sample URL WhatsApp wants for a URL button: the
// button's URL with its parameter replaced by the sample value.
func urlExample(u, param string) string {
	if strings.HasPrefix(param, "http://") || strings.HasPrefix(param, "https://") {
		return param
	}
	loc := placeholder.FindStringIndex(u)
	return u[:loc[0]] + param + u[loc[1]:]
}

// urlParamFromExample reverses urlExample: it returns only the parameter
// part of a full sample URL.
func urlParamFromExample(u, example string) string {
	loc := placeholder.FindStringIndex(u)
	if loc == nil || example == "" {
		return example
	}
	prefix, suffix := u[:loc[0]], u[loc[1]:]
	if strings.HasPrefix(example, prefix) && strings.HasSuffix(example[len(prefix):], suffix) {
		return strings.TrimSuffix(example[len(prefix):], suffix)
	}
	return example
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
