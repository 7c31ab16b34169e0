package channels

import (
	"context"
	"errors"
	"log/slog"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// configurePage is a channel's settings: its name (free to edit), its
// connection to 360dialog (behind a warning), how messages reach Parley,
// and removing the channel.
type configurePage struct {
	env env
	ch  app.Channel // as last saved
	// ctx lasts while the page is shown; reads for it (the connection
	// check) stop when close ends it. Saves use their own.
	ctx   context.Context
	close context.CancelFunc

	heading  *widget.Label
	subtitle *widget.RichText
	name     *keyEntry
	nameNote *kit.FieldNote
	saveName *widget.Button
	conn     *connectionSection
	done     *widget.Button
	remove   *widget.Button
	content  fyne.CanvasObject
}

// openConfigure shows a channel's settings in place of the Channels list.
func openConfigure(e env, ch app.Channel) {
	p := newConfigurePage(e, ch)
	closed := e.Nav.Show(p.content)
	context.AfterFunc(closed, p.close) // what is read for the page stops when the owner leaves it
}

func newConfigurePage(e env, ch app.Channel) *configurePage {
	p := &configurePage{env: e, ch: ch}
	p.ctx, p.close = context.WithCancel(context.Background())
	p.name = newKeyEntry("WhatsApp "+app.FormatPhone(ch.PhoneNumber), false)
	p.name.SetText(ch.Name)
	p.name.OnChanged = p.onNameChanged
	p.name.OnSubmitted = func(string) { p.onSaveName() }
	p.nameNote = kit.NewFieldNote("Only you see this name. Customers see your WhatsApp Business profile.")
	p.saveName = &widget.Button{Text: "Save", Icon: theme.DocumentSaveIcon(), OnTapped: p.onSaveName}
	p.saveName.Disable()
	p.conn = newConnectionSection(p)
	p.done = &widget.Button{Text: "Done", Icon: theme.ConfirmIcon(), Importance: widget.HighImportance, OnTapped: p.onDone}
	p.remove = &widget.Button{Text: "Remove channel", Icon: theme.DeleteIcon(), Importance: widget.DangerImportance, OnTapped: p.onRemove}

	nameField := kit.NewFormField("Channel name", container.NewBorder(nil, nil, nil, p.saveName, p.name), p.nameNote)
	body := container.NewVBox(
		newConfigureSection("Name", "An internal label for this number.", nameField),
		newConfigureSection("Connection", "How Parley reaches this number at 360dialog.", p.conn.content),
		newConfigureSection("Receiving messages", "How this number's customer messages reach Parley.", newReceivingSection(e, ch, p.ctx).content),
		newConfigureSection("History", "What WhatsApp reported about this number, and when messages stopped or started reaching Parley.",
			newHistorySection(e, ch, p.ctx)),
		container.New(layout.NewCustomPaddedLayout(16, 8, 0, 0), container.NewHBox(p.remove)),
	)
	back := &widget.Button{Text: "Channels", Icon: theme.NavigateBackIcon(), Importance: widget.LowImportance, OnTapped: p.onBack}
	p.heading = &widget.Label{Text: "Configure", TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	p.subtitle = kit.NewMutedText(channelSubtitle(ch), fyne.TextAlignLeading, theme.SizeNameText)
	p.showChannel()
	p.content = configureLayout(back, p.heading, p.subtitle, p.done,
		container.NewVScroll(container.New(layout.NewCustomPaddedLayout(0, 0, 0, 14), body)))
	p.conn.check()
	return p
}

// channelSubtitle names a channel under a page title.
func channelSubtitle(ch app.Channel) string {
	return ch.Name + "  ·  " + app.FormatPhone(ch.PhoneNumber)
}

// configureLayout is a channel page: the way back to Channels above the
// title and the channel's name and number, the actions on the right, and
// the body below.
func configureLayout(back *widget.Button, heading *widget.Label, subtitle *widget.RichText, actions, body fyne.CanvasObject) fyne.CanvasObject {
	titles := container.NewVBox(heading,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0), subtitle))
	top := container.NewVBox(
		container.New(layout.NewCustomPaddedLayout(0, -theme.Padding(), -theme.Padding()*2, 0), container.NewHBox(back)),
		container.NewBorder(nil, nil, nil, container.NewVBox(layout.NewSpacer(), actions, layout.NewSpacer()), titles),
		container.New(layout.NewCustomPaddedLayout(0, 4, 0, 0), widget.NewSeparator()),
	)
	return container.New(layout.NewCustomPaddedLayout(8, 18, 24, 24), container.NewBorder(top, nil, nil, nil, body))
}

