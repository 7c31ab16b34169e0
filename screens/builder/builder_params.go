package builder

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Keys of the parameters that need a sample value; body parameters use
// bodyParamKey.
const (
	paramHeader = "header"
	paramURL    = "url"
)

// bodyParamKey is the key of body parameter {{n}}.
func bodyParamKey(n int) string { return fmt.Sprintf("body.%d", n) }

// variableField is the field key of the fixed text of body parameter
// {{n}}; the builder checks it itself.
func variableField(n int) string { return fmt.Sprintf("variable.%d", n) }

// variableSources are the ways a body parameter can be filled when the
// template is sent, as the owner reads them.
var variableSources = []struct {
	source app.VariableSource
	label  string
}{
	{app.VarTyped, "Typed when sending"},
	{app.VarContactName, "Contact's name"},
	{app.VarContactPhone, "Contact's phone number"},
	{app.VarFixed, "Fixed text"},
}

func variableLabel(s app.VariableSource) string {
	for _, v := range variableSources {
		if v.source == s {
			return v.label
		}
	}
	return variableSources[0].label
}

func variableSource(label string) app.VariableSource {
	for _, v := range variableSources {
		if v.label == label {
			return v.source
		}
	}
	return app.VarTyped
}

// paramRow is one parameter of the template: its sample value and, for a
// body parameter, how Parley fills it when the template is sent.
type paramRow struct {
	key        string
	n          int // the body parameter's number; 0 for the header and web address
	sample     *widget.Entry
	sampleNote *formNote

	source    *widget.Select // body parameters only
	fixed     *widget.Entry
	fixedNote *formNote

	content fyne.CanvasObject
}

// paramsSection is the card listing exactly the parameters the template
// holds (the header's {{1}}, each {{n}} of the message, the web address's
// {{1}}). Rows are kept while a parameter is gone, so its sample comes
// back when the parameter does.
type paramsSection struct {
	rows    map[string]*paramRow
	present []string // keys shown, in order
	box     *fyne.Container
	empty   *widget.RichText
	content fyne.CanvasObject
	changed func()
}

func newParamsSection(changed func()) *paramsSection {
	s := &paramsSection{rows: map[string]*paramRow{}, changed: changed, box: container.NewVBox()}
	s.empty = newBuilderHint("The message has no parameters yet. Use \u201cAdd parameter\u201d above to add {{1}}, for example for the customer's name.")
	s.content = newBuilderSection("Sample values and variables",
		"WhatsApp's reviewers see the samples in place of the parameters, so use realistic examples. "+
			"For each parameter of the message, also choose what Parley fills in when you send the template.",
		s.empty, s.box)
	return s
}

