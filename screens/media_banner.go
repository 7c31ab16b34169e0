package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
)

// mediaBanner is the strip at the top of the window while saving
// customers' attachments is paused because the disk is nearly full; it
// goes away by itself once there is room again.
type mediaBanner struct {
	core *app.Core
	*strip
}

func newMediaBanner(core *app.Core) *mediaBanner {
	b := &mediaBanner{core: core}
	b.strip = newStrip(fyne.TextWrapOff) // informs only: no title, no buttons
	b.title.Hide()
	b.paint(theme.ColorNameWarning, theme.WarningIcon())
	core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMediaDownloads {
			fyne.Do(b.render)
		}
	})
	b.render()
	return b
}

// render shows the pause, if any.
func (b *mediaBanner) render() {
	text := b.core.MediaDownloadsPaused().Banner()
	if text == "" {
		b.content.Hide()
		return
	}
	b.text.SetText(text)
	b.content.Show()
	b.content.Refresh()
}
