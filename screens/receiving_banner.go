package screens

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Texts of the receiving banner and its notification.
const (
	textNotReceiving      = "Not receiving messages"
	textReceivingAgain    = "Receiving messages again"
	textFixReceiving      = "Fix…"
	textDismissReceiving  = "OK"
	receivingClockFormat  = "15:04"
	receivingDayAndFormat = "2 Jan 15:04"
)

// receivingBanner is the strip at the top of the window that says, while
// any channel's messages do not reach this computer, why and how to fix
// it; after an outage it says when messages waited and that they are
// being delivered now. It also posts one notification per outage and
// marks the tray icon.
type receivingBanner struct {
	core     *app.Core
	env      kit.Env
	notify   func(*fyne.Notification)
	onFix    func(app.Channel) // opens the channel's receiving settings
	onChange func(down bool)   // the tray shows whether messages arrive

	*strip
	fix     *widget.Button
	dismiss *widget.Button

	down      *app.ChannelReceiving // the outage shown, if any
	recovered *app.ChannelReceiving // the recovery shown until dismissed
}

func newReceivingBanner(core *app.Core, env kit.Env, notify func(*fyne.Notification), onFix func(app.Channel)) *receivingBanner {
	b := &receivingBanner{core: core, env: env, notify: notify, onFix: onFix}
	b.fix = &widget.Button{Text: textFixReceiving, Importance: widget.HighImportance, OnTapped: b.onFixTapped}
	b.dismiss = &widget.Button{Text: textDismissReceiving, OnTapped: b.onDismiss}
	b.strip = newStrip(fyne.TextWrapOff, b.fix, b.dismiss)
	core.Events().Subscribe(b.onCoreEvent)
	b.down = b.otherOutage(0) // an outage found before the window opened
	b.render()
	return b
}

// onCoreEvent runs on the publishing goroutine.
func (b *receivingBanner) onCoreEvent(e app.Event) {
	if e.Kind != app.EventReceivingChanged || e.Receiving == nil {
		return
	}
	r := *e.Receiving
	if r.State == app.ReceivingDown && b.notify != nil {
		// The keeper publishes a channel's change once: one notification
		// per outage, however often it is checked.
		n := fyne.NewNotification(textNotReceiving, app.Explain(r.Problem))
		fyne.Do(func() { b.notify(n) })
	}
	fyne.Do(func() { b.changed(r) })
}

// changed shows a channel's new state.
func (b *receivingBanner) changed(r app.ChannelReceiving) {
	switch {
	case r.State == app.ReceivingDown:
		b.down, b.recovered = &r, nil
	case b.down != nil && b.down.ChannelID == r.ChannelID:
		b.down = nil
		if r.Recovered != nil {
			b.recovered = &r
		}
		b.down = b.otherOutage(r.ChannelID)
	}
	b.render()
}

// otherOutage is another channel's outage, if the keeper knows one.
func (b *receivingBanner) otherOutage(except app.ChannelID) *app.ChannelReceiving {
	for _, c := range b.core.ReceivingStatus().Channels {
		if c.State == app.ReceivingDown && c.ChannelID != except {
			return &c
		}
	}
	return nil
}

// render shows the outage, else the recovery, else nothing.
func (b *receivingBanner) render() {
	if b.onChange != nil {
		b.onChange(b.down != nil)
	}
	switch {
	case b.down != nil:
		b.paint(theme.ColorNameError, theme.ErrorIcon())
		b.title.SetText(textNotReceiving + " since " + outageTime(b.down.DownSince, b.core.Now()))
		b.text.SetText(app.Explain(b.down.Problem) + " Customers' messages wait at 360dialog and arrive once this is fixed.")
		b.fix.Show()
		b.dismiss.Hide()
	case b.recovered != nil && b.recovered.Recovered != nil:
		o := b.recovered.Recovered
		b.paint(theme.ColorNameSuccess, theme.ConfirmIcon())
		b.title.SetText(textReceivingAgain)
		b.text.SetText("Messages sent between " + outageTime(o.From, o.To) + " and " + o.To.Local().Format(receivingClockFormat) +
			" are being delivered now.")
		b.fix.Hide()
		b.dismiss.Show()
	default:
		b.content.Hide()
		return
	}
	b.content.Show()
	b.content.Refresh()
}

// outageTime is t as the owner reads it next to now: the time of day,
// with the date when it was another day.
func outageTime(t, now time.Time) string {
	if kit.SameDay(t, now) {
		return t.Local().Format(receivingClockFormat)
	}
	return t.Local().Format(receivingDayAndFormat)
}

// onFixTapped opens the receiving settings of the channel that is down.
func (b *receivingBanner) onFixTapped() {
	if b.down == nil || b.onFix == nil {
		return
	}
	id := b.down.ChannelID
	kit.Load(b.env.Run, context.Background(), b.core.Channels, func(chs []app.Channel, err error) {
		if err != nil {
			return
		}
		for _, ch := range chs {
			if ch.ID == id {
				b.onFix(ch)
			}
		}
	})
}

// onDismiss hides the note about a recovery.
func (b *receivingBanner) onDismiss() {
	b.recovered = nil
	b.render()
}
