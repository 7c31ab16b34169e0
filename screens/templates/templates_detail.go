package templates

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// templateDetail is the right-hand pane of the Templates page: the
// selected template as the customer sees it on WhatsApp, its details, and
// what the owner can do with it.
type templateDetail struct {
	page    *templatesPage
	current app.Template

	name     *widget.Label
	badge    *statusBadge
	preview  *widgets.TemplatePreview
	category *widget.Label
	language *widget.Label
	status   *widget.Label
	modified *widget.Label
	reason   *widget.Label
	why      fyne.CanvasObject // the reason of a rejected template
	whyHint  fyne.CanvasObject // how to fix a rejected template: in a copy
	edit     *widget.Button    // Duplicate, or Continue editing a draft
	noCopy   fyne.CanvasObject // why an Authentication template has no Duplicate
	remove   *widget.Button
	problem  *widget.Label // why the last delete failed

	none    fyne.CanvasObject // shown while nothing is selected
	details fyne.CanvasObject
	content fyne.CanvasObject
}

func newTemplateDetail(p *templatesPage) *templateDetail {
	d := &templateDetail{
		page:     p,
		name:     &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText, Truncation: fyne.TextTruncateEllipsis},
		badge:    newStatusBadge(app.TemplateApproved),
		preview:  widgets.NewTemplatePreview(app.Template{}),
		category: &widget.Label{},
		language: &widget.Label{},
		status:   &widget.Label{Wrapping: fyne.TextWrapWord},
		modified: &widget.Label{},
		reason:   &widget.Label{Wrapping: fyne.TextWrapWord},
		problem:  &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance},
	}
	d.edit = &widget.Button{Icon: theme.ContentCopyIcon(), OnTapped: d.onEdit}
	d.remove = &widget.Button{Text: "Delete", Icon: theme.DeleteIcon(), OnTapped: d.onDelete}
	d.problem.Hide()
	noCopy := kit.NewMutedText("WhatsApp writes the text of Authentication templates itself, so Parley shows them but can't copy them.",
		fyne.TextAlignLeading, theme.SizeNameText)
	noCopy.Wrapping = fyne.TextWrapWord
	d.noCopy = noCopy

	d.why = d.newWhy()
	facts := container.New(layout.NewFormLayout(),
		detailKey("Category"), d.category,
		detailKey("Language"), d.language,
		detailKey("Status"), d.status,
		detailKey("Last modified"), d.modified,
	)
	// The chat background shows around even a one-line message.
	stage := canvas.NewRectangle(color.Transparent)
	stage.SetMinSize(fyne.NewSize(0, 170))
	d.details = container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 8, 12, 10), container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(d.badge), d.name),
		container.NewHBox(d.edit, d.remove),
		d.noCopy,
		d.problem,
		container.NewStack(stage, d.preview),
		d.why,
		facts,
	)))
	hint := kit.NewEmptyState(kit.ChatIcon, "Select a template", "Pick a template on the left\nto see it as your customers do.", nil)
	d.none = hint.Content
	d.content = container.NewStack(d.none, d.details)
	d.showNone()
	return d
}

// newWhy is the tinted box that explains a rejection.
func (d *templateDetail) newWhy() fyne.CanvasObject {
	bg := &canvas.Rectangle{
		FillColor:    kit.BadgeTint(theme.Color(theme.ColorNameError), 0x1c),
		StrokeColor:  kit.BadgeTint(theme.Color(theme.ColorNameError), 0x60),
		StrokeWidth:  1,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	title := &widget.Label{Text: "Why WhatsApp rejected it", TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.DangerImportance}
	hint := kit.NewMutedText("Fix the problem in a copy (Duplicate) and submit it again.", fyne.TextAlignLeading, theme.SizeNameText)
	hint.Wrapping = fyne.TextWrapWord
	d.whyHint = hint
	tight := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), o)
	}
	box := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), nil, title),
		tight(d.reason),
		tight(hint),
	)
	return container.New(layout.NewCustomPaddedLayout(4, 4, 0, 0),
		container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(4, 4, 8, 8), box)))
}

// detailKey is the name of a detail, in the muted colour.
func detailKey(text string) fyne.CanvasObject {
	return kit.NewMutedText(text, fyne.TextAlignLeading, theme.SizeNameText)
}

// showNone asks the owner to pick a template, while some are listed.
func (d *templateDetail) showNone() {
	d.current = app.Template{}
	d.details.Hide()
	if len(d.page.shown) == 0 {
		d.none.Hide()
	} else {
		d.none.Show()
	}
}

// show puts t in the pane.
func (d *templateDetail) show(t app.Template) {
	changed := templateRowKey(t) != templateRowKey(d.current)
	if changed {
		d.problem.Hide()
	}
	d.current = t
	d.name.SetText(t.Name)
	d.badge.setStatus(t.Status)
	d.preview.SetTemplate(t)
	d.category.SetText(categoryLabel(t.Category))
	d.language.SetText(app.LanguageLabel(t.Language))
	d.status.SetText(templateStatusMeaning(t.Status))
	if t.ModifiedAt.IsZero() {
		d.modified.SetText("Not known")
	} else {
		d.modified.SetText(templateTime(t.ModifiedAt))
	}
	if t.Status == app.TemplateRejected {
		reason := t.RejectedReason
		if reason == "" {
			reason = "WhatsApp did not say why."
		}
		d.reason.SetText(reason)
		d.why.Show()
	} else {
		d.why.Hide()
	}
	// A synced Authentication template is read-only: the builder can't make
	// one (WhatsApp writes its text), and a copy with a free body would be
	// rejected. An old local draft can still be opened to change its category.
	readOnly := t.Category == app.CategoryAuthentication && t.Status != app.TemplateDraft
	switch {
	case readOnly:
		d.edit.Hide()
	case t.Status == app.TemplateDraft:
		d.edit.SetText("Continue editing")
		d.edit.SetIcon(theme.DocumentCreateIcon())
		d.edit.Show()
	default:
		d.edit.SetText("Duplicate")
		d.edit.SetIcon(theme.ContentCopyIcon())
		d.edit.Show()
	}
	if readOnly {
		d.noCopy.Show()
		d.whyHint.Hide()
	} else {
		d.noCopy.Hide()
		d.whyHint.Show()
	}
	d.setDeleting(d.page.deleting)
	d.none.Hide()
	d.details.Show()
	if changed {
		d.details.(*container.Scroll).ScrollToTop()
	}
}

// setDeleting disables the actions while a delete runs.
func (d *templateDetail) setDeleting(busy bool) {
	if busy {
		d.remove.Disable()
		d.edit.Disable()
		return
	}
	d.remove.Enable()
	d.edit.Enable()
}

// showProblem explains a failed action under the buttons.
func (d *templateDetail) showProblem(text string) {
	d.problem.SetText(text)
	d.problem.Show()
}

// onEdit opens the builder on the template: a draft to continue, or any
// other template as the start of a new one under a new name.
func (d *templateDetail) onEdit() {
	t := d.current
	d.page.env.Nav.Push(kit.Route{Page: kit.PageBuilder, Channel: d.page.ch, Template: &t})
}
