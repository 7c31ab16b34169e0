package channels

import (
	"math"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// channelRow is one channel on the Channels page: a card with the
// channel's name, number and provider, its state (connected, key
// rejected, offline, disconnected; receiving messages or not yet) and its
// actions.
type channelRow struct {
	ch    app.Channel
	dot   *canvas.Circle
	state *widget.RichText
	note  *widget.Label
	card  fyne.CanvasObject
}

// Texts of a channel's standing on its row.
const (
	textQuality = "Quality: "
	textLimit   = "Limit: "
)

// newHealthLine is the channel's standing as WhatsApp last reported it:
// a dot in the rating's colour, the rating and the messaging limit, and
// below any restriction; nil when nothing was reported (or the channel
// is disconnected).
func newHealthLine(ch app.Channel, now time.Time) fyne.CanvasObject {
	h := ch.Health
	if ch.Disconnected || h == (app.AccountHealth{}) {
		return nil
	}
	colour := theme.ColorNameDisabled
	switch h.Quality {
	case app.QualityGreen:
		colour = theme.ColorNameSuccess
	case app.QualityYellow:
		colour = theme.ColorNameWarning
	case app.QualityRed:
		colour = theme.ColorNameError
	}
	dot := canvas.NewCircle(theme.Color(colour))
	text := widget.NewRichText(
		&widget.TextSegment{Text: textQuality + h.Quality.Label(), Style: widget.RichTextStyle{Inline: true,
			ColorName: colour, TextStyle: fyne.TextStyle{Bold: h.Quality == app.QualityYellow || h.Quality == app.QualityRed}}},
		&widget.TextSegment{Text: "  ·  " + textLimit + h.Limit.Label(), Style: widget.RichTextStyle{Inline: true,
			ColorName: theme.ColorNamePlaceHolder}},
	)
	text.Wrapping = fyne.TextWrapWord
	line := container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
		container.NewBorder(nil, nil, container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(9), dot)), nil, text))
	if !h.Restriction.Active(now) {
		return line
	}
	title, _ := h.Explain(now)
	return container.NewVBox(line, &widget.Label{Text: title + ".", Wrapping: fyne.TextWrapWord,
		Importance: widget.DangerImportance})
}

// newRow builds the card of ch; status is the last connection check, if
// any.
func (p *Page) newRow(ch app.Channel, status *app.ConnectionStatus) *channelRow {
	r := &channelRow{ch: ch}
	r.dot = canvas.NewCircle(theme.Color(theme.ColorNameDisabled))
	r.state = widget.NewRichText(
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}},
		&widget.TextSegment{Style: widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder}},
	)
	r.state.Wrapping = fyne.TextWrapWord
	r.note = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	r.setStatus(status, p.now())

	nameColor, badgeColor := theme.ColorNameForeground, theme.ColorNamePrimary
	if ch.Disconnected {
		nameColor, badgeColor = theme.ColorNamePlaceHolder, theme.ColorNameDisabled
	}
	nameLabel := widget.NewRichText(&widget.TextSegment{Text: ch.Name, Style: widget.RichTextStyle{
		ColorName: nameColor, TextStyle: fyne.TextStyle{Bold: true},
	}})
	nameLabel.Truncation = fyne.TextTruncateEllipsis
	details := app.FormatPhone(ch.PhoneNumber) + "  ·  " + providerLabel(ch.Provider)
	dot := container.NewCenter(container.NewGridWrap(fyne.NewSquareSize(9), r.dot))
	text := container.NewVBox(
		nameLabel,
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			kit.NewMutedText(details, fyne.TextAlignLeading, theme.SizeNameText)),
		container.New(layout.NewCustomPaddedLayout(-theme.Padding()*2, 0, 0, 0),
			container.NewBorder(nil, nil, dot, nil, r.state)),
	)
	if health := newHealthLine(ch, p.now()); health != nil {
		text.Add(health)
	}
	text.Add(r.note)
	// The actions go under the text, not beside it: four buttons beside
	// the number and its state did not fit a window 900 points wide, and
	// Templates and Broadcasts were cut off.
	text.Add(container.New(layout.NewCustomPaddedLayout(4, 0, 0, 0), container.NewHBox(p.newRowActions(ch))))
	body := container.NewBorder(nil, nil,
		container.NewVBox(kit.NewBadge(kit.ChannelIcon, badgeColor, 48)), nil,
		text)

	bg := &canvas.Rectangle{
		FillColor:    theme.Color(kit.ColorNameCard),
		StrokeColor:  theme.Color(kit.ColorNameCardBorder),
		StrokeWidth:  1,
		CornerRadius: theme.Size(theme.SizeNameInputRadius) * 2,
	}
	if ch.Disconnected {
		bg.FillColor = theme.Color(kit.ColorNameSidebar)
	}
	r.card = container.New(layout.NewCustomPaddedLayout(0, 10, 0, 0),
		container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(10, 10, 14, 14), body)))
	return r
}