// newConfigureSection is a titled part of the page with a card below.
func newConfigureSection(title, text string, content fyne.CanvasObject) fyne.CanvasObject {
	heading := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	return container.New(layout.NewCustomPaddedLayout(8, 4, 0, 0), container.NewVBox(
		heading,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 2, 0, 0), kit.NewMutedText(text, fyne.TextAlignLeading, theme.SizeNameText)),
		kit.NewFormCard(content),
	))
}

// nameChanged reports whether the name field differs from the saved name.
func (p *configurePage) nameChanged() bool {
	return strings.TrimSpace(p.name.Text) != p.ch.Name
}

func (p *configurePage) onNameChanged(string) {
	p.nameNote.SetProblem("")
	p.nameNote.SetHint("Only you see this name. Customers see your WhatsApp Business profile.")
	if p.nameChanged() {
		p.saveName.Enable()
	} else {
		p.saveName.Disable()
	}
}

func (p *configurePage) onSaveName() { p.saveNameThen(nil) }

// saveNameThen saves a changed name in the background and then runs next
// (if the save worked).
func (p *configurePage) saveNameThen(next func()) {
	if !p.nameChanged() {
		if next != nil {
			next()
		}
		return
	}
	name := p.name.Text
	p.saveName.Disable()
	p.done.Disable()
	core, id := p.env.core, p.ch.ID
	kit.Load(p.env.Run, context.Background(), func(ctx context.Context) (struct{}, error) {
		return struct{}{}, core.RenameChannel(ctx, id, name)
	}, func(_ struct{}, err error) { p.onNameSaved(name, err, next) })
}

func (p *configurePage) onNameSaved(name string, err error, next func()) {
	p.done.Enable()
	if err != nil {
		p.saveName.Enable()
		var verrs app.ValidationErrors
		if errors.As(err, &verrs) && verrs.For(app.FieldChannelName) != "" {
			p.nameNote.SetProblem(verrs.For(app.FieldChannelName))
			return
		}
		slog.Error("rename channel", "channel", p.ch.ID, "err", err)
		p.nameNote.SetProblem("Parley could not save the name. " + app.Explain(err))
		return
	}
	p.ch.Name = strings.TrimSpace(name)
	if p.ch.Name == "" {
		p.ch.Name = "WhatsApp " + app.FormatPhone(p.ch.PhoneNumber)
		p.name.SetText(p.ch.Name)
	}
	p.showChannel()
	p.nameNote.SetGood("Saved.")
	if next != nil {
		next()
	}
}

// showChannel updates the heading after a change.
func (p *configurePage) showChannel() {
	p.subtitle.Segments[0].(*widget.TextSegment).Text = channelSubtitle(p.ch)
	p.subtitle.Refresh()
	if p.ch.Disconnected {
		p.remove.SetText("Delete channel and data")
	} else {
		p.remove.SetText("Remove channel")
	}
	p.onNameChanged(p.name.Text)
}

// dirty reports whether something typed is not saved yet.
func (p *configurePage) dirty() bool {
	return p.nameChanged() || p.conn.changed()
}

// onDone saves what changed (the name, then a changed connection, whose
// key is verified first) and returns to the Channels list.
func (p *configurePage) onDone() {
	p.saveNameThen(func() {
		p.conn.saveThen(p.env.Nav.Back)
	})
}

// onBack returns to the Channels list, asking first when something typed
// would be lost.
func (p *configurePage) onBack() {
	if !p.dirty() {
		p.env.Nav.Back()
		return
	}
	d := dialog.NewConfirm("Leave without saving?",
		"Your changes to "+p.ch.Name+" are not saved yet.\nPress Done instead to save them.",
		func(leave bool) {
			if leave {
				p.env.Nav.Back()
			}
		}, p.env.Window)
	d.SetConfirmText("Leave without saving")
	d.SetDismissText("Stay")
	d.Show()
}

// onRemove asks twice (the channel, then its local data) and removes it.
func (p *configurePage) onRemove() {
	r := channelRemoval{window: p.env.Window, run: p.env.Run, core: p.env.core, onDone: p.env.Nav.Back}
	if p.ch.Disconnected {
		r.confirmDeleteData(p.ch)
		return
	}
	r.confirmRemove(p.ch)
}
