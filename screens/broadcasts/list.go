package broadcasts

import (
	"context"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// textEmpty explains broadcasts on an empty list.
const textEmpty = "A broadcast sends one approved template to many customers at once,\n" +
	"such as \"We're open on Sunday\". WhatsApp limits how many customers a day\n" +
	"your number may message first, and lets customers block or report it: send what they want."

// listPage is Channel → Broadcasts: the channel's broadcasts, newest
// first, with their state and totals, and New broadcast.
type listPage struct {
	env *env
	ctx context.Context

	// items is replaced only on the UI goroutine; rows read it.
	items  []app.Broadcast
	loaded bool

	reloader    *kit.Reloader[[]app.Broadcast]
	unsubscribe func()

	list    *widget.List
	empty   *kit.EmptyState
	problem *widget.Label
	content fyne.CanvasObject
}

// openList shows the channel's broadcasts.
func openList(e *env) *listPage {
	p := &listPage{env: e}
	p.build()
	p.ctx = e.Nav.Show(p.content)
	core, id := e.core, e.ch.ID
	p.reloader = kit.NewReloader(e.Run, p.ctx, e.ReloadGap, func(ctx context.Context) ([]app.Broadcast, error) {
		return core.Broadcasts(ctx, id)
	}, p.show)
	p.unsubscribe = core.Events().Subscribe(p.onEvent)
	context.AfterFunc(p.ctx, p.unsubscribe)
	p.reloader.Request()
	return p
}

func (p *listPage) build() {
	back := &widget.Button{Text: "Channels", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: p.env.Nav.Back}
	newText := "New broadcast"
	if p.env.drafts.of(p.env.ch.ID) != nil {
		newText = textContinueDraft // the one the owner left half done
	}
	newButton := &widget.Button{Text: newText, Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onNew}
	p.list = widget.NewList(func() int { return len(p.items) }, newBroadcastRow, p.updateRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		if id < len(p.items) {
			openResults(p.env, p.items[id])
		}
	}
	p.empty = kit.NewEmptyState(broadcastIcon, "No broadcasts yet", textEmpty,
		&widget.Button{Text: newText, Icon: theme.ContentAddIcon(), OnTapped: p.onNew})
	p.empty.Content.Hide()
	p.problem = kit.NewFormProblem()
	body := container.NewBorder(p.problem, nil, nil, nil, container.NewStack(p.list, p.empty.Content))
	p.content = pageLayout(back, "Broadcasts", channelLine(p.env.ch), newButton, body)
}

// onEvent reloads the list when a broadcast of any channel changed. It
// runs on the publishing goroutine.
func (p *listPage) onEvent(ev app.Event) {
	if ev.Kind != app.EventBroadcastsChanged || (ev.ChannelID != 0 && ev.ChannelID != p.env.ch.ID) {
		return
	}
	fyne.Do(p.reloader.Request)
}

// show puts the loaded broadcasts on screen.
func (p *listPage) show(items []app.Broadcast, err error) {
	if err != nil {
		slog.Error("load broadcasts", "channel", p.env.ch.ID, "err", err)
		kit.SetFormProblem(p.problem, "Parley could not read this number's broadcasts. "+app.Explain(err))
		return
	}
	kit.SetFormProblem(p.problem, "")
	p.items, p.loaded = items, true
	if len(items) == 0 {
		p.list.Hide()
		p.empty.Content.Show()
	} else {
		p.empty.Content.Hide()
		p.list.Show()
	}
	p.list.Refresh()
}

// onNew starts a new broadcast.
func (p *listPage) onNew() { openWizard(p.env) }

// broadcastRow is one broadcast in the list: its name, the template,
// state and creation, the totals and a small progress bar.
type broadcastRow struct {
	name   *widget.Label
	state  *widget.RichText
	detail *widget.RichText
	totals *widget.Label
	bar    *widget.ProgressBar
}

func newBroadcastRow() fyne.CanvasObject {
	r := &broadcastRow{
		name:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		state:  widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{TextStyle: fyne.TextStyle{Bold: true}}}),
		detail: kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameText),
		totals: &widget.Label{Truncation: fyne.TextTruncateEllipsis},
		bar:    &widget.ProgressBar{TextFormatter: func() string { return "" }},
	}
	r.detail.Truncation = fyne.TextTruncateEllipsis
	barBox := container.NewGridWrap(fyne.NewSize(160, 8), r.bar)
	right := container.NewVBox(container.NewHBox(layout.NewSpacer(), r.state), barBox)
	left := container.NewVBox(r.name,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, -theme.Padding(), 0, 0), r.detail),
		r.totals)
	c := container.NewBorder(nil, nil, nil, right, left)
	return newRowBox(container.New(layout.NewCustomPaddedLayout(4, 4, 4, 4), c), r)
}

func (p *listPage) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.items) {
		return
	}
	b, r := p.items[id], o.(*rowBox).row.(*broadcastRow)
	name := b.Name
	if name == "" {
		name = b.Template
	}
	r.name.SetText(name)
	seg := r.state.Segments[0].(*widget.TextSegment)
	seg.Text, seg.Style.ColorName = stateLabel(b.State), stateColor(b.State)
	r.state.Refresh()
	detail := "Template " + b.Template + "  ·  created " + when(b.CreatedAt)
	if b.State == app.BroadcastScheduled && !b.StartAt.IsZero() {
		detail += "  ·  starts " + when(b.StartAt)
	}
	if !b.WaitsUntil.IsZero() && b.State == app.BroadcastSending {
		detail += "  ·  the rest from " + when(b.WaitsUntil)
	}
	r.detail.Segments[0].(*widget.TextSegment).Text = detail
	r.detail.Refresh()
	r.totals.SetText(totalsLine(b.Totals))
	r.bar.SetValue(progress(b.Totals))
}
