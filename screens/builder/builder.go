package builder

import (
	"context"
	"net/url"
	"reflect"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/waformat"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// guidelinesURL is WhatsApp's page on what templates may say.
const guidelinesURL = "https://developers.facebook.com/docs/whatsapp/message-templates/guidelines/"

// previewPlaceholder stands in the preview for a message not typed yet.
const previewPlaceholder = "_Your message appears here as you type it._"

// previewWidth is the width of the preview column: a WhatsApp bubble,
// its margins and a scroll bar.
const previewWidth float32 = 392

// builderKey names a stored template: its name and language.
type builderKey struct{ name, language string }

func builderKeyOf(t app.Template) builderKey { return builderKey{t.Name, t.Language} }

// templateBuilder is Templates → Submit Template: the form on the left,
// the live WhatsApp preview on the right, and Save draft and Submit for
// review at the bottom. It edits a new template or a local draft.
type templateBuilder struct {
	env env
	ch  app.Channel
	// ctx ends when the builder leaves the screen (never before show).
	ctx context.Context

	draftKey builderKey   // the stored draft being edited; zero for a new template
	saved    app.Template // the template as last saved or opened, to notice unsaved changes
	unsaved  bool         // a copy never stored: leaving asks even without edits

	loading    bool       // the form is being filled; the changes are not the owner's
	submitted  bool       // the owner tried to submit: every problem shows
	checkedKey builderKey // name and language last checked for clashes
	nameSeq    int        // counts name checks, so only the latest shows

	basics  *basicsSection
	header  *headerSection
	body    *bodySection
	footer  *footerSection
	buttons *buttonsSection
	params  *paramsSection

	banner  *formBanner
	form    *fyne.Container
	scroll  *container.Scroll
	preview *widgets.TemplatePreview

	back, remove, save, submit *widget.Button
	progress                   *widget.ProgressBarInfinite
	status                     *widget.Label

	content fyne.CanvasObject
}

// openTemplateBuilder opens the Submit Template builder for a channel,
// empty or with a draft to continue. A template that is not a draft
// (say, a rejected one) is duplicated: WhatsApp does not take a second
// template of the same name and language, so the copy gets a new name.
func openTemplateBuilder(e env, ch app.Channel, draft *app.Template) {
	if draft != nil && draft.Status != app.TemplateDraft {
		duplicateTemplate(e, ch, *draft)
		return
	}
	newTemplateBuilder(e, ch, draft, draft != nil).show()
}

// show puts the builder on screen; what it reads for itself from then on
// is dropped once it leaves.
func (b *templateBuilder) show() { b.ctx = b.env.Nav.Show(b.content) }

// newTemplateBuilder builds the builder, filled with start when it is not
// nil. With edit set, start is the stored draft being edited; otherwise
// the form is a new template.
func newTemplateBuilder(e env, ch app.Channel, start *app.Template, edit bool) *templateBuilder {
	b := &templateBuilder{env: e, ch: ch, ctx: context.Background(), banner: newFormBanner()}
	b.basics = newBasicsSection(b.onChange)
	b.header = newHeaderSection(e.Window, e.Run, b.onChange)
	b.body = newBodySection(e.Window, b.onChange)
	b.footer = newFooterSection(b.onChange)
	b.buttons = newButtonsSection(b.onChange)
	b.params = newParamsSection(b.onChange)
	b.preview = widgets.NewTemplatePreview(app.Template{})
	b.preview.Now = e.core.Now

	if start != nil {
		b.fill(*start)
		if edit {
			b.draftKey = builderKeyOf(*start)
		}
	}
	b.refresh()
	b.saved, _ = b.build()
	b.checkName()
	b.content = b.layout()
	b.remove.Hidden = b.draftKey == builderKey{}
	return b
}

// fill shows t in the form without marking any field as changed.
func (b *templateBuilder) fill(t app.Template) {
	b.loading = true
	b.basics.fill(t)
	b.header.fill(t.Header)
	b.body.fill(t.Body)
	b.footer.fill(t.Footer)
	b.buttons.fill(t.Buttons)
	b.params.setPresent(b.paramKeys())
	b.params.fill(t)
	b.loading = false
	for _, n := range b.notes() {
		n.touched = false
	}
	// A category the builder does not offer (an old Authentication draft)
	// says at once why it has to change.
	b.basics.categoryNote.touched = t.Category != "" && b.basics.category.row(t.Category) == nil
}

// layout arranges the page: back button, title, form, preview and the
// action bar.
func (b *templateBuilder) layout() fyne.CanvasObject {
	b.form = container.NewVBox(b.basics.content, b.header.content, b.body.content,
		b.footer.content, b.buttons.content, b.params.content)
	b.scroll = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, 14), b.form))

	columns := container.New(&builderColumns{}, b.scroll, b.newPreviewColumn())
	body := container.NewBorder(b.banner.content, b.newActionBar(), nil, nil, columns)
	subtitle := b.ch.Name + "  ·  " + app.FormatPhone(b.ch.PhoneNumber)
	title := "Submit Template"
	if b.draftKey != (builderKey{}) {
		title = "Edit Draft"
	}
	b.back = &widget.Button{Text: "Templates", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: b.onBack}
	top := container.New(layout.NewCustomPaddedLayout(10, -14, 14, 0), container.NewHBox(b.back))
	return container.NewBorder(top, nil, nil, nil, kit.NewPage(title, subtitle, nil, body))
}

