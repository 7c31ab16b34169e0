package kit

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// Nav moves between the pages of the main window; the shell implements
// it. A feature shows its own pages with Show, asks for another
// feature's page with Push, and leaves with Back: it never builds a page
// of another feature itself.
type Nav interface {
	// Show puts page on screen in place of the current page, which
	// stays where it is in the history. The context it returns ends when
	// another page takes its place: loads for the page use it, so that
	// what is read for a closed page is dropped.
	Show(page fyne.CanvasObject) context.Context
	// Push opens the page r names over the current one; Back from it
	// opens the current one again, afresh.
	Push(r Route)
	// Back leaves the current page for the one it was pushed over, or for
	// the Channels list when it was opened from there.
	Back()
}

// Page names a page that one feature may ask Nav to open.
type Page int

// The pages one feature may open in another through Nav.Push.
const (
	PageTemplates  Page = iota + 1 // a channel's message templates
	PageBuilder                    // the template builder, with Route.Template as its start
	PageBroadcasts                 // a channel's broadcasts
)

// Route is a page with what it shows: a channel and, for the builder, the
// template to start from (nil for a new one).
type Route struct {
	Page     Page
	Channel  app.Channel
	Template *app.Template
}
