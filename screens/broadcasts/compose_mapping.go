package broadcasts

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Where a variable's value comes from, as the choice names it; a CSV
// column is "Column “name”".
const (
	optionName   = "Contact's name"
	optionNumber = "Contact's number"
	optionFixed  = "Fixed text"
)

// columnOption names a CSV column among the choices.
func columnOption(column string) string { return "Column “" + column + "”" }

// mappingField is where one template variable's value comes from: a
// column of the file, the contact's name or number, or fixed text.
type mappingField struct {
	key      string // field key of the core's problems: app.FieldBroadcastValue + ".1"
	columns  []string
	source   *widget.Select
	text     *widget.Entry
	textNote *widget.Label
	problem  *widget.Label
	content  fyne.CanvasObject
}

// newMappingField builds the field of the variable label (such as
// "{{1}}") with its template sample; onChange runs after every change.
func newMappingField(key, label, sample string, onChange func()) *mappingField {
	m := &mappingField{key: key}
	m.source = &widget.Select{PlaceHolder: "Where the value comes from"}
	m.text = &widget.Entry{}
	m.textNote = &widget.Label{SizeName: theme.SizeNameCaptionText}
	m.problem = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}
	m.problem.Hide()
	m.source.OnChanged = func(string) {
		m.problem.Hide()
		m.showText()
		onChange()
	}
	m.text.OnChanged = func(string) {
		m.problem.Hide()
		onChange()
	}
	name := &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}
	var hint fyne.CanvasObject
	if sample != "" {
		hint = kit.NewMutedText("sample: "+sample, fyne.TextAlignTrailing, theme.SizeNameCaptionText)
	}
	m.content = container.NewVBox(container.NewBorder(nil, nil, name, hint), m.source, m.text, m.problem)
	m.showText()
	return m
}

// setColumns offers the file's columns (none for labels and recent
// customers), keeping the choice while it is still offered.
func (m *mappingField) setColumns(columns []string, numberColumn string) {
	m.columns = nil
	var opts []string
	for _, c := range columns {
		if c == numberColumn {
			continue
		}
		m.columns = append(m.columns, c)
		opts = append(opts, columnOption(c))
	}
	opts = append(opts, optionName, optionNumber, optionFixed)
	m.source.Options = opts
	keep := false
	for _, o := range opts {
		keep = keep || o == m.source.Selected
	}
	if !keep {
		m.source.Selected = ""
	}
	m.source.Refresh()
	m.showText()
}

// choose selects option without running onChange.
func (m *mappingField) choose(option string) {
	m.source.Selected = option
	m.source.Refresh()
	m.showText()
}

// showText shows the text entry where the source needs one: the fixed
// text, or the name to use when a contact's name is not known.
func (m *mappingField) showText() {
	switch m.source.Selected {
	case optionFixed:
		m.text.PlaceHolder = "The text everyone gets"
		m.text.Show()
	case optionName:
		m.text.PlaceHolder = "When the name is not known, e.g. “there”"
		m.text.Show()
	default:
		m.text.Hide()
	}
	m.text.Refresh()
}

// mapping is the variable's mapping as chosen.
func (m *mappingField) mapping() app.ValueMapping {
	switch sel := m.source.Selected; sel {
	case optionName:
		return app.ValueMapping{Source: app.ValueContactName, Text: m.text.Text}
	case optionNumber:
		return app.ValueMapping{Source: app.ValueContactPhone}
	case optionFixed:
		return app.ValueMapping{Source: app.ValueFixed, Text: m.text.Text}
	case "":
		return app.ValueMapping{}
	default:
		for _, c := range m.columns {
			if columnOption(c) == sel {
				return app.ValueMapping{Source: app.ValueColumn, Column: c}
			}
		}
	}
	return app.ValueMapping{}
}

// complete reports whether the variable has a source (and the fixed
// text is typed).
func (m *mappingField) complete() bool {
	switch m.source.Selected {
	case "":
		return false
	case optionFixed:
		return strings.TrimSpace(m.text.Text) != ""
	}
	return true
}

// showProblem puts the core's words under the field.
func (m *mappingField) showProblem(msg string) {
	m.problem.SetText(msg)
	m.problem.Show()
}

// defaultOption is the first guess for variable i (0 is {{1}}): how the
// template's own variables are bound, else the file's column of the same
// place, else nothing.
func defaultOption(t app.Template, i int, m *mappingField) string {
	if i < len(t.Variables) {
		switch t.Variables[i].Source {
		case app.VarContactName:
			return optionName
		case app.VarContactPhone:
			return optionNumber
		case app.VarFixed:
			if t.Variables[i].Value != "" {
				m.text.SetText(t.Variables[i].Value)
				return optionFixed
			}
		}
	}
	if i < len(m.columns) {
		return columnOption(m.columns[i])
	}
	return ""
}
