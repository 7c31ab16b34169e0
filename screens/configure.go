package screens

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/parley-app/parley/app"
)

// openConfigure shows a channel's settings.
func openConfigure(e env, ch app.Channel) {
	dialog.ShowInformation("Configure", "Changing the settings of "+ch.Name+" is on its way.", e.window)
}
