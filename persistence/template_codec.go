package persistence

import (
	"database/sql"

	"github.com/parley-app/parley/app"
)

// componentsJSON is the stored form of a template's header, body, footer
// and buttons.
type componentsJSON struct {
	Header       headerJSON   `json:"header"`
	Body         string       `json:"body"`
	BodyExamples []string     `json:"body_examples,omitempty"`
	Footer       string       `json:"footer,omitempty"`
	Buttons      []buttonJSON `json:"buttons,omitempty"`
}

type headerJSON struct {
	Format    string `json:"format,omitempty"`
	Text      string `json:"text,omitempty"`
	Example   string `json:"example,omitempty"`
	Media     []byte `json:"media,omitempty"` // base64 in JSON
	MediaName string `json:"media_name,omitempty"`
	MediaMIME string `json:"media_mime,omitempty"`
}

type buttonJSON struct {
	Type    string `json:"type"`
	Text    string `json:"text,omitempty"`
	URL     string `json:"url,omitempty"`
	Phone   string `json:"phone,omitempty"`
	Example string `json:"example,omitempty"`
}

type variableJSON struct {
	Source string `json:"source,omitempty"`
	Value  string `json:"value,omitempty"`
}

// encodeComponents encodes the content of t.
func encodeComponents(t app.Template) (any, error) {
	h := t.Header
	c := componentsJSON{
		Header: headerJSON{Format: h.Format, Text: h.Text, Example: h.Example, Media: h.Media,
			MediaName: h.MediaName, MediaMIME: h.MediaMIME},
		Body:         t.Body,
		BodyExamples: t.BodyExamples,
		Footer:       t.Footer,
	}
	for _, b := range t.Buttons {
		c.Buttons = append(c.Buttons, buttonJSON{Type: b.Type, Text: b.Text, URL: b.URL, Phone: b.Phone, Example: b.Example})
	}
	return jsonValue(c, false)
}

// encodeVariables encodes the dynamic-variable bindings of t.
func encodeVariables(vs []app.Variable) (any, error) {
	js := make([]variableJSON, len(vs))
	for i, v := range vs {
		js[i] = variableJSON{Source: string(v.Source), Value: v.Value}
	}
	return jsonValue(js, false)
}

// decodeTemplateParts fills the content and bindings of t.
func decodeTemplateParts(t *app.Template, components, variables sql.NullString) error {
	var c componentsJSON
	if err := jsonInto(components, &c); err != nil {
		return err
	}
	h := c.Header
	t.Header = app.TemplateHeader{Format: h.Format, Text: h.Text, Example: h.Example, Media: h.Media,
		MediaName: h.MediaName, MediaMIME: h.MediaMIME}
	t.Body = c.Body
	t.BodyExamples = c.BodyExamples
	t.Footer = c.Footer
	for _, b := range c.Buttons {
		t.Buttons = append(t.Buttons, app.TemplateButton{Type: b.Type, Text: b.Text, URL: b.URL, Phone: b.Phone, Example: b.Example})
	}
	var vs []variableJSON
	if err := jsonInto(variables, &vs); err != nil {
		return err
	}
	for _, v := range vs {
		t.Variables = append(t.Variables, app.Variable{Source: app.VariableSource(v.Source), Value: v.Value})
	}
	return nil
}
