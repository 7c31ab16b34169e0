package broadcasts

import (
	"context"
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// resultsData is what the results page reads in one go.
type resultsData struct {
	b          app.Broadcast
	recipients []app.RecipientResult
	timeline   []app.BroadcastPoint
}

// resultsPage is one broadcast: its totals and progress, updating live,
// the chart of delivered and read over time, Pause, Resume and Cancel,
// and every recipient's outcome with a retry of those that failed and an
// export.
type resultsPage struct {
	env *env
	ctx context.Context
	id  int64

	// Owned by the UI goroutine; the list reads shown.
	b          app.Broadcast
	recipients []app.RecipientResult
	shown      []app.RecipientResult
	filter     string
	acting     bool // a pause, resume, cancel or retry is under way

	reloader    *kit.Reloader[resultsData]
	unsubscribe func()

	title     *widget.Label
	state     *widget.RichText
	stats     *fyne.Container
	figures   []*widget.RichText // the stats' figures, in stats' order
	bar       *widget.ProgressBar
	totals    *widget.Label
	chart     *timelineChart
	filterSel *widget.Select
	list      *widget.List
	pauseBtn  *widget.Button
	resumeBtn *widget.Button
	cancelBtn *widget.Button
	retryBtn  *widget.Button
	exportBtn *widget.Button
	note      *widget.Label
	waits     *widget.Label // why the rest waits: the daily limit
	content   fyne.CanvasObject
}

// The recipient filters.
const (
	filterAll     = "Everyone"
	filterFailed  = "Failed"
	filterUnknown = "Unknown — check first"
	filterReplied = "Replied"
	filterWaiting = "Not sent yet"
)

// openResults shows broadcast b's results, kept fresh while on screen.
func openResults(e *env, b app.Broadcast) *resultsPage {
	p := &resultsPage{env: e, id: b.ID, b: b, filter: filterAll}
	p.build()
	p.ctx = e.Nav.Show(p.content)
	core, id := e.core, b.ID
	p.reloader = kit.NewReloader(e.Run, p.ctx, e.ReloadGap, func(ctx context.Context) (resultsData, error) {
		var d resultsData
		var err error
		if d.b, err = core.Broadcast(ctx, id); err != nil {
			return d, err
		}
		if d.recipients, err = core.BroadcastRecipients(ctx, id); err != nil {
			return d, err
		}
		d.timeline, err = core.BroadcastTimeline(ctx, id)
		return d, err
	}, p.show)
	p.unsubscribe = core.Events().Subscribe(p.onEvent)
	context.AfterFunc(p.ctx, p.unsubscribe)
	p.showBroadcast()
	p.reloader.Request()
	return p
}

func (p *resultsPage) build() {
	back := &widget.Button{Text: "Broadcasts", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance,
		OnTapped: func() { openList(p.env) }}
	p.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText, Truncation: fyne.TextTruncateEllipsis}
	p.state = widget.NewRichText(&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}})
	p.state.Wrapping = fyne.TextWrapWord
	p.pauseBtn = &widget.Button{Text: "Pause", Icon: theme.MediaPauseIcon(), OnTapped: p.onPause}
	p.resumeBtn = &widget.Button{Text: "Resume", Icon: theme.MediaPlayIcon(), Importance: widget.HighImportance, OnTapped: p.onResume}
	p.cancelBtn = &widget.Button{Text: "Cancel broadcast", Icon: theme.CancelIcon(), Importance: widget.DangerImportance, OnTapped: p.onCancel}
	p.retryBtn = &widget.Button{Text: "Retry failed", Icon: theme.ViewRefreshIcon(), OnTapped: p.onRetry}
	p.exportBtn = &widget.Button{Text: "Export results…", Icon: theme.DocumentSaveIcon(), OnTapped: p.onExport}
	p.note = &widget.Label{Wrapping: fyne.TextWrapWord}
	p.note.Hide()
	p.waits = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance}
	p.waits.Hide()

	p.stats = container.NewGridWithColumns(3)
	for _, caption := range []string{"Recipients", "Sent", "Delivered", "Read", "Replied", "Failed or unknown"} {
		figure, stat := newFigure(caption)
		p.figures = append(p.figures, figure)
		p.stats.Add(stat)
	}
	p.bar = &widget.ProgressBar{TextFormatter: p.progressText}
	p.totals = &widget.Label{Truncation: fyne.TextTruncateEllipsis}
	p.chart = newTimelineChart()
	p.filterSel = widget.NewSelect([]string{filterAll, filterFailed, filterUnknown, filterReplied, filterWaiting}, func(s string) {
		p.filter = s
		p.applyFilter()
	})
	p.filterSel.Selected = filterAll
	p.list = widget.NewList(func() int { return len(p.shown) }, p.newRecipientRow, p.updateRecipientRow)
	p.list.OnSelected = func(id widget.ListItemID) {
		p.list.UnselectAll()
		p.showRecipient(id)
	}

	heading := container.NewVBox(p.title,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), p.state))
	actions := container.NewHBox(p.pauseBtn, p.resumeBtn, p.cancelBtn)
	top := container.NewVBox(
		container.New(layout.NewCustomPaddedLayout(0, -theme.Padding(), -theme.Padding()*2, 0), container.NewHBox(back)),
		container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions, layout.NewSpacer()), heading),
		container.New(layout.NewCustomPaddedLayout(0, 4, 0, 0), widget.NewSeparator()),
		p.note,
		p.waits,
	)
	summary := container.NewVBox(p.stats, p.bar)
	upper := container.NewBorder(nil, nil, kit.NewFormCard(summary), nil, kit.NewFormCard(withHeight(p.chart, 200)))
	listHead := container.NewBorder(nil, nil, sectionTitle("Recipients"),
		container.NewHBox(p.filterSel, p.retryBtn, p.exportBtn))
	body := container.NewBorder(container.NewVBox(upper, listHead, widget.NewSeparator()), nil, nil, nil, p.list)
	p.content = container.New(layout.NewCustomPaddedLayout(8, 18, 24, 24), container.NewBorder(top, nil, nil, nil, body))
}

