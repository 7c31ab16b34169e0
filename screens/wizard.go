package screens

import (
	"fyne.io/fyne/v2/dialog"
)

// openAddChannel starts the Add Channel wizard.
func openAddChannel(e env) {
	dialog.ShowInformation("Add Channel", "The assistant that connects a new WhatsApp number is on its way.", e.window)
}
