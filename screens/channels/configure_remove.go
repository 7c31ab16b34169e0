package channels

import (
	"context"
	"fmt"
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// channelRemover removes channels; the Core implements it.
type channelRemover interface {
	// DisconnectChannel deletes the key and keeps the channel's data.
	DisconnectChannel(ctx context.Context, id app.ChannelID) error
	// RemoveChannel deletes the key, the channel and all its data.
	RemoveChannel(ctx context.Context, id app.ChannelID) error
}

// channelRemoval asks the owner how to remove a channel and does it: first
// whether to remove it at all, then whether its conversations and
// templates on this computer go too (if not, the channel stays listed as
// disconnected).
type channelRemoval struct {
	window fyne.Window
	run    kit.Runner
	core   channelRemover
	// onDone runs after the channel was removed or disconnected.
	onDone func()
}

// confirmRemove asks the first question.
func (r channelRemoval) confirmRemove(ch app.Channel) {
	text := fmt.Sprintf("Remove %s (%s) from Parley?\n\n"+
		"Parley stops sending and receiving WhatsApp messages for this number\n"+
		"and deletes its API key from this computer. The number itself stays\n"+
		"yours at 360dialog, and you can add it again later.",
		ch.Name, app.FormatPhone(ch.PhoneNumber))
	r.ask("Remove channel?", text, []choice{
		{label: "Cancel"},
		{label: "Remove channel…", importance: widget.DangerImportance, act: func() { r.confirmData(ch) }},
	})
}

// confirmData asks the second question: the channel's local data.
func (r channelRemoval) confirmData(ch app.Channel) {
	text := "Also delete this channel's conversations and templates\nstored on this computer?\n\n" +
		"Keep them to read old conversations later: the channel stays in\nyour list as disconnected. " +
		"Deleted data cannot be brought back."
	r.ask("Delete the conversations too?", text, []choice{
		{label: "Cancel"},
		{label: "Keep conversations", act: func() { r.do(ch, false) }},
		{label: "Delete everything", importance: widget.DangerImportance, act: func() { r.do(ch, true) }},
	})
}

// confirmDeleteData deletes what a disconnected channel kept.
func (r channelRemoval) confirmDeleteData(ch app.Channel) {
	text := fmt.Sprintf("Delete %s (%s)\nwith its conversations and templates from this computer?\n\nThis cannot be undone.",
		ch.Name, app.FormatPhone(ch.PhoneNumber))
	r.ask("Delete channel data?", text, []choice{
		{label: "Cancel"},
		{label: "Delete everything", importance: widget.DangerImportance, act: func() { r.do(ch, true) }},
	})
}

// choice is one button of a question.
type choice struct {
	label      string
	importance widget.Importance
	act        func() // nil just closes the question
}

// ask shows a question with its choices as buttons, the first on the left.
func (r channelRemoval) ask(title, text string, choices []choice) {
	body := &widget.Label{Text: text}
	content := container.New(layout.NewCustomPaddedLayout(4, 14, 0, 4), container.NewBorder(nil, nil,
		container.NewVBox(kit.NewBadge(theme.WarningIcon(), theme.ColorNameWarning, 48), layout.NewSpacer()), nil,
		body))
	d := dialog.NewCustomWithoutButtons(title, content, r.window)
	buttons := make([]fyne.CanvasObject, 0, len(choices))
	for _, c := range choices {
		act := c.act
		buttons = append(buttons, &widget.Button{Text: c.label, Importance: c.importance, OnTapped: func() {
			d.Hide()
			if act != nil {
				act()
			}
		}})
	}
	d.SetButtons(buttons)
	d.Show()
}

// do disconnects the channel (keepData false) or removes it with its data,
// off the UI goroutine.
func (r channelRemoval) do(ch app.Channel, deleteData bool) {
	core := r.core
	kit.Load(r.run, context.Background(), func(ctx context.Context) (struct{}, error) {
		if deleteData {
			return struct{}{}, core.RemoveChannel(ctx, ch.ID)
		}
		return struct{}{}, core.DisconnectChannel(ctx, ch.ID)
	}, func(_ struct{}, err error) {
		if err != nil {
			slog.Error("remove channel", "channel", ch.ID, "delete_data", deleteData, "err", err)
			dialog.ShowInformation("Could not remove the channel",
				"Parley could not remove "+ch.Name+". Nothing was changed.\n\n"+app.Explain(err), r.window)
			return
		}
		if r.onDone != nil {
			r.onDone()
		}
	})
}