// onEvent reloads when this broadcast (or any, for 0) changed. It runs
// on the publishing goroutine.
func (p *resultsPage) onEvent(ev app.Event) {
	if ev.Kind != app.EventBroadcastsChanged || (ev.BroadcastID != 0 && ev.BroadcastID != p.id) {
		return
	}
	fyne.Do(p.reloader.Request)
}

// show puts a fresh read on screen.
func (p *resultsPage) show(d resultsData, err error) {
	if err != nil {
		slog.Error("load broadcast results", "broadcast", p.id, "err", err)
		p.showNote("Parley could not read this broadcast's results. "+app.Explain(err), widget.DangerImportance)
		return
	}
	p.b, p.recipients = d.b, d.recipients
	p.chart.setData(d.timeline, d.b.Totals.Recipients)
	p.showBroadcast()
	p.applyFilter()
}

// showBroadcast shows the broadcast's state, totals and what may be done.
func (p *resultsPage) showBroadcast() {
	b := p.b
	name := b.Name
	if name == "" {
		name = b.Template
	}
	setText(p.title, name)
	st, rest := p.state.Segments[0].(*widget.TextSegment), p.state.Segments[1].(*widget.TextSegment)
	detail := "  ·  Template " + b.Template + "  ·  " + categoryLabel(b.Category) + "  ·  created " + when(b.CreatedAt)
	if b.State == app.BroadcastScheduled && !b.StartAt.IsZero() {
		detail += "  ·  starts " + when(b.StartAt)
	}
	if st.Text != stateLabel(b.State) || rest.Text != detail {
		st.Text, st.Style.ColorName, rest.Text = stateLabel(b.State), stateColor(b.State), detail
		p.state.Refresh()
	}
	setText(p.waits, waitsText(b))
	if p.waits.Text == "" {
		p.waits.Hide()
	} else {
		p.waits.Show()
	}

	t := b.Totals
	figures := []struct {
		n      int
		colour fyne.ThemeColorName
	}{
		{t.Recipients, theme.ColorNameForeground}, {t.Sent + t.Delivered + t.Read, theme.ColorNameForeground},
		{t.Delivered + t.Read, theme.ColorNameSuccess}, {t.Read, theme.ColorNamePrimary},
		{t.Replied, theme.ColorNamePrimary}, {t.Failed + t.Unknown, problemColor(t.Failed + t.Unknown)},
	}
	for i, f := range figures {
		setFigure(p.figures[i], number(f.n), f.colour)
	}
	p.bar.SetValue(progress(t))
	p.updateActions()
}

// progressText says how far Parley is: "3 of 4 handed to WhatsApp".
func (p *resultsPage) progressText() string {
	t := p.b.Totals
	return fmt.Sprintf("%s of %s handed to WhatsApp", number(handed(t)), number(t.Recipients))
}

// updateActions enables what the broadcast's state allows.
func (p *resultsPage) updateActions() {
	s := p.b.State
	if s == app.BroadcastPaused {
		p.pauseBtn.Hide()
		p.resumeBtn.Show()
	} else {
		p.resumeBtn.Hide()
		p.pauseBtn.Show()
	}
	setEnabled(p.pauseBtn, !p.acting && (s == app.BroadcastSending || s == app.BroadcastScheduled))
	setEnabled(p.resumeBtn, !p.acting && s == app.BroadcastPaused)
	setEnabled(p.cancelBtn, !p.acting && (s == app.BroadcastSending || s == app.BroadcastScheduled || s == app.BroadcastPaused))
	n := p.retryable()
	if text := fmt.Sprintf("Retry failed (%s)", number(n)); p.retryBtn.Text != text {
		p.retryBtn.SetText(text)
	}
	setEnabled(p.retryBtn, !p.acting && n > 0 && s != app.BroadcastCancelled)
}

// retryable counts the failed recipients a retry would send again.
func (p *resultsPage) retryable() int {
	n := 0
	for _, r := range p.recipients {
		if r.Outcome == app.OutcomeFailed && r.Retryable {
			n++
		}
	}
	return n
}

// applyFilter shows the recipients the filter keeps.
func (p *resultsPage) applyFilter() {
	if p.filter == filterAll {
		p.shown = p.recipients
	} else {
		p.shown = make([]app.RecipientResult, 0, len(p.recipients)/4)
		for _, r := range p.recipients {
			if keeps(p.filter, r) {
				p.shown = append(p.shown, r)
			}
		}
	}
	p.list.Refresh()
}

// keeps reports whether filter f keeps r.
func keeps(f string, r app.RecipientResult) bool {
	switch f {
	case filterFailed:
		return r.Outcome == app.OutcomeFailed
	case filterUnknown:
		return r.Outcome == app.OutcomeUnknown
	case filterReplied:
		return r.Replied
	case filterWaiting:
		return r.Outcome == app.OutcomeWaiting || r.Outcome == app.OutcomeSending || r.Outcome == app.OutcomeCancelled
	}
	return true
}
