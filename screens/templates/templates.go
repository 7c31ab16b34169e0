package templates

import (
	"context"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// openTemplates shows a channel's message templates in place of the
// Channels list.
func openTemplates(e env, ch app.Channel) {
	p := newTemplatesPage(e, ch)
	p.ctx = e.Nav.Show(p.content)
	context.AfterFunc(p.ctx, p.unsubscribe) // the owner left: stop listening
	p.reload()
}

// templatesPage is Channel → Templates: the local copy of the number's
// message templates with search and filters on the left, the selected
// template as a WhatsApp message on the right, and Sync Templates.
type templatesPage struct {
	env env
	ctx context.Context // ends when the page is closed
	ch  app.Channel

	// all is the local copy, index searches it and shown is what the list
	// displays. All three are replaced only on the UI goroutine.
	all      []app.Template
	index    *app.TemplateIndex
	shown    []app.Template
	syncedAt time.Time
	loaded   bool
	selected string // templateRowKey of the selected template, or ""

	// sync state, touched only on the UI goroutine.
	syncing    bool
	syncGen    int
	cancelSync context.CancelFunc
	fetched    int
	total      int
	deleting   bool

	unsubscribe func()

	syncButton   *widget.Button
	lastSynced   *widget.Label
	syncNote     *widget.Label // outcome of the last sync: plain words
	progress     *widget.ProgressBar
	cancelButton *widget.Button
	syncBusy     fyne.CanvasObject

	filters     *templateFilters
	list        *widget.List
	neverSynced *kit.EmptyState
	noTemplates *kit.EmptyState
	noMatch     *kit.EmptyState
	detail      *templateDetail
	content     fyne.CanvasObject
}

func newTemplatesPage(e env, ch app.Channel) *templatesPage {
	p := &templatesPage{env: e, ch: ch, ctx: context.Background()} // openTemplates gives it the page's
	p.syncButton = &widget.Button{Text: "Sync Templates", Icon: theme.ViewRefreshIcon(), OnTapped: p.onSync}
	submit := &widget.Button{Text: "Submit Template", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onSubmit}
	back := &widget.Button{Text: "Channels", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: e.Nav.Back}

	p.lastSynced = &widget.Label{}
	p.syncNote = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.syncNote.Hide()
	p.progress = &widget.ProgressBar{TextFormatter: p.progressText}
	p.cancelButton = &widget.Button{Text: "Cancel", Icon: theme.CancelIcon(), OnTapped: p.onCancelSync}
	p.syncBusy = container.NewBorder(nil, nil, nil, p.cancelButton,
		container.New(layout.NewGridWrapLayout(fyne.NewSize(320, p.cancelButton.MinSize().Height)), p.progress))
	p.syncBusy.Hide()
	syncRow := container.NewBorder(nil, nil, container.NewHBox(p.lastSynced, p.syncBusy), nil, p.syncNote)

	p.filters = newTemplateFilters(p.applyFilter)
	p.list = p.newList()
	p.neverSynced = kit.NewEmptyState(kit.TemplatesIcon, "No templates yet", textNeverSynced, nil)
	p.noTemplates = kit.NewEmptyState(kit.TemplatesIcon, "No templates yet", textNoTemplates, nil)
	p.noMatch = kit.NewEmptyState(theme.SearchIcon(), "No matching templates", textNoMatch,
		&widget.Button{Text: "Clear search and filters", Icon: theme.ContentClearIcon(), OnTapped: p.filters.clear})
	p.detail = newTemplateDetail(p)

	left := container.NewStack(p.list, p.neverSynced.Content, p.noTemplates.Content, p.noMatch.Content)
	split := container.NewHSplit(left, p.detail.content)
	split.Offset = 0.5
	body := container.NewBorder(container.NewVBox(syncRow, p.filters.content), nil, nil, nil, split)

	subtitle := ch.Name + "  ·  " + app.FormatPhone(ch.PhoneNumber)
	p.content = templatesLayout(back, "Templates", subtitle, container.NewHBox(p.syncButton, submit), body)
	p.showSyncedAt()
	p.showEmpty()
	p.unsubscribe = e.core.Events().Subscribe(p.onCoreEvent)
	return p
}

// templatesLayout is a channel page: the way back to Channels above the
// title and the channel's name and number, actions on the right, and the
// body below.
func templatesLayout(back *widget.Button, title, subtitle string, actions, body fyne.CanvasObject) fyne.CanvasObject {
	heading := container.NewVBox(
		&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			kit.NewMutedText(subtitle, fyne.TextAlignLeading, theme.SizeNameText)),
	)
	top := container.NewVBox(
		container.New(layout.NewCustomPaddedLayout(0, -theme.Padding(), -theme.Padding()*2, 0), container.NewHBox(back)),
		container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions, layout.NewSpacer()), heading),
		container.New(layout.NewCustomPaddedLayout(0, 4, 0, 0), widget.NewSeparator()),
	)
	return container.New(layout.NewCustomPaddedLayout(8, 18, 24, 24), container.NewBorder(top, nil, nil, nil, body))
}

// Explanations of an empty list.
const (
	textNeverSynced = "Press Sync Templates to fetch this number's\nmessage templates from WhatsApp."
	textNoTemplates = "This number has no message templates yet.\nPress Submit Template to create one."
	textNoMatch     = "No template matches your search and filters."
)

// reload reads the local copy in the background and shows it.
func (p *templatesPage) reload() {
	core, id := p.env.core, p.ch.ID
	kit.Load(p.env.Run, p.ctx, func(ctx context.Context) (app.TemplateList, error) {
		return core.Templates(ctx, id)
	}, p.showList)
}

// showList replaces the local copy on screen and re-applies the search.
func (p *templatesPage) showList(list app.TemplateList, err error) {
	if err != nil {
		slog.Error("load templates", "channel", p.ch.ID, "err", err)
		p.showSyncNote("Parley could not read the saved templates. Try again in a moment; if this keeps happening, restart Parley.", widget.DangerImportance)
		return
	}
	p.loaded = true
	p.all = list.Templates
	p.index = app.NewTemplateIndex(p.all)
	p.syncedAt = list.SyncedAt
	p.showSyncedAt()
	p.filters.setTemplates(p.all)
	p.applyFilter()
}

// showSyncedAt shows when the list was last synced.
func (p *templatesPage) showSyncedAt() {
	if p.syncedAt.IsZero() {
		p.lastSynced.SetText("Never synced — press Sync Templates")
		return
	}
	p.lastSynced.SetText("Last synced: " + templateTime(p.syncedAt))
}

// templateTime formats a time for the owner, in local time.
func templateTime(t time.Time) string {
	return t.Local().Format("2 Jan 2006, 15:04")
}

// templateRowKey identifies one template: a name in one language.
func templateRowKey(t app.Template) string { return t.Name + "\x00" + t.Language }

// onCoreEvent re-reads the list when the core changed this channel's
// templates (the status watcher, a submit from the builder). It runs on
// the publishing goroutine.
func (p *templatesPage) onCoreEvent(ev app.Event) {
	if ev.Kind != app.EventTemplatesChanged || ev.ChannelID != p.ch.ID || ev.Template != nil {
		return // a review outcome follows the change that was read already
	}
	fyne.Do(func() {
		if p.ctx.Err() != nil {
			p.unsubscribe() // the owner has left the page
			return
		}
		if p.syncing || p.deleting {
			return // the page re-reads the list when its own work is done
		}
		p.reload()
	})
}

// onSubmit opens the template builder for a new template.
func (p *templatesPage) onSubmit() { p.env.Nav.Push(kit.Route{Page: kit.PageBuilder, Channel: p.ch}) }
