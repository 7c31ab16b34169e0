package channels

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// templateStatusField is the webhook field of a template's review.
const templateStatusField = "message_template_status_update"

// historyLength is how many entries of a channel's history Configure
// shows.
const historyLength = 12

// newHistorySection is Configure → History: the newest entries of the
// channel's history (template reviews, account updates and errors from
// WhatsApp, and when messages stopped and started reaching Parley),
// read while ctx lasts.
func newHistorySection(e env, ch app.Channel, ctx context.Context) fyne.CanvasObject {
	list := container.NewVBox(kit.NewMutedText("Reading…", fyne.TextAlignLeading, theme.SizeNameText))
	kit.Load(e.Run, ctx, func(ctx context.Context) ([]app.ProviderEvent, error) {
		return e.core.ChannelHistory(ctx, ch.ID, historyLength)
	}, func(es []app.ProviderEvent, err error) {
		switch {
		case err != nil:
			slog.Warn("read channel history", "channel", ch.ID, "err", err)
			list.Objects = []fyne.CanvasObject{kit.NewMutedText("Parley could not read the history: "+app.Explain(err), fyne.TextAlignLeading, theme.SizeNameText)}
		case len(es) == 0:
			list.Objects = []fyne.CanvasObject{kit.NewMutedText("Nothing yet.", fyne.TextAlignLeading, theme.SizeNameText)}
		default:
			list.Objects = nil
			for _, ev := range es {
				list.Add(historyRow(ev, e.core.Now()))
			}
		}
		list.Refresh()
	})
	return list
}

// historyRow is one entry: when, what, and its detail.
func historyRow(ev app.ProviderEvent, now time.Time) fyne.CanvasObject {
	title := ev.Title
	switch {
	case ev.Field == templateStatusField && title != "":
		title = "Template " + strings.ToLower(strings.ReplaceAll(title, "_", " ")) // "Template approved"
	case title == "":
		title = strings.ReplaceAll(ev.Field, "_", " ")
	}
	when := kit.NewMutedText(eventTime(ev.Timestamp, now), fyne.TextAlignLeading, theme.SizeNameCaptionText)
	what := &widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	rows := []fyne.CanvasObject{what}
	if ev.Detail != "" {
		detail := kit.NewMutedText(ev.Detail, fyne.TextAlignLeading, theme.SizeNameText)
		detail.Wrapping = fyne.TextWrapWord
		rows = append(rows, detail)
	}
	return container.NewBorder(nil, nil, container.New(layout.NewGridWrapLayout(fyne.NewSize(130, 20)), when), nil,
		container.New(layout.NewCustomPaddedVBoxLayout(-6), rows...))
}
