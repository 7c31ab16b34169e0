package channels

import (
	"context"
	"log/slog"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// connectionChecker asks 360dialog whether a channel's key works; the
// Core implements it.
type connectionChecker interface {
	CheckConnection(ctx context.Context, id app.ChannelID) (app.ConnectionStatus, error)
}

// clock tells the time; the Core implements it.
type clock interface{ Now() time.Time }

// Page is Settings → Channels: the WhatsApp numbers Parley is
// connected to, each with its Configure, Profile and Templates actions.
type Page struct {
	window fyne.Window
	store  Lister
	run    kit.Runner
	lists  *kit.Reloader[[]app.Channel] // Refresh's paced reads

	// OnAddChannel starts the Add Channel wizard.
	OnAddChannel func()
	// OnConfigure, OnProfile and OnTemplates open a channel's pages.
	OnConfigure func(app.Channel)
	OnProfile   func(app.Channel)
	OnTemplates func(app.Channel)
	// OnBroadcasts opens a channel's broadcasts; nil hides the button.
	OnBroadcasts func(app.Channel)
	// OnLoaded tells the shell how many channels exist after each load.
	OnLoaded func(n int)

	// channels is what the page shows; it is replaced only on the UI
	// goroutine.
	channels []app.Channel
	rows     map[app.ChannelID]*channelRow

	// checker, remover and now come from the store when it is the Core.
	checker connectionChecker
	remover channelRemover
	now     func() time.Time
	checks  map[app.ChannelID]app.ConnectionStatus // last checks; UI goroutine only

	add     *widget.Button // in the heading, once channels exist
	list    *fyne.Container
	empty   *kit.EmptyState
	problem *widget.RichText
	failed  fyne.CanvasObject
	Content fyne.CanvasObject // the page, for the shell to show
}

// NewPage builds the Channels list on store; Reload fills it. Refresh
// loads it again at most once every gap (zero: at once). Its actions are
// placeholders until the shell sets OnAddChannel and the others.
func NewPage(w fyne.Window, store Lister, run kit.Runner, gap time.Duration) *Page {
	p := &Page{window: w, store: store, run: run, now: time.Now, checks: map[app.ChannelID]app.ConnectionStatus{}}
	p.lists = kit.NewReloader(run, context.Background(), gap, store.Channels, p.showList)
	p.checker, _ = store.(connectionChecker)
	p.remover, _ = store.(channelRemover)
	if c, ok := store.(clock); ok {
		p.now = c.Now
	}
	p.OnAddChannel = p.comingSoon("Add Channel", "The assistant that connects a new WhatsApp number is on its way.")
	p.OnConfigure = p.comingSoonFor("Configure", "Changing a channel's settings")
	p.OnProfile = p.comingSoonFor("Profile", "Editing the WhatsApp Business profile")
	p.OnTemplates = p.comingSoonFor("Templates", "Managing message templates")

	p.add = &widget.Button{Text: "Add Channel", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onAdd}
	p.add.Hide()
	p.empty = kit.NewEmptyState(kit.ChannelIcon,
		"No channels yet",
		"Connect the WhatsApp Business number you bought from 360dialog,\nand its customer messages arrive in the Space.",
		&widget.Button{Text: "Add Channel", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onAdd})
	p.empty.Content.Hide()
	p.list = container.NewVBox()
	p.problem = kit.NewMutedText("", fyne.TextAlignCenter, theme.SizeNameText)
	p.problem.Wrapping = fyne.TextWrapWord
	p.failed = container.NewVBox(
		layout.NewSpacer(),
		container.NewCenter(kit.NewBadge(theme.WarningIcon(), theme.ColorNameWarning, 88)),
		&widget.Label{Text: "Parley could not read your channels", Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		p.problem,
		container.NewCenter(&widget.Button{Text: "Try again", Icon: theme.ViewRefreshIcon(), OnTapped: p.Reload}),
		layout.NewSpacer(),
	)
	p.failed.Hide()

	body := container.NewStack(container.NewVScroll(p.list), p.empty.Content, p.failed)
	p.Content = kit.NewPage("Channels", "The WhatsApp numbers connected to Parley", p.add, body)
	return p
}

// Reload reads the channel list in the background and shows it, then
// asks 360dialog how each channel's connection is: when the page is
// opened or the owner tries again.
func (p *Page) Reload() {
	kit.Load(p.run, context.Background(), p.store.Channels, func(chs []app.Channel, err error) {
		if p.show(chs, err) {
			p.checkConnections(chs)
		}
	})
}

// Refresh reads the channel list again and shows it, without asking
// 360dialog anything: for changes Parley made itself, such as a webhook
// that just arrived. Refreshes are paced (see kit.Reloader).
func (p *Page) Refresh() { p.lists.Request() }

// showList shows a list read by Refresh.
func (p *Page) showList(chs []app.Channel, err error) { p.show(chs, err) }

// show puts a loaded channel list (or the reason it failed) on screen
// and reports whether it was read.
func (p *Page) show(chs []app.Channel, err error) bool {
	if err != nil {
		slog.Error("load channels", "err", err)
		p.problem.Segments[0].(*widget.TextSegment).Text = app.Explain(err) + "\nIf this keeps happening, restart Parley."
		p.problem.Refresh()
		p.failed.Show()
		p.empty.Content.Hide()
		p.list.Hide()
		p.add.Hide()
		return false
	}
	p.channels = chs
	p.failed.Hide()
	cards := make([]fyne.CanvasObject, 0, len(chs))
	p.rows = make(map[app.ChannelID]*channelRow, len(chs))
	for _, ch := range chs {
		var status *app.ConnectionStatus
		if st, ok := p.checks[ch.ID]; ok {
			status = &st
		}
		row := p.newRow(ch, status)
		p.rows[ch.ID] = row
		cards = append(cards, row.card)
	}
	p.list.Objects = cards
	p.list.Refresh()
	if len(chs) == 0 {
		p.empty.Content.Show()
		p.list.Hide()
		p.add.Hide()
	} else {
		p.empty.Content.Hide()
		p.list.Show()
		p.add.Show()
	}
	if p.OnLoaded != nil {
		p.OnLoaded(len(chs))
	}
	return true
}

// checkConnections asks 360dialog, in the background, about every
// connected channel and shows each answer. Until it comes, a row shows the
// previous answer.
func (p *Page) checkConnections(chs []app.Channel) {
	if p.checker == nil {
		return
	}
	var due []app.ChannelID
	for _, ch := range chs {
		if !ch.Disconnected {
			due = append(due, ch.ID)
		}
	}
	if len(due) == 0 {
		return
	}
	p.run(func() {
		for _, id := range due {
			ctx, cancel := context.WithTimeout(context.Background(), kit.LoadTimeout)
			st, err := p.checker.CheckConnection(ctx, id)
			cancel()
			if err != nil {
				slog.Warn("check connection", "channel", id, "err", err)
				continue
			}
			fyne.Do(func() { p.showCheck(id, st) })
		}
	})
}

// showCheck remembers a check and shows it on the channel's row.
func (p *Page) showCheck(id app.ChannelID, st app.ConnectionStatus) {
	p.checks[id] = st
	if row := p.rows[id]; row != nil {
		row.setStatus(&st, p.now())
	}
}

// onDeleteData deletes what a disconnected channel kept, after asking.
func (p *Page) onDeleteData(ch app.Channel) {
	if p.remover == nil {
		return
	}
	channelRemoval{window: p.window, run: p.run, core: p.remover, onDone: p.Reload}.confirmDeleteData(ch)
}

func (p *Page) onAdd() {
	if p.OnAddChannel != nil {
		p.OnAddChannel()
	}
}

// comingSoon is the placeholder action of a page that is not built yet.
func (p *Page) comingSoon(title, text string) func() {
	return func() {
		dialog.ShowInformation(title, text+"\nIt arrives in an update of Parley soon.", p.window)
	}
}

func (p *Page) comingSoonFor(title, what string) func(app.Channel) {
	return func(ch app.Channel) {
		p.comingSoon(title, what+" of "+ch.Name+" is on its way.")()
	}
}