// newPreviewColumn is the live preview with its caption and the link to
// WhatsApp's guidelines.
func (b *templateBuilder) newPreviewColumn() fyne.CanvasObject {
	head := container.NewVBox(
		&widget.Label{Text: "Preview", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		tuckUnder(newBuilderHint("How customers see the message on WhatsApp. Samples stand in for the parameters.")),
	)
	link := &widget.Hyperlink{Text: "WhatsApp's template guidelines"}
	link.URL, _ = url.Parse(guidelinesURL)
	foot := container.NewVBox(
		container.NewHBox(widget.NewIcon(theme.HelpIcon()), link),
		tuckUnder(newBuilderHint("Templates that follow them are approved faster, usually within minutes.")),
	)
	col := container.NewBorder(head, foot, nil, nil, container.NewVScroll(b.preview))
	return container.New(layout.NewCustomPaddedLayout(0, 0, 12, 0), col)
}

// builderColumns lays out the form and the preview side by side: the
// preview as wide as a WhatsApp bubble needs when there is room, and
// narrower in a small window, the form taking the rest.
type builderColumns struct{}

// Widths of the preview column.
const (
	previewMinWidth float32 = 300
	previewShare    float32 = 0.42 // of the page, at most
)

// Layout places objs[0] (the form) and objs[1] (the preview).
func (builderColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pw := min(previewWidth, max(previewMinWidth, size.Width*previewShare))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(size.Width-pw, size.Height))
	objs[1].Move(fyne.NewPos(size.Width-pw, 0))
	objs[1].Resize(fyne.NewSize(pw, size.Height))
}

// MinSize is the form's minimum beside the narrowest preview.
func (builderColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	f, p := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(f.Width+max(p.Width, previewMinWidth), max(f.Height, p.Height))
}

// newActionBar is the row under the form: progress while saving or
// submitting, and the buttons.
func (b *templateBuilder) newActionBar() fyne.CanvasObject {
	b.progress = widget.NewProgressBarInfinite()
	b.progress.Stop()
	b.progress.Hide()
	b.status = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	b.remove = &widget.Button{Text: "Delete draft", Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: b.onDeleteDraft}
	b.save = &widget.Button{Text: "Save draft", Icon: theme.DocumentSaveIcon(), OnTapped: b.onSaveDraft}
	b.submit = &widget.Button{Text: "Submit for review", Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: b.onSubmit}
	working := container.NewBorder(nil, nil, nil, atLeast(fyne.NewSize(120, 0), container.NewCenter(b.progress)), b.status)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(b.remove, b.save, b.submit), working)
	return container.NewVBox(widget.NewSeparator(), container.New(layout.NewCustomPaddedLayout(6, 0, 0, 0), bar))
}