// setPresent shows the rows of keys, in that order.
func (s *paramsSection) setPresent(keys []string) {
	if slices.Equal(keys, s.present) {
		return
	}
	s.present = keys
	objs := make([]fyne.CanvasObject, 0, 2*len(keys))
	for i, k := range keys {
		if i > 0 {
			objs = append(objs, widget.NewSeparator())
		}
		objs = append(objs, s.row(k).content)
	}
	s.box.Objects = objs
	s.box.Refresh()
	if len(keys) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

// row returns the row of key, making it on first use.
func (s *paramsSection) row(key string) *paramRow {
	if r, ok := s.rows[key]; ok {
		return r
	}
	r := &paramRow{key: key, sampleNote: newFormNote(), fixedNote: newFormNote()}
	fmt.Sscanf(key, "body.%d", &r.n)
	r.sample = &widget.Entry{PlaceHolder: samplePlaceholder(key), OnChanged: func(string) {
		r.sampleNote.touched = true
		s.changed()
	}}
	cells := []fyne.CanvasObject{
		paramLabel("Sample"), container.NewVBox(r.sample, tuckUnder(r.sampleNote.label)),
	}
	if r.n > 0 {
		r.fixed = &widget.Entry{PlaceHolder: "The text to use every time", OnChanged: func(string) {
			r.fixedNote.touched = true
			s.changed()
		}}
		fixed := container.NewVBox(r.fixed, tuckUnder(r.fixedNote.label))
		fixed.Hide()
		labels := make([]string, len(variableSources))
		for i, v := range variableSources {
			labels[i] = v.label
		}
		r.source = &widget.Select{Options: labels, Selected: labels[0], OnChanged: func(label string) {
			fixed.Hidden = variableSource(label) != app.VarFixed
			fixed.Refresh()
			s.changed()
		}}
		cells = append(cells, paramLabel("When sending"), container.NewVBox(r.source, fixed))
	}
	r.content = container.New(layout.NewCustomPaddedLayout(4, 4, 0, 0), container.NewVBox(
		&widget.Label{Text: paramTitle(key), TextStyle: fyne.TextStyle{Bold: true}},
		container.New(layout.NewFormLayout(), cells...)))
	s.rows[key] = r
	return r
}

// paramLabelWidth is the width of the labels in front of a parameter's
// fields, the same in every row so the fields line up.
const paramLabelWidth = 120

func paramLabel(text string) fyne.CanvasObject {
	return atLeast(fyne.NewSize(paramLabelWidth, 0), &widget.Label{Text: text})
}

// paramTitle says where a parameter is.
func paramTitle(key string) string {
	switch key {
	case paramHeader:
		return "{{1}} in the header"
	case paramURL:
		return "{{1}} at the end of the web address"
	}
	return "{{" + strings.TrimPrefix(key, "body.") + "}} in the message"
}

func samplePlaceholder(key string) string {
	switch key {
	case paramHeader:
		return "for example #1043"
	case paramURL:
		return "for example 1043"
	}
	return "for example Anna"
}

// sample returns the sample value typed for key.
func (s *paramsSection) sample(key string) string {
	if r, ok := s.rows[key]; ok {
		return r.sample.Text
	}
	return ""
}

// variables returns how the body parameters 1…most are filled, index 0
// being {{1}}; nil when every one is typed when sending.
func (s *paramsSection) variables(most int) []app.Variable {
	vs := make([]app.Variable, most)
	last := 0
	for n := 1; n <= most; n++ {
		key := bodyParamKey(n)
		r, ok := s.rows[key]
		if !ok || !slices.Contains(s.present, key) {
			continue
		}
		vs[n-1].Source = variableSource(r.source.Selected)
		if vs[n-1].Source == app.VarFixed {
			vs[n-1].Value = r.fixed.Text
		}
		if vs[n-1].Source != app.VarTyped {
			last = n
		}
	}
	if last == 0 {
		return nil
	}
	return vs[:last]
}

// fill shows a template's samples and variables.
func (s *paramsSection) fill(t app.Template) {
	if t.Header.Format == app.HeaderText {
		s.row(paramHeader).sample.SetText(t.Header.Example)
	}
	for i, ex := range t.BodyExamples {
		s.row(bodyParamKey(i + 1)).sample.SetText(ex)
	}
	for i, v := range t.Variables {
		r := s.row(bodyParamKey(i + 1))
		r.fixed.SetText(v.Value)
		r.source.SetSelected(variableLabel(v.Source))
	}
	for _, b := range t.Buttons {
		if b.Type == app.ButtonURL {
			s.row(paramURL).sample.SetText(b.Example)
		}
	}
}

// problems returns what the builder checks itself: a fixed text must be
// given.
func (s *paramsSection) problems() app.ValidationErrors {
	var errs app.ValidationErrors
	for _, key := range s.present {
		r := s.rows[key]
		if r.n > 0 && variableSource(r.source.Selected) == app.VarFixed && strings.TrimSpace(r.fixed.Text) == "" {
			errs = append(errs, app.FieldError{Field: variableField(r.n),
				Message: fmt.Sprintf("Type the text to use for {{%d}}, or choose another way to fill it.", r.n)})
		}
	}
	return errs
}

// showProblems puts each problem under its field. urlButton is the index
// of the website button among the template's buttons.
func (s *paramsSection) showProblems(errs app.ValidationErrors, urlButton int, all bool) {
	for _, key := range s.present {
		r := s.rows[key]
		var field string
		switch key {
		case paramHeader:
			field = app.FieldTemplateHeaderExample
		case paramURL:
			field = app.TemplateButtonField(urlButton, app.ButtonPartExample)
		default:
			field = app.TemplateBodyExampleField(r.n)
			r.fixedNote.show(errs.For(variableField(r.n)), all)
		}
		r.sampleNote.show(errs.For(field), all)
	}
}

// notes lists the notes of the rows shown, in order.
func (s *paramsSection) notes() []*formNote {
	var out []*formNote
	for _, key := range s.present {
		out = append(out, s.rows[key].sampleNote, s.rows[key].fixedNote)
	}
	return out
}
