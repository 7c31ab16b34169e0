package screens

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/parley-app/parley/app"
)

// openTemplates shows a channel's message templates.
func openTemplates(e env, ch app.Channel) {
	dialog.ShowInformation("Templates", "Managing the templates of "+ch.Name+" is on its way.", e.window)
}
