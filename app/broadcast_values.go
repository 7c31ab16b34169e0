package app

import (
	"strings"

	"github.com/parley-app/parley/app/waformat"
)

// Field keys of a broadcast draft.
const (
	FieldBroadcastFile     = "broadcast.file"     // the CSV file
	FieldBroadcastAudience = "broadcast.audience" // no recipients
	FieldBroadcastTemplate = "broadcast.template"
	FieldBroadcastValue    = "broadcast.value" // with ".n" for body variable n, ".header", ".url"
	FieldBroadcastStart    = "broadcast.start"
	FieldBroadcastTest     = "broadcast.test" // the owner's own number
)

// broadcastValues fills the template's values for one recipient.
func broadcastValues(d BroadcastDraft, r Recipient) TemplateValues {
	v := TemplateValues{Body: make([]string, len(waformat.Params(d.Template.Body))), HeaderFile: d.HeaderFile}
	for i := range v.Body {
		if i < len(d.Body) {
			v.Body[i] = d.Body[i].valueFor(r)
		}
	}
	if len(waformat.Params(d.Template.Header.Text)) > 0 {
		v.HeaderText = d.HeaderText.valueFor(r)
	}
	for _, b := range d.Template.Buttons {
		if b.Type == ButtonURL && strings.Contains(b.URL, "{{1}}") {
			v.URLParam = d.URLParam.valueFor(r)
		}
	}
	return v
}

// valueFor is the mapping's value for recipient r ("" when it has none).
func (m ValueMapping) valueFor(r Recipient) string {
	switch m.Source {
	case ValueColumn:
		return strings.TrimSpace(r.Columns[m.Column])
	case ValueContactName:
		if r.Name != "" {
			return r.Name
		}
		return m.Text
	case ValueContactPhone:
		return FormatPhone("+" + r.WAID)
	case ValueFixed:
		return m.Text
	}
	return ""
}
