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
	// Core runs every use case; nil only in tests of the bare shell.
	Core *app.Core
	// Channels lists the channels (the Core, or a fake in tests).
	Channels ChannelLister
	// Icon is the app icon, shown beside the name in the navigation.
	Icon fyne.Resource
	// Version is shown at the bottom of the navigation.
	Version string
	// Demo marks the demo workspace, which says so on every page.
	Demo bool
	// OnTryDemo opens the demo workspace in a new window; while no channel
	// is connected the Space offers it. Nil hides the offer (in the demo
	// itself).
	OnTryDemo func()
}

// shell is the main window's content: the navigation column on the left
// and the current page on the right.
type shell struct {
	prefs uiPrefs

	nav      *sidebar
	space    *spacePage
	channels *channelsPage
	welcome  *welcome

	current page
	detail  bool            // a channel's page is shown instead of current
	stage   *fyne.Container // holds the current page
	content fyne.CanvasObject
	env     env
}

func newShell(w fyne.Window, d Deps, prefs uiPrefs, run runner) *shell {
	s := &shell{prefs: prefs}
	s.env = env{window: w, core: d.Core, run: run, nav: s}
	s.space = newSpacePage(s.onConnect, d.OnTryDemo)
	s.channels = newChannelsPage(w, d.Channels, run)
	s.welcome = newShellWelcome(s, d)
	s.channels.onLoaded = func(n int) { s.space.setChannelCount(n); s.welcome.setChannelCount(n) }
	if d.Core != nil {
		s.channels.OnAddChannel = func() { openAddChannel(s.env) }
		s.channels.OnConfigure = func(ch app.Channel) { openConfigure(s.env, ch) }
		s.channels.OnProfile = func(ch app.Channel) { openProfile(s.env, ch) }
		s.channels.OnTemplates = func(ch app.Channel) { openTemplates(s.env, ch) }
		d.Core.Events().Subscribe(s.onCoreEvent)
		s.space.attach(s.env)
	}

	footer := "Parley " + d.Version
	if d.Demo {
		footer += " · demo"
	}
	s.nav = newSidebar(d.Icon, "", s.show) // the footer is the About button
	s.stage = container.NewStack()

	main := fyne.CanvasObject(s.stage)
	if d.Demo {
		main = container.NewBorder(newDemoBanner(), nil, nil, nil, s.stage)
	}
	navColumn := newAbout(w, d.Icon, d.Version, footer).over(s.nav.content)
	s.content = container.NewStack(container.NewBorder(nil, nil, navColumn, nil, main), s.welcome.content)

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
	if p == s.current && !s.detail {
		return
	}
	s.current, s.detail = p, false
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

// showDetail puts a channel's page (Configure, Profile, Templates) on
// screen in place of the Channels list; its back button or a click on
// Channels in the navigation returns to the list.
func (s *shell) showDetail(obj fyne.CanvasObject) {
	s.current, s.detail = pageChannels, true
	s.stage.Objects = []fyne.CanvasObject{obj}
	s.stage.Refresh()
	// Nothing stays marked, so a click on Channels returns to the list.
	s.nav.selectPage("")
}

// backToChannels leaves a channel's page for the Channels list.
func (s *shell) backToChannels() {
	s.current = ""
	s.show(pageChannels)
}

// onCoreEvent runs on whatever goroutine published the event; it hands
// the UI work to the UI goroutine.
func (s *shell) onCoreEvent(e app.Event) {
	notifyTemplateReview(e)
	switch e.Kind {
	case app.EventChannelsChanged, app.EventWebhookReceived: // the list shows when the last webhook came
		fyne.Do(s.channels.reload)
	}
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
