// Package screens is Parley's user interface: the main window and one file
// per page. Screens call the core (package app) through its ports and
// never touch SQL, the keyring or the network themselves.
package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// Deps are what the screens need from the rest of Parley.
type Deps struct {
	// Channels keeps the channel list.
	Channels app.ChannelStore
	// Icon is the app icon, shown beside the name in the navigation.
	Icon fyne.Resource
	// Version is shown at the bottom of the navigation.
	Version string
	// Demo marks the demo workspace, which says so on every page.
	Demo bool
}

// shell is the main window's content: the navigation column on the left
// and the current page on the right.
type shell struct {
	prefs uiPrefs

	nav      *sidebar
	space    *spacePage
	channels *channelsPage

	current page
	stage   *fyne.Container // holds the current page
	content fyne.CanvasObject
}

func newShell(w fyne.Window, d Deps, prefs uiPrefs, run runner) *shell {
	s := &shell{prefs: prefs}
	s.space = newSpacePage(s.onConnect)
	s.channels = newChannelsPage(w, d.Channels, run)
	s.channels.onLoaded = s.space.setChannelCount

	footer := "Parley " + d.Version
	if d.Demo {
		footer += " · demo"
	}
	s.nav = newSidebar(d.Icon, footer, s.show)
	s.stage = container.NewStack()

	main := fyne.CanvasObject(s.stage)
	if d.Demo {
		main = container.NewBorder(newDemoBanner(), nil, nil, nil, s.stage)
	}
	s.content = container.NewBorder(nil, nil, s.nav.content, nil, main)

	s.channels.reload()
	switch p := prefs.lastPage(); p {
	case pageChannels:
		s.show(p)
	default:
		s.show(pageSpace)
	}
	return s
}

// show puts page p on screen and marks it in the navigation.
func (s *shell) show(p page) {
	if p == s.current {
		return
	}
	s.current = p
	var obj fyne.CanvasObject
	switch p {
	case pageChannels:
		obj = s.channels.content
		s.channels.reload()
	default:
		obj = s.space.content
	}
	s.stage.Objects = []fyne.CanvasObject{obj}
	s.stage.Refresh()
	s.nav.selectPage(p)
	s.prefs.setLastPage(p)
}

// onConnect leads from the Space's empty state to the Channels page.
func (s *shell) onConnect() { s.show(pageChannels) }

// newDemoBanner tells the owner they are in the demo workspace.
func newDemoBanner() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	text := &widget.Label{
		Text:     "Demo workspace: a practice number with made-up customers. Nothing you do here reaches WhatsApp.",
		Wrapping: fyne.TextWrapWord,
	}
	row := container.NewBorder(nil, nil, widget.NewIcon(theme.InfoIcon()), nil, text)
	return container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(2, 2, 16, 16), row))
}
