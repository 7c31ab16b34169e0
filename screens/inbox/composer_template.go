package inbox

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// syncTimeout bounds a template sync started from the picker.
const syncTimeout = 2 * time.Minute

// pickerTarget is who a template goes to: an existing conversation, or
// a number typed in the picker (conv nil) on one of channels.
type pickerTarget struct {
	channelID app.ChannelID
	conv      *app.Conversation
	channels  []app.Channel // offered when starting a conversation
}

// templatePicker is the "Send a template" dialog: a searchable list of
// the channel's approved templates, the chosen one as the customer will
// see it, and one field per parameter, pre-filled from the contact or the
// samples. Send stays disabled while a value is missing.
type templatePicker struct {
	env    env
	target pickerTarget
	onSent func(app.Message)

	// Replaced only on the UI goroutine.
	approved []app.Template
	shown    []app.Template
	index    *app.TemplateIndex
	chosen   *app.Template
	syncing  bool

	search   *widget.Entry
	list     *widget.List
	number   *widget.Entry
	channel  *widget.Select
	form     *paramForm
	preview  *widgets.TemplatePreview
	problem  *widget.Label
	send     *widget.Button
	noneText *widget.Label
	syncBtn  *widget.Button
	progress *widget.ProgressBarInfinite
	none     fyne.CanvasObject
	main     fyne.CanvasObject
	dlg      *dialog.CustomDialog
}

// openTemplatePicker shows the dialog; onSent gets the queued message.
func openTemplatePicker(e env, target pickerTarget, onSent func(app.Message)) *templatePicker {
	p := &templatePicker{env: e, target: target, onSent: onSent}
	title := "Send a template"
	if target.conv != nil {
		title += " to " + conversationName(*target.conv)
	} else {
		title = "New conversation"
	}
	p.build()
	cancel := &widget.Button{Text: "Cancel", OnTapped: p.close}
	buttons := container.NewHBox(layout.NewSpacer(), cancel, p.send)
	p.dlg = dialog.NewCustomWithoutButtons(title, container.NewBorder(nil, buttons, nil, nil,
		container.NewStack(p.main, p.none)), e.Window)
	p.dlg.Resize(fyne.NewSize(980, 640))
	p.dlg.Show()
	if p.number != nil {
		e.Window.Canvas().Focus(p.number)
	}
	p.reload()
	return p
}

// build creates the dialog's widgets.
func (p *templatePicker) build() {
	p.search = &widget.Entry{PlaceHolder: "Search templates", ActionItem: widget.NewIcon(theme.SearchIcon())}
	p.search.OnChanged = func(string) { p.applySearch() }
	p.list = widget.NewList(func() int { return len(p.shown) }, newTemplatePickRow, p.updateRow)
	p.list.OnSelected = p.onChosen
	p.preview = widgets.NewTemplatePreview(app.Template{})
	p.preview.Now = p.env.core.Now
	p.preview.Hide()
	p.form = newParamForm(p.onValuesChanged)
	p.form.onChooseFile = p.onChooseHeaderFile
	p.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	p.problem.Hide()
	p.send = &widget.Button{Text: "Send", Icon: theme.MailSendIcon(), Importance: widget.HighImportance, OnTapped: p.onSend}
	p.send.Disable()

	var top []fyne.CanvasObject
	if p.target.conv == nil {
		p.number = &widget.Entry{PlaceHolder: "+49 170 1234567"}
		p.number.OnChanged = func(string) { p.updateSend() }
		top = append(top, widget.NewLabelWithStyle("Customer's WhatsApp number", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.number)
		if len(p.target.channels) > 1 {
			p.channel = &widget.Select{OnChanged: p.onChannel}
			for _, ch := range p.target.channels {
				p.channel.Options = append(p.channel.Options, channelLabel(ch))
			}
			p.channel.SetSelected(channelLabel(p.channelOf(p.target.channelID)))
			top = append(top, widget.NewLabelWithStyle("From", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), p.channel)
		}
	}
	left := container.NewBorder(p.search, nil, nil, nil, p.list)
	hint := kit.NewMutedText("Choose an approved template on the left.", fyne.TextAlignCenter, theme.SizeNameText)
	middle := container.NewBorder(nil, p.problem, nil, nil, container.NewStack(hint, container.NewVScroll(p.form.content)))
	p.form.onShown = func() { hint.Hide() }
	right := container.NewGridWrap(fyne.NewSize(360, 520), p.preview)
	body := container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(250, 520), left), right, middle)
	p.main = container.NewBorder(container.NewVBox(top...), nil, nil, nil, body)

	p.noneText = &widget.Label{Wrapping: fyne.TextWrapWord, Alignment: fyne.TextAlignCenter}
	p.syncBtn = &widget.Button{Text: "Sync templates", Icon: theme.ViewRefreshIcon(), Importance: widget.HighImportance, OnTapped: p.onSync}
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Stop()
	p.progress.Hide()
	p.none = container.NewCenter(container.NewVBox(
		container.NewCenter(kit.NewIconBadge(kit.TemplatesIcon, 88)),
		&widget.Label{Text: "Sync templates first", Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText},
		container.NewGridWrap(fyne.NewSize(460, 70), p.noneText),
		container.NewCenter(p.syncBtn), p.progress))
	p.none.Hide()
}