// onChange follows every change the owner makes: the parameters listed,
// the preview and the problems shown are brought up to date.
func (b *templateBuilder) onChange() {
	if b.loading {
		return
	}
	b.refresh()
	b.checkName()
}

// refresh lists the parameters present, updates the preview and shows
// the problems.
func (b *templateBuilder) refresh() {
	b.params.setPresent(b.paramKeys())
	t, notes := b.build()
	b.showPreview(t)
	b.showProblems(b.problems(t), notes)
}

// showPreview shows t in the preview, with a hint in place of an empty
// message, and rebuilds the preview only when what it shows changed.
func (b *templateBuilder) showPreview(t app.Template) {
	if strings.TrimSpace(t.Body) == "" {
		t.Body = previewPlaceholder
	}
	old := b.preview.Template()
	if old.Body == t.Body && reflect.DeepEqual(old.Header, t.Header) && slices.Equal(old.BodyExamples, t.BodyExamples) &&
		old.Footer == t.Footer && slices.Equal(old.Buttons, t.Buttons) {
		return
	}
	b.preview.SetTemplate(t)
}

// paramKeys are the parameters the template holds, in form order.
func (b *templateBuilder) paramKeys() []string {
	var keys []string
	if b.header.hasParam() {
		keys = append(keys, paramHeader)
	}
	for _, n := range b.body.bodyParams() {
		keys = append(keys, bodyParamKey(n))
	}
	if b.buttons.urlHasParam() {
		keys = append(keys, paramURL)
	}
	return keys
}

// build returns the template as the form shows it, with the notes of
// each of its buttons.
func (b *templateBuilder) build() (app.Template, []buttonNotes) {
	t := app.Template{
		Name:     b.basics.name.Text,
		Category: b.basics.category.selected,
		Language: b.basics.language.code,
		Status:   app.TemplateDraft,
		Header:   b.header.value(),
		Body:     b.body.entry.Text,
		Footer:   b.footer.entry.Text,
	}
	if b.header.hasParam() {
		t.Header.Example = b.params.sample(paramHeader)
	}
	most := 0
	for _, n := range waformat.Params(t.Body) {
		most = max(most, n)
	}
	if most > 0 {
		t.BodyExamples = make([]string, most)
		for n := 1; n <= most; n++ {
			t.BodyExamples[n-1] = b.params.sample(bodyParamKey(n))
		}
	}
	t.Variables = b.params.variables(most)
	var notes []buttonNotes
	t.Buttons, notes = b.buttons.list(b.params.sample(paramURL))
	return t, notes
}

// template returns the template as the form shows it.
func (b *templateBuilder) template() app.Template {
	t, _ := b.build()
	return t
}

// problems are WhatsApp's rules broken by t, and the builder's own.
func (b *templateBuilder) problems(t app.Template) app.ValidationErrors {
	return append(app.ValidateTemplate(t), b.params.problems()...)
}

// showProblems puts every problem under its field: those of changed
// fields at once, all of them once the owner tried to submit.
func (b *templateBuilder) showProblems(errs app.ValidationErrors, notes []buttonNotes) {
	all := b.submitted
	b.basics.showProblems(errs, all)
	b.header.showProblems(errs, all)
	b.body.showProblems(errs, all)
	b.footer.showProblems(errs, all)
	b.buttons.showProblems(errs, notes, all)
	b.params.showProblems(errs, 0, all) // the website button comes first
}

// notes are the notes of the whole form, top to bottom.
func (b *templateBuilder) notes() []*formNote {
	out := b.basics.notes()
	out = append(out, b.header.notes()...)
	out = append(out, b.body.note, b.footer.note)
	out = append(out, b.buttons.notes()...)
	return append(out, b.params.notes()...)
}
