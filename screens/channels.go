package screens

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
)

// loadTimeout bounds one read of the channel list.
const loadTimeout = 15 * time.Second

// channelsPage is Settings → Channels: the WhatsApp numbers Parley is
// connected to, each with its Configure, Profile and Templates actions.
type channelsPage struct {
	window fyne.Window
	store  ChannelLister
	run    runner

	// OnAddChannel starts the Add Channel wizard.
	OnAddChannel func()
	// OnConfigure, OnProfile and OnTemplates open a channel's pages.
	OnConfigure func(app.Channel)
	OnProfile   func(app.Channel)
	OnTemplates func(app.Channel)
	// onLoaded tells the shell how many channels exist after each load.
	onLoaded func(n int)

	// channels is what the page shows; it is replaced only on the UI
	// goroutine.
	channels []app.Channel

	add     *widget.Button // in the heading, once channels exist
	list    *fyne.Container
	empty   *emptyState
	problem *widget.RichText
	failed  fyne.CanvasObject
	content fyne.CanvasObject
}

func newChannelsPage(w fyne.Window, store ChannelLister, run runner) *channelsPage {
	p := &channelsPage{window: w, store: store, run: run}
	p.OnAddChannel = p.comingSoon("Add Channel", "The assistant that connects a new WhatsApp number is on its way.")
	p.OnConfigure = p.comingSoonFor("Configure", "Changing a channel's settings")
	p.OnProfile = p.comingSoonFor("Profile", "Editing the WhatsApp Business profile")
	p.OnTemplates = p.comingSoonFor("Templates", "Managing message templates")

	p.add = &widget.Button{Text: "Add Channel", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onAdd}
	p.add.Hide()
	p.empty = newEmptyState(channelIcon,
		"No channels yet",
		"Connect the WhatsApp Business number you bought from 360dialog,\nand its customer messages arrive in the Space.",
		&widget.Button{Text: "Add Channel", Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: p.onAdd})
	p.empty.content.Hide()
	p.list = container.NewVBox()
	p.problem = newMutedText("", fyne.TextAlignCenter, theme.SizeNameText)
	p.problem.Wrapping = fyne.TextWrapWord
	p.failed = container.NewVBox(
		layout.NewSpacer(),
		container.NewCenter(newBadge(theme.WarningIcon(), theme.ColorNameWarning, 88)),
		&widget.Label{Text: "Parley could not read your channels", Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		p.problem,
		container.NewCenter(&widget.Button{Text: "Try again", Icon: theme.ViewRefreshIcon(), OnTapped: p.reload}),
		layout.NewSpacer(),
	)
	p.failed.Hide()

	body := container.NewStack(container.NewVScroll(p.list), p.empty.content, p.failed)
	p.content = newPage("Channels", "The WhatsApp numbers connected to Parley", p.add, body)
	return p
}

// reload reads the channel list in the background and shows it.
func (p *channelsPage) reload() {
	p.run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), loadTimeout)
		defer cancel()
		chs, err := p.store.Channels(ctx)
		fyne.Do(func() { p.show(chs, err) })
	})
}

// show puts a loaded channel list (or the reason it failed) on screen.
func (p *channelsPage) show(chs []app.Channel, err error) {
	if err != nil {
		slog.Error("load channels", "err", err)
		p.problem.Segments[0].(*widget.TextSegment).Text = "Try again in a moment; if this keeps happening, restart Parley.\nDetails: " + err.Error()
		p.problem.Refresh()
		p.failed.Show()
		p.empty.content.Hide()
		p.list.Hide()
		p.add.Hide()
		return
	}
	p.channels = chs
	p.failed.Hide()
	rows := make([]fyne.CanvasObject, 0, len(chs))
	for _, ch := range chs {
		rows = append(rows, p.newRow(ch))
	}
	p.list.Objects = rows
	p.list.Refresh()
	if len(chs) == 0 {
		p.empty.content.Show()
		p.list.Hide()
		p.add.Hide()
	} else {
		p.empty.content.Hide()
		p.list.Show()
		p.add.Show()
	}
	if p.onLoaded != nil {
		p.onLoaded(len(chs))
	}
}

func (p *channelsPage) onAdd() {
	if p.OnAddChannel != nil {
		p.OnAddChannel()
	}
}

// comingSoon is the placeholder action of a page that is not built yet.
func (p *channelsPage) comingSoon(title, text string) func() {
	return func() {
		dialog.ShowInformation(title, text+"\nIt arrives in an update of Parley soon.", p.window)
	}
}

func (p *channelsPage) comingSoonFor(title, what string) func(app.Channel) {
	return func(ch app.Channel) {
		p.comingSoon(title, what+" of "+ch.Name+" is on its way.")()
	}
}
