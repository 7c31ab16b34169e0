package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// newReceivingSection shows, read-only, where 360dialog delivers the
// channel's messages: the public webhook address, the path of Parley's
// local receiver and when the last message arrived.
func newReceivingSection(ch app.Channel, now time.Time) fyne.CanvasObject {
	address := ch.WebhookURL
	if address == "" {
		address = "Not set up yet"
	}
	last := "None yet"
	if !ch.LastEventAt.IsZero() {
		last = eventTime(ch.LastEventAt, now)
	}
	return container.New(layout.NewFormLayout(),
		configureKey("Webhook address"), &widget.Label{Text: address, Selectable: true, Wrapping: fyne.TextWrapBreak},
		configureKey("Local path"), &widget.Label{Text: "/webhook/" + ch.WebhookToken, Selectable: true, Wrapping: fyne.TextWrapBreak},
		configureKey("Last message"), &widget.Label{Text: last},
	)
}
