package broadcasts

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// Texts of the compose step.
const (
	textNoApproved = "This number has no approved template yet. A broadcast sends only templates WhatsApp has approved: " +
		"create or sync them under Channels → Templates."
	textCategory = "WhatsApp charges per message by category."
)

// composeStep is step 2: the approved template, where each of its values
// comes from, the header's file, a live preview for any recipient and a
// test to the owner's own number.
type composeStep struct {
	w *wizard

	// Owned by the UI goroutine.
	approved    []app.Template
	template    *app.Template
	audience    app.Audience
	body        []*mappingField
	header      *mappingField
	url         *mappingField
	headerFile  string
	headerPhoto []byte // the header's photo, read for the preview
	shownIndex  int    // the recipient the preview shows

	name         *widget.Entry
	picker       *widget.Select
	templateNote *kit.FieldNote
	values       *fyne.Container
	fileBox      fyne.CanvasObject
	fileName     *widget.Label
	fileNote     *kit.FieldNote
	preview      *widgets.TemplatePreview
	noPreview    *widget.RichText // stands in for the preview until a template is chosen
	who          *widget.Label
	prevBtn      *widget.Button
	nextBtn      *widget.Button
	testNumber   *widget.Entry
	testNote     *kit.FieldNote
	testBtn      *widget.Button
	formScroll   *container.Scroll // lays the form out again as it grows
	content      fyne.CanvasObject
}

func newComposeStep(w *wizard) *composeStep {
	c := &composeStep{w: w}
	c.name = &widget.Entry{PlaceHolder: "Sunday opening (only you see this name)"}
	c.picker = &widget.Select{PlaceHolder: "Choose an approved template", OnChanged: c.onTemplate}
	c.templateNote = kit.NewFieldNote("")
	c.values = container.NewVBox()
	c.fileName = &widget.Label{Text: "No file chosen", Truncation: fyne.TextTruncateEllipsis}
	c.fileNote = kit.NewFieldNote("Uploaded once and sent to everyone.")
	c.fileBox = container.NewVBox(
		&widget.Label{Text: "Header file", TextStyle: fyne.TextStyle{Bold: true}},
		container.NewBorder(nil, nil, nil, &widget.Button{Text: "Choose…", Icon: theme.FolderOpenIcon(), OnTapped: c.onChooseFile}, c.fileName),
		c.fileNote.Content())
	c.fileBox.Hide()
	c.preview = widgets.NewTemplatePreview(app.Template{})
	c.preview.Now = w.env.core.Now
	c.preview.Hide()
	c.who = &widget.Label{Alignment: fyne.TextAlignCenter, Truncation: fyne.TextTruncateEllipsis}
	c.prevBtn = &widget.Button{Text: "‹", OnTapped: func() { c.step(-1) }}
	c.nextBtn = &widget.Button{Text: "›", OnTapped: func() { c.step(1) }}
	c.testNumber = &widget.Entry{PlaceHolder: "+49 170 1234567", Text: testNumberPref()}
	c.testNumber.OnChanged = func(string) { c.testNote.SetProblem("") }
	c.testNote = kit.NewFieldNote("Your own WhatsApp number: the message goes there with the first customer's values, so you see it as they will.")
	c.testBtn = &widget.Button{Text: "Send a test to my number", Icon: theme.MailSendIcon(), OnTapped: c.onTest}

	form := container.NewVBox(
		kit.NewFormField("Name of the broadcast", c.name, nil),
		kit.NewFormField("Template", c.picker, c.templateNote),
		c.fileBox,
		c.values,
		widget.NewSeparator(),
		kit.NewFormField("Test", container.NewBorder(nil, nil, nil, c.testBtn, c.testNumber), c.testNote),
	)
	stepper := container.NewBorder(nil, nil, c.prevBtn, c.nextBtn, c.who)
	c.noPreview = kit.NewMutedText("Choose a template to see the message\nas each customer gets it.", fyne.TextAlignCenter, theme.SizeNameText)
	right := container.NewBorder(stepper, nil, nil, nil, container.NewStack(container.NewCenter(c.noPreview), container.NewVScroll(c.preview)))
	// Both ways, so long template names never widen the window.
	c.formScroll = container.NewScroll(form)
	c.content = container.NewBorder(nil, nil, nil, withWidth(right, 360), c.formScroll)
	c.showRecipient()
	return c
}

// load reads the channel's templates and offers the approved ones.
func (c *composeStep) load() {
	core, id := c.w.env.core, c.w.env.ch.ID
	kit.Load(c.w.env.Run, c.w.ctx, func(ctx context.Context) (app.TemplateList, error) {
		return core.Templates(ctx, id)
	}, func(list app.TemplateList, err error) {
		if err != nil {
			slog.Error("templates for a broadcast", "channel", id, "err", err)
			c.templateNote.SetProblem("Parley could not read this number's templates. " + app.Explain(err))
			return
		}
		c.approved = c.approved[:0]
		var opts []string
		for _, t := range list.Templates {
			if t.Status == app.TemplateApproved && t.Category != app.CategoryAuthentication {
				c.approved = append(c.approved, t)
				opts = append(opts, templateOption(t))
			}
		}
		c.picker.Options = opts
		c.picker.Refresh()
		if len(c.approved) == 0 {
			c.templateNote.SetProblem(textNoApproved)
			c.picker.Disable()
		}
	})
}

// templateOption names a template among the choices:
// "order_ready (en_US) · Utility".
func templateOption(t app.Template) string {
	return t.Name + " (" + t.Language + ")  ·  " + categoryLabel(t.Category)
}

