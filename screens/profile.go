package screens

import (
	"fyne.io/fyne/v2/dialog"

	"github.com/parley-app/parley/app"
)

// openProfile shows a channel's WhatsApp Business profile editor.
func openProfile(e env, ch app.Channel) {
	dialog.ShowInformation("Profile", "Editing the profile of "+ch.Name+" is on its way.", e.window)
}
