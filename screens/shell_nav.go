package screens

import (
	"context"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/screens/broadcasts"
	"github.com/parley-app/parley/screens/builder"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/templates"
)

var _ kit.Nav = (*shell)(nil)

// Show puts a channel's page (Configure, Profile, Templates, the
// builder) on screen in place of the Channels list; its back button or a
// click on Channels in the navigation returns to the list.
func (s *shell) Show(obj fyne.CanvasObject) context.Context {
	s.current, s.detail = pageChannels, true
	s.stage.Objects = []fyne.CanvasObject{obj}
	s.stage.Refresh()
	// Nothing stays marked, so a click on Channels returns to the list.
	s.nav.selectPage("")
	return s.newPageContext()
}

// newPageContext ends the context of the page shown before and returns
// one for the page shown now.
func (s *shell) newPageContext() context.Context {
	if s.endPage != nil {
		s.endPage()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.endPage = cancel
	return ctx
}

// Push opens the page r names over the current one and remembers it, so
// Back from a page pushed over it opens it again.
func (s *shell) Push(r kit.Route) {
	s.routes = append(s.routes, r)
	s.open(r)
}

// Back leaves the current page: it opens the page pushed before it
// afresh (the builder returns to the templates list, reloaded), or
// returns to the Channels list.
func (s *shell) Back() {
	if n := len(s.routes); n > 0 {
		s.routes = s.routes[:n-1]
	}
	if n := len(s.routes); n > 0 {
		s.open(s.routes[n-1])
		return
	}
	s.current = ""
	s.show(pageChannels)
}

// open builds the page r names: the only place where one feature's page
// leads to another's.
func (s *shell) open(r kit.Route) {
	switch r.Page {
	case kit.PageTemplates:
		templates.Open(s.env, s.core, r.Channel)
	case kit.PageBuilder:
		builder.Open(s.env, s.core, r.Channel, r.Template)
	case kit.PageBroadcasts:
		s.broadcasts = broadcasts.Open(s.env, s.core, r.Channel, s.openConversation, s.broadcastDrafts)
	}
}

// openConversation shows the Space with a customer's conversation open
// (a broadcast's recipient).
func (s *shell) openConversation(id int64) {
	s.show(pageSpace)
	s.space.OpenConversation(id)
}
