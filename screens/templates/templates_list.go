package templates

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// newList is the list of templates: one row per template in p.shown.
func (p *templatesPage) newList() *widget.List {
	l := &widget.List{
		Length:     func() int { return len(p.shown) },
		CreateItem: func() fyne.CanvasObject { return newTemplateRow() },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			if id < len(p.shown) {
				o.(*templateRow).show(p.shown[id])
			}
		},
	}
	l.OnSelected = p.onSelected
	return l
}

// applyFilter shows the templates that match the search and filters,
// keeping the selected template selected while it still matches.
func (p *templatesPage) applyFilter() {
	if p.index == nil {
		return
	}
	p.shown = p.index.Search(p.filters.filter())
	p.filters.setCount(len(p.shown), p.index.Len())
	p.list.Refresh()
	p.showEmpty()

	for i, t := range p.shown {
		if templateRowKey(t) == p.selected {
			p.list.Select(i)
			p.detail.show(t) // the template may have changed in a sync
			return
		}
	}
	p.selected = ""
	p.list.UnselectAll()
	p.detail.showNone()
}

// showEmpty explains an empty list: never synced, no templates at all,
// or nothing matching the search.
func (p *templatesPage) showEmpty() {
	var show *kit.EmptyState
	switch {
	case len(p.shown) > 0 || !p.loaded:
	case len(p.all) > 0:
		show = p.noMatch
	case p.syncedAt.IsZero():
		show = p.neverSynced
	default:
		show = p.noTemplates
	}
	for _, e := range []*kit.EmptyState{p.noMatch, p.neverSynced, p.noTemplates} {
		if e == show {
			e.Content.Show()
		} else {
			e.Content.Hide()
		}
	}
}

// onSelected shows the chosen template on the right.
func (p *templatesPage) onSelected(id widget.ListItemID) {
	if id >= len(p.shown) {
		return
	}
	t := p.shown[id]
	if templateRowKey(t) == p.selected {
		return
	}
	p.selected = templateRowKey(t)
	p.detail.show(t)
}

// templateRow is one template in the list: its name and status badge,
// its language and category, and a line of its text — or, for a
// rejected template, WhatsApp's reason in red.
type templateRow struct {
	widget.BaseWidget
	name     *widget.Label
	badge    *statusBadge
	language *widget.RichText
	category *widget.RichText
	note     *widget.RichText
	box      fyne.CanvasObject
}

func newTemplateRow() *templateRow {
	r := &templateRow{
		name:     &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		badge:    newStatusBadge(app.TemplateApproved),
		language: kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameText),
		category: kit.NewMutedText("", fyne.TextAlignTrailing, theme.SizeNameText),
		note:     kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameText),
	}
	r.language.Truncation = fyne.TextTruncateEllipsis
	r.note.Truncation = fyne.TextTruncateEllipsis
	// Pull the second and third lines up: labels carry generous
	// padding of their own.
	tight := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.New(layout.NewCustomPaddedLayout(-theme.Padding()-theme.InnerPadding(), 0, 0, 0), o)
	}
	r.box = container.New(layout.NewCustomPaddedLayout(0, 2, 2, 12), container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewCenter(r.badge), r.name),
		tight(container.NewBorder(nil, nil, nil, r.category, r.language)),
		tight(r.note),
	))
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer implements fyne.Widget.
func (r *templateRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.box) }

// show puts t in the row.
func (r *templateRow) show(t app.Template) {
	r.name.SetText(t.Name)
	r.badge.setStatus(t.Status)
	setTemplateText(r.language, app.LanguageLabel(t.Language), theme.ColorNamePlaceHolder)
	setTemplateText(r.category, categoryLabel(t.Category), theme.ColorNamePlaceHolder)
	if t.Status == app.TemplateRejected && t.RejectedReason != "" {
		setTemplateText(r.note, "Why: "+t.RejectedReason, theme.ColorNameError)
	} else {
		setTemplateText(r.note, templateSnippet(t.Body), theme.ColorNamePlaceHolder)
	}
}

// setTemplateText replaces the text and colour of a one-segment rich text.
func setTemplateText(rt *widget.RichText, text string, color fyne.ThemeColorName) {
	seg := rt.Segments[0].(*widget.TextSegment)
	if seg.Text == text && seg.Style.ColorName == color {
		return
	}
	seg.Text, seg.Style.ColorName = text, color
	rt.Refresh()
}

// templateSnippet is the start of a template's body on one line.
func templateSnippet(body string) string {
	return strings.Join(strings.Fields(body), " ")
}