// onTemplate shows the chosen template's values and preview.
func (c *composeStep) onTemplate(option string) {
	c.templateNote.SetProblem("")
	oldFormat := ""
	if c.template != nil {
		oldFormat = c.template.Header.Format
	}
	for i := range c.approved {
		if templateOption(c.approved[i]) == option {
			t := c.approved[i]
			c.template = &t
		}
	}
	if c.template == nil {
		return
	}
	if c.template.Header.Format != oldFormat { // a file for another kind of header does not fit
		c.headerFile, c.headerPhoto = "", nil
		c.fileName.SetText("No file chosen")
	}
	c.templateNote.SetHint(categoryLabel(c.template.Category) + " template. " + textCategory)
	c.buildValues()
	c.changed()
}

// buildValues makes one field per variable of the template: the text
// header's, the body's and the URL button's.
func (c *composeStep) buildValues() {
	t := *c.template
	c.body, c.header, c.url = nil, nil, nil
	objs := []fyne.CanvasObject{}
	if len(waformat.Params(t.Header.Text)) > 0 && t.Header.Format == app.HeaderText {
		c.header = newMappingField(app.FieldBroadcastValue+".header", "Header {{1}}", t.Header.Example, c.changed)
		objs = append(objs, c.header.content)
	}
	for i := range waformat.Params(t.Body) {
		sample := ""
		if i < len(t.BodyExamples) {
			sample = t.BodyExamples[i]
		}
		m := newMappingField(fmt.Sprintf("%s.%d", app.FieldBroadcastValue, i+1), fmt.Sprintf("{{%d}}", i+1), sample, c.changed)
		c.body = append(c.body, m)
		objs = append(objs, m.content)
	}
	for _, b := range t.Buttons {
		if b.Type == app.ButtonURL && strings.Contains(b.URL, "{{1}}") {
			c.url = newMappingField(app.FieldBroadcastValue+".url", "End of the button's link", b.Example, c.changed)
			objs = append(objs, c.url.content)
		}
	}
	if len(objs) > 0 {
		objs = append([]fyne.CanvasObject{&widget.Label{Text: "Values", TextStyle: fyne.TextStyle{Bold: true}},
			kit.NewMutedText("Where each value of the message comes from, for each customer.", fyne.TextAlignLeading, theme.SizeNameCaptionText)}, objs...)
	}
	c.values.Objects = objs
	c.values.Refresh()
	for i, m := range c.fields() {
		m.setColumns(c.audience.Columns, c.audience.NumberColumn)
		if m == c.header || m == c.url {
			continue
		}
		m.choose(defaultOption(t, i-c.headerOffset(), m))
	}
	if app.HeaderFileLabel(t.Header.Format) != "" {
		c.fileBox.Show()
	} else {
		c.fileBox.Hide()
	}
	c.formScroll.Refresh()
}

// headerOffset is 1 when the first field is the header's.
func (c *composeStep) headerOffset() int {
	if c.header != nil {
		return 1
	}
	return 0
}

// fields are every variable's field, in order.
func (c *composeStep) fields() []*mappingField {
	var out []*mappingField
	if c.header != nil {
		out = append(out, c.header)
	}
	out = append(out, c.body...)
	if c.url != nil {
		out = append(out, c.url)
	}
	return out
}

// setAudience offers the audience's columns and recipients.
func (c *composeStep) setAudience(aud app.Audience) {
	c.audience = aud
	for _, m := range c.fields() {
		m.setColumns(aud.Columns, aud.NumberColumn)
	}
	if c.shownIndex >= len(aud.Recipients) {
		c.shownIndex = 0
	}
	c.showRecipient()
}

// shown runs when the step comes on screen.
func (c *composeStep) shown() { c.showRecipient() }

// changed redraws the preview after any change.
func (c *composeStep) changed() {
	c.showRecipient()
	c.w.updateButtons()
}

// ready reports whether a template is chosen and every value has a
// source; the core checks the rest.
func (c *composeStep) ready() bool {
	if c.template == nil {
		return false
	}
	for _, m := range c.fields() {
		if !m.complete() {
			return false
		}
	}
	return app.HeaderFileLabel(c.template.Header.Format) == "" || c.headerFile != ""
}

// fill puts the template, mappings and file into d.
func (c *composeStep) fill(d *app.BroadcastDraft) {
	d.Name = strings.TrimSpace(c.name.Text)
	if c.template == nil {
		return
	}
	d.Template = *c.template
	d.Body = make([]app.ValueMapping, len(c.body))
	for i, m := range c.body {
		d.Body[i] = m.mapping()
	}
	if c.header != nil {
		d.HeaderText = c.header.mapping()
	}
	if c.url != nil {
		d.URLParam = c.url.mapping()
	}
	d.HeaderFile = c.headerFile
}

// showProblem puts a problem of the message under its field; false when
// it is not the message's.
func (c *composeStep) showProblem(fe app.FieldError) bool {
	switch {
	case fe.Field == app.FieldBroadcastTemplate:
		c.templateNote.SetProblem(fe.UnderField())
		return true
	case fe.Field == app.FieldBroadcastTest:
		c.testNote.SetProblem(fe.UnderField())
		return true
	case fe.Field == app.FieldTemplateHeaderFile || fe.Field == app.FieldBroadcastValue+".file":
		c.fileNote.SetProblem(fe.UnderField())
		return true
	}
	for _, m := range c.fields() {
		if m.key == fe.Field {
			m.showProblem(fe.UnderField())
			return true
		}
	}
	return false
}

func (c *composeStep) clearProblems() {
	c.templateNote.SetProblem("")
	c.testNote.SetProblem("")
	c.fileNote.SetProblem("")
	for _, m := range c.fields() {
		m.problem.Hide()
	}
}