func (p *templatePicker) close() { p.dlg.Hide() }

// channelOf returns the channel with id among the target's channels.
func (p *templatePicker) channelOf(id app.ChannelID) app.Channel {
	for _, ch := range p.target.channels {
		if ch.ID == id {
			return ch
		}
	}
	return app.Channel{ID: id}
}

func (p *templatePicker) onChannel(label string) {
	for _, ch := range p.target.channels {
		if channelLabel(ch) == label && ch.ID != p.target.channelID {
			p.target.channelID = ch.ID
			p.chosen = nil
			p.reload()
		}
	}
}

// reload reads the channel's local templates in the background.
func (p *templatePicker) reload() {
	core, id := p.env.core, p.target.channelID
	kit.Load(p.env.Run, context.Background(), func(ctx context.Context) (app.TemplateList, error) {
		return core.Templates(ctx, id)
	}, p.loaded)
}

// loaded shows the approved templates, or how to get some.
func (p *templatePicker) loaded(list app.TemplateList, err error) {
	if err != nil {
		slog.Error("load templates", "err", err)
		p.showNone("Parley could not read the templates of this number. " + app.Explain(err))
		return
	}
	p.approved = p.approved[:0]
	for _, t := range list.Templates {
		if t.Status == app.TemplateApproved {
			p.approved = append(p.approved, t)
		}
	}
	p.index = app.NewTemplateIndex(p.approved)
	switch {
	case len(p.approved) > 0:
		p.none.Hide()
		p.main.Show()
		p.applySearch()
	case list.SyncedAt.IsZero():
		p.showNone("Only templates WhatsApp has approved can be sent. Parley needs the list of this number's templates from WhatsApp first.")
	default:
		p.showNone("This number has no approved template yet. Templates need WhatsApp's approval before they can be sent; sync again to check for news.")
	}
}

func (p *templatePicker) showNone(text string) {
	p.noneText.SetText(text)
	p.main.Hide()
	p.none.Show()
	p.send.Disable()
}

// onSync fetches the number's templates from WhatsApp.
func (p *templatePicker) onSync() {
	if p.syncing {
		return
	}
	p.syncing = true
	p.syncBtn.Disable()
	p.progress.Show()
	p.progress.Start()
	core, id := p.env.core, p.target.channelID
	p.env.Run(func() {
		ctx, cancel := context.WithTimeout(context.Background(), syncTimeout)
		defer cancel()
		_, err := core.SyncTemplates(ctx, id, nil)
		fyne.Do(func() {
			p.syncing = false
			p.syncBtn.Enable()
			p.progress.Stop()
			p.progress.Hide()
			if err != nil {
				slog.Warn("sync templates", "err", err)
				p.noneText.SetText("The templates could not be fetched: " + app.Explain(err))
				return
			}
			p.reload()
		})
	})
}

// applySearch lists the approved templates matching the search.
func (p *templatePicker) applySearch() {
	if p.index == nil {
		return
	}
	p.shown = p.index.Search(app.TemplateFilter{Query: p.search.Text})
	p.list.UnselectAll()
	p.list.Refresh()
	if p.chosen != nil {
		for i, t := range p.shown {
			if t.Name == p.chosen.Name && t.Language == p.chosen.Language {
				p.list.Select(i)
			}
		}
	}
}

// newTemplatePickRow is a row of the picker's list: name, then language
// and category.
func newTemplatePickRow() fyne.CanvasObject {
	name := &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis}
	sub := kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameCaptionText)
	sub.Truncation = fyne.TextTruncateEllipsis
	return container.New(layout.NewCustomPaddedLayout(-4, -4, 0, 0), container.NewVBox(name,
		container.New(layout.NewCustomPaddedLayout(-12, 0, 0, 0), sub)))
}

func (p *templatePicker) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	if id >= len(p.shown) {
		return
	}
	t := p.shown[id]
	box := o.(*fyne.Container).Objects[0].(*fyne.Container)
	box.Objects[0].(*widget.Label).SetText(t.Name)
	sub := box.Objects[1].(*fyne.Container).Objects[0].(*widget.RichText)
	sub.Segments[0].(*widget.TextSegment).Text = app.LanguageLabel(t.Language) + " · " + categoryWord(t.Category) +
		unavailableNote(p.recipient(), t)
	sub.Refresh()
}

// categoryWord names a template category in plain words.
func categoryWord(c string) string {
	if c == "" {
		return "Template"
	}
	return strings.ToUpper(c[:1]) + strings.ToLower(c[1:])
}
