package screens

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// ChannelLister lists channels; the Core and test fakes implement it.
type ChannelLister interface {
	Channels(ctx context.Context) ([]app.Channel, error)
}

// navigator moves between the Channels list and a channel's own pages.
type navigator interface {
	// showDetail shows a channel's page in place of the Channels list.
	showDetail(obj fyne.CanvasObject)
	// backToChannels returns to the Channels list.
	backToChannels()
}

// env is what every page of a channel is built with.
type env struct {
	window fyne.Window
	core   *app.Core
	run    runner // runs slow work off the UI goroutine
	nav    navigator
}