// newRowActions are Configure, Profile, Templates and Broadcasts; a disconnected
// channel offers Reconnect and Delete data instead.
func (p *Page) newRowActions(ch app.Channel) fyne.CanvasObject {
	if ch.Disconnected {
		return container.NewHBox(
			&widget.Button{Text: "Reconnect", Icon: theme.SettingsIcon(), OnTapped: func() { p.OnConfigure(ch) }},
			&widget.Button{Text: "Delete data", Icon: theme.DeleteIcon(), OnTapped: func() { p.onDeleteData(ch) }},
		)
	}
	actions := container.NewHBox(
		&widget.Button{Text: "Configure", Icon: theme.SettingsIcon(), OnTapped: func() { p.OnConfigure(ch) }},
		&widget.Button{Text: "Profile", Icon: kit.ProfileIcon, OnTapped: func() { p.OnProfile(ch) }},
		&widget.Button{Text: "Templates", Icon: kit.TemplatesIcon, OnTapped: func() { p.OnTemplates(ch) }},
	)
	if p.OnBroadcasts != nil {
		actions.Add(&widget.Button{Text: "Broadcasts", Icon: kit.BroadcastIcon, OnTapped: func() { p.OnBroadcasts(ch) }})
	}
	return actions
}

// setStatus shows the channel's state; status nil means not checked yet.
func (r *channelRow) setStatus(status *app.ConnectionStatus, now time.Time) {
	text, color, note := connectionText(r.ch, status)
	receiving := ""
	if !r.ch.Disconnected {
		receiving = "  ·  " + receivingText(r.ch.LastEventAt, now)
	}
	segs := r.state.Segments
	segs[0].(*widget.TextSegment).Text = text
	segs[0].(*widget.TextSegment).Style.ColorName = color
	segs[1].(*widget.TextSegment).Text = receiving
	r.state.Refresh()
	r.dot.FillColor = theme.Color(color)
	if color == theme.ColorNameForeground {
		r.dot.FillColor = theme.Color(theme.ColorNameDisabled)
	}
	r.dot.Refresh()
	r.note.Importance = widget.DangerImportance
	if color == theme.ColorNameWarning {
		r.note.Importance = widget.WarningImportance
	}
	r.note.SetText(note)
	if note == "" {
		r.note.Hide()
	} else {
		r.note.Show()
	}
}

// connectionText is the short state of a channel, its colour and, when
// the owner must act, a sentence saying what to do.
func connectionText(ch app.Channel, st *app.ConnectionStatus) (string, fyne.ThemeColorName, string) {
	const rejected = "360dialog rejected this channel's API key. Open Configure to enter the current key."
	if ch.Disconnected {
		return "Disconnected — conversations kept", theme.ColorNamePlaceHolder, ""
	}
	if st == nil {
		switch ch.KeyState {
		case app.KeyRejected:
			return "Key rejected", theme.ColorNameError, rejected
		case app.KeyOK:
			return "Connected", theme.ColorNameSuccess, ""
		}
		return "Checking the connection…", theme.ColorNamePlaceHolder, ""
	}
	switch st.State {
	case app.ConnectionOK:
		return "Connected", theme.ColorNameSuccess, ""
	case app.ConnectionKeyRejected:
		return "Key rejected", theme.ColorNameError, rejected
	case app.ConnectionOffline:
		return "Offline", theme.ColorNameWarning, "Parley cannot reach 360dialog from this computer right now. It checks again when you open this page."
	case app.ConnectionUnavailable:
		return "360dialog not answering", theme.ColorNameWarning, st.Plain
	case app.ConnectionNoKey:
		return "No API key", theme.ColorNameError, st.Plain
	}
	return "Not checked yet", theme.ColorNamePlaceHolder, ""
}

// receivingText says whether customer messages arrive, and when the last
// one did.
func receivingText(last, now time.Time) string {
	if last.IsZero() {
		return "Not receiving messages yet"
	}
	return "Receiving messages — last one " + eventTime(last, now)
}

// eventTime is a moment in words relative to now: "today at 10:42",
// "yesterday at 18:03", "3 Nov at 09:15" or "3 Nov 2025".
func eventTime(t, now time.Time) string {
	t, now = t.Local(), now.Local()
	day := func(x time.Time) time.Time { return time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.Local) }
	switch days := int(math.Round(day(now).Sub(day(t)).Hours() / 24)); {
	case days == 0:
		return "today at " + t.Format("15:04")
	case days == 1:
		return "yesterday at " + t.Format("15:04")
	case t.Year() == now.Year():
		return t.Format("2 Jan") + " at " + t.Format("15:04")
	}
	return t.Format("2 Jan 2006")
}

// providerLabel names a channel's provider the way the owner knows it.
func providerLabel(provider string) string {
	if provider == app.ProviderName360dialog || provider == "" {
		return "360dialog WhatsApp"
	}
	return provider
}
