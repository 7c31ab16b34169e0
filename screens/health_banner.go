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

// Texts of the account health banner.
const (
	textHealthOK      = "OK"
	textHealthDetails = "Open channel"
)

// healthBanner is the strip at the top of the window that says, while a
// channel's quality rating is medium or low or WhatsApp restricts its
// account, what that means and what to do. Each change for the worse
// posts one desktop notification (the core publishes each change once).
// OK hides the strip until the channel's standing changes again.
type healthBanner struct {
	core   *app.Core
	env    kit.Env
	notify func(*fyne.Notification)
	onOpen func(app.Channel) // opens the channel's settings

	*strip
	open    *widget.Button
	dismiss *widget.Button

	channels  []app.Channel
	dismissed map[app.ChannelID]app.AccountHealth // hidden by OK, until it changes
	shown     *app.Channel
}

func newHealthBanner(core *app.Core, env kit.Env, notify func(*fyne.Notification), onOpen func(app.Channel)) *healthBanner {
	b := &healthBanner{core: core, env: env, notify: notify, onOpen: onOpen, dismissed: map[app.ChannelID]app.AccountHealth{}}
	b.open = &widget.Button{Text: textHealthDetails, OnTapped: b.onOpenTapped}
	b.dismiss = &widget.Button{Text: textHealthOK, Importance: widget.HighImportance, OnTapped: b.onDismiss}
	b.strip = newStrip(fyne.TextWrapWord, b.open, b.dismiss)
	core.Events().Subscribe(b.onCoreEvent)
	b.reload() // a problem reported before the window opened shows without a notification
	return b
}

// onCoreEvent runs on the publishing goroutine.
func (b *healthBanner) onCoreEvent(e app.Event) {
	switch e.Kind {
	case app.EventAccountHealthChanged:
		if e.Health != nil && e.Health.Worse && b.notify != nil {
			title, advice := e.Health.After.Explain(b.core.Now())
			if title == "" { // worse, yet no problem to explain: a smaller limit
				title = "WhatsApp lowered your messaging limit"
				advice = "You can now start conversations with " + e.Health.After.Limit.Label() + "."
			}
			n := fyne.NewNotification(title, advice)
			fyne.Do(func() { b.notify(n) })
		}
		fyne.Do(b.reload)
	case app.EventChannelsChanged:
		fyne.Do(b.reload)
	}
}

// reload reads the channels and shows the most serious problem.
func (b *healthBanner) reload() {
	kit.Load(b.env.Run, context.Background(), b.core.Channels, func(chs []app.Channel, err error) {
		if err != nil {
			return // the banner keeps what it showed; the Channels page tells of the error
		}
		b.channels = chs
		b.render()
	})
}

// render shows the channel whose standing is worst and not dismissed.
func (b *healthBanner) render() {
	now := b.core.Now()
	b.shown = nil
	worst := -1
	for i := range b.channels {
		ch := &b.channels[i]
		if ch.Disconnected || !ch.Health.NeedsAttention(now) {
			continue
		}
		if d, ok := b.dismissed[ch.ID]; ok && d == ch.Health {
			continue
		}
		if s := severity(ch.Health, now); s > worst {
			b.shown, worst = ch, s
		}
	}
	if b.shown == nil {
		b.content.Hide()
		return
	}
	title, advice := b.shown.Health.Explain(now)
	if len(b.channels) > 1 {
		title = b.shown.Name + ": " + title
	}
	b.title.SetText(title)
	b.text.SetText(advice)
	fg, icon := theme.ColorNameWarning, theme.WarningIcon()
	if worst >= 2 {
		fg, icon = theme.ColorNameError, theme.ErrorIcon()
	}
	b.paint(fg, icon)
	b.content.Show()
	b.content.Refresh()
}

// severity orders problems: a yellow rating 1, a red one or any
// restriction 2, a disabled or rejected account 3.
func severity(h app.AccountHealth, now time.Time) int {
	if h.Restriction.Active(now) {
		switch h.Restriction.Kind {
		case app.RestrictionDisabled, app.RestrictionRejected:
			return 3
		}
		return 2
	}
	if h.Quality == app.QualityRed {
		return 2
	}
	return 1
}

// onOpenTapped opens the settings of the channel shown.
func (b *healthBanner) onOpenTapped() {
	if b.shown != nil && b.onOpen != nil {
		b.onOpen(*b.shown)
	}
}

// onDismiss hides the channel's problem until its standing changes.
func (b *healthBanner) onDismiss() {
	if b.shown != nil {
		b.dismissed[b.shown.ID] = b.shown.Health
	}
	b.render()
}
