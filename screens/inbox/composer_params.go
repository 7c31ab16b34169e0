package inbox

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
	"github.com/parley-app/parley/screens/kit"
)

// paramField is the entry of one template parameter.
type paramField struct {
	key     string // field key of the core's validation errors
	source  app.VariableSource
	initial string // the pre-filled value; the owner has not edited while equal
	entry   *widget.Entry
	hint    *widget.RichText
	problem *widget.Label
}

// paramForm holds one entry per parameter of the chosen template: body
// parameters, a text header's parameter and the end of a URL button.
type paramForm struct {
	onChange func()
	onShown  func()
	// onChooseFile opens the file dialog of a media header's file field.
	onChooseFile func()

	fields  []*paramField
	body    int // how many of fields are body parameters
	header  *paramField
	url     *paramField
	file    *headerFileField // a photo, video or document header's file
	content *fyne.Container
}

func newParamForm(onChange func()) *paramForm {
	return &paramForm{onChange: onChange, content: container.NewVBox()}
}

// set shows the parameters of t filled with v; cv (maybe without a name
// or number) says where dynamic values came from.
func (f *paramForm) set(t app.Template, v app.TemplateValues, cv app.Conversation) {
	f.fields, f.header, f.url, f.file = nil, nil, nil, nil
	objs := []fyne.CanvasObject{&widget.Label{Text: "Values", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}}
	hasFile := app.HeaderFileLabel(t.Header.Format) != ""
	if len(v.Body) == 0 && !hasHeaderParam(t) && !hasURLParam(t) && !hasFile {
		objs = append(objs, kit.NewMutedText("This template has no values to fill in. Check the preview and send it.", fyne.TextAlignLeading, theme.SizeNameText))
	}
	if hasFile {
		f.file = newHeaderFileField(t.Header.Format, func() {
			if f.onChooseFile != nil {
				f.onChooseFile()
			}
		})
		objs = append(objs, f.file.content)
	}
	if hasHeaderParam(t) {
		f.header = f.addField(fmt.Sprintf("%s.header", app.FieldTemplateParam), "", v.HeaderText, t.Header.Example)
		objs = append(objs, f.row("Header {{1}}", f.header))
	}
	for i, val := range v.Body {
		var bound app.Variable
		if i < len(t.Variables) {
			bound = t.Variables[i]
		}
		sample := ""
		if i < len(t.BodyExamples) {
			sample = t.BodyExamples[i]
		}
		fld := f.addField(fmt.Sprintf("%s.%d", app.FieldTemplateParam, i+1), bound.Source, val, sample)
		fld.hint.Segments[0].(*widget.TextSegment).Text = paramHint(bound, val, sample, cv)
		objs = append(objs, f.row(fmt.Sprintf("{{%d}}", i+1), fld))
	}
	f.body = len(v.Body)
	if hasURLParam(t) {
		f.url = f.addField(app.FieldTemplateParam+".url", "", v.URLParam, "")
		objs = append(objs, f.row("End of the button's link", f.url))
	}
	f.content.Objects = objs
	f.content.Refresh()
	if f.onShown != nil {
		f.onShown()
	}
}

func (f *paramForm) addField(key string, src app.VariableSource, value, sample string) *paramField {
	fld := &paramField{key: key, source: src, initial: value,
		hint:    kit.NewMutedText(sampleHint(value, sample), fyne.TextAlignTrailing, theme.SizeNameCaptionText),
		problem: &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText}}
	fld.entry = &widget.Entry{Text: value, PlaceHolder: "Type a value"}
	fld.entry.OnChanged = func(string) {
		fld.problem.Hide()
		f.onChange()
	}
	fld.problem.Hide()
	f.fields = append(f.fields, fld)
	return fld
}

// row lays out one parameter: its name and where the value came from,
// the entry, and the problem under it.
func (f *paramForm) row(label string, fld *paramField) fyne.CanvasObject {
	name := &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}
	return container.NewVBox(container.NewBorder(nil, nil, name, nil, fld.hint), fld.entry, fld.problem,
		layout.NewSpacer())
}

// paramHint says where a body parameter's value came from.
func paramHint(bound app.Variable, value, sample string, cv app.Conversation) string {
	switch {
	case bound.Source == app.VarContactName && cv.ContactName != "" && value == cv.ContactName:
		return "from the contact's name"
	case bound.Source == app.VarContactPhone && cv.WAID != "" && value == conversationNumber(cv):
		return "from the contact's number"
	case bound.Source == app.VarFixed && value == bound.Value:
		return "fixed text"
	}
	return sampleHint(value, sample)
}

// sampleHint marks a value that is still the template's sample.
func sampleHint(value, sample string) string {
	if value != "" && value == sample {
		return "sample value: check it"
	}
	return ""
}

// refreshNumber fills parameters bound to the contact's number, unless
// the owner changed them, once a number is typed.
func (f *paramForm) refreshNumber(cv app.Conversation) {
	if cv.WAID == "" {
		return
	}
	for _, fld := range f.fields {
		if fld.source != app.VarContactPhone || fld.entry.Text != fld.initial {
			continue
		}
		fld.initial = conversationNumber(cv)
		fld.entry.SetText(fld.initial)
		fld.hint.Segments[0].(*widget.TextSegment).Text = "from the contact's number"
		fld.hint.Refresh()
	}
}

// values returns what the owner typed.
func (f *paramForm) values() app.TemplateValues {
	var v app.TemplateValues
	v.Body = make([]string, 0, f.body)
	for _, fld := range f.fields {
		switch fld {
		case f.header:
			v.HeaderText = fld.entry.Text
		case f.url:
			v.URLParam = fld.entry.Text
		default:
			v.Body = append(v.Body, fld.entry.Text)
		}
	}
	if f.file != nil {
		v.HeaderFile = f.file.path
	}
	return v
}

// complete reports whether every parameter has a value.
func (f *paramForm) complete() bool {
	for _, fld := range f.fields {
		if strings.TrimSpace(fld.entry.Text) == "" {
			return false
		}
	}
	return true
}

// showErrors puts the core's field problems under their entries and
// returns the problems that belong to no entry.
func (f *paramForm) showErrors(ve app.ValidationErrors) []string {
	var rest []string
	for _, e := range ve {
		placed := false
		if e.Field == app.FieldTemplateHeaderFile && f.file != nil {
			f.file.showProblem(e.Message)
			placed = true
		}
		for _, fld := range f.fields {
			if fld.key == e.Field {
				fld.problem.SetText(e.Message)
				fld.problem.Show()
				placed = true
			}
		}
		if !placed {
			rest = append(rest, e.Message)
		}
	}
	return rest
}

func hasHeaderParam(t app.Template) bool {
	return t.Header.Format == app.HeaderText && len(waformat.Params(t.Header.Text)) > 0
}

func hasURLParam(t app.Template) bool {
	for _, b := range t.Buttons {
		if b.Type == app.ButtonURL && strings.Contains(b.URL, "{{1}}") {
			return true
		}
	}
	return false
}

// filledTemplate is t with the values in place of its samples, for the
// preview.
func filledTemplate(t app.Template, v app.TemplateValues) app.Template {
	t.BodyExamples = v.Body
	if hasHeaderParam(t) {
		t.Header.Example = v.HeaderText
	}
	buttons := append([]app.TemplateButton(nil), t.Buttons...)
	for i := range buttons {
		if buttons[i].Type == app.ButtonURL && strings.Contains(buttons[i].URL, "{{1}}") {
			buttons[i].Example = v.URLParam
		}
	}
	t.Buttons = buttons
	return t
}
