// Package screens is the shell of Parley's user interface: the main
// window, its navigation, the tray and notifications. The pages are
// feature packages under it (inbox, channels, profile, templates,
// builder) that share only screens/kit; the shell is the one place that
// imports them and leads from one to another. Screens call the core
// (package app) and never touch SQL, the keyring or the network
// themselves.
package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/backup"
	"github.com/parley-app/parley/screens/broadcasts"
	"github.com/parley-app/parley/screens/channels"
	"github.com/parley-app/parley/screens/inbox"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/profile"
	"github.com/parley-app/parley/screens/settings"
)

// Deps are what the screens need from the rest of Parley.
type Deps struct {
	// Core runs every use case; nil only in tests of the bare shell.
	Core *app.Core
	// Channels lists the channels (the Core, or a fake in tests).
	Channels channels.Lister
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
	// ReloadGap is the least time between two loads of a list that
	// events change (kit.Env.ReloadGap); NewMainWindow uses
	// kit.DefaultReloadGap when it is zero, tests load at once.
	ReloadGap time.Duration
	// NotifyGap is the least time between two notifications of new
	// messages (kit.Env.NotifyGap); NewMainWindow uses
	// kit.DefaultNotifyGap when it is zero.
	NotifyGap time.Duration
	// StartAtLogin turns starting with the computer on and off; nil hides
	// the setting (the demo, tests).
	StartAtLogin StartAtLogin
}

// shell is the main window's content: the navigation column on the left
// and the current page on the right.
type shell struct {
	prefs uiPrefs

	nav      *sidebar
	space    *inbox.Page
	channels *channels.Page
	settings *settings.Page // nil without a core
	welcome  *welcome
	// receiving says at the top of every page when messages do not
	// arrive; nil without a core.
	receiving *receivingBanner
	// media says when saving attachments waits for disk space; nil
	// without a core.
	media *mediaBanner
	// health says at the top of every page when a channel's quality
	// rating is low or its account restricted; nil without a core.
	health *healthBanner
	// login is the start-at-login setting; nil without one.
	login *startAtLogin
	// unread counts the unread messages for the navigation, the title
	// and the tray; nil without a core.
	unread *unreadCounter
	// about is the About dialog, with Keyboard shortcuts.
	about *about
	// shortcutsDialog lists the keyboard shortcuts; nil until opened.
	shortcutsDialog *shortcutsDialog

	current page
	detail  bool            // a channel's page is shown instead of current
	stage   *fyne.Container // holds the current page
	content fyne.CanvasObject
	env     kit.Env     // what every feature's page is built with; its Nav is the shell
	core    *app.Core   // nil only in tests of the bare shell
	routes  []kit.Route // pages pushed over the Channels list, the current one last
	endPage func()      // ends the context of the channel's page shown, if any
	// broadcasts are the broadcasts pages last opened, which take files
	// dropped on a new broadcast; nil until opened.
	broadcasts *broadcasts.Pages
	// broadcastDrafts keeps each channel's unfinished new broadcast.
	broadcastDrafts *broadcasts.Drafts
}

func newShell(w fyne.Window, d Deps, prefs uiPrefs, run kit.Runner) *shell {
	s := &shell{prefs: prefs, broadcastDrafts: broadcasts.NewDrafts()}
	s.env = kit.Env{Window: w, Run: run, Nav: s, ReloadGap: d.ReloadGap, NotifyGap: d.NotifyGap}
	s.core = d.Core
	s.space = inbox.NewPage(s.onConnect, d.OnTryDemo)
	s.channels = channels.NewPage(w, d.Channels, run, d.ReloadGap)
	s.welcome = newShellWelcome(s, d)
	s.channels.OnLoaded = func(n int) { s.space.SetChannelCount(n); s.welcome.setChannelCount(n) }
	if d.Core != nil {
		s.channels.OnAddChannel = func() { channels.OpenAddChannel(s.env, s.core) }
		s.channels.OnConfigure = func(ch app.Channel) { s.routes = nil; channels.OpenConfigure(s.env, s.core, ch) }
		s.channels.OnProfile = func(ch app.Channel) { s.routes = nil; profile.Open(s.env, s.core, ch) }
		s.channels.OnTemplates = func(ch app.Channel) {
			s.routes = nil
			s.Push(kit.Route{Page: kit.PageTemplates, Channel: ch})
		}
		s.channels.OnBroadcasts = func(ch app.Channel) {
			s.routes = nil
			s.Push(kit.Route{Page: kit.PageBroadcasts, Channel: ch})
		}
		d.Core.Events().Subscribe(s.onCoreEvent)
		s.space.Attach(s.env, s.core)
		var extra []settings.Section
		if !d.Demo { // the demo's made-up shop has nothing worth keeping
			extra = append(extra, settings.Section{Title: "Back up and export",
				Subtitle: "A copy of everything on this computer, or your conversations and contacts as files.",
				Content:  backup.NewSection(s.env, s.core)})
		}
		s.settings = settings.NewPage(s.env, s.core, extra...)
		s.receiving = newReceivingBanner(d.Core, s.env,
			func(n *fyne.Notification) { fyne.CurrentApp().SendNotification(n) },
			s.channels.OnConfigure)
		s.media = newMediaBanner(d.Core)
		s.health = newHealthBanner(d.Core, s.env,
			func(n *fyne.Notification) { fyne.CurrentApp().SendNotification(n) },
			s.channels.OnConfigure)
	}

	footer := "Parley " + d.Version
	if d.Demo {
		footer += " · demo"
	}
	s.nav = newSidebar(d.Icon, "", s.show) // the footer is the About button
	if d.Core != nil {
		s.unread = newUnreadCounter(d.Core, run, d.ReloadGap)
		s.unread.subscribe(func(n int) { s.nav.setBadge(pageSpace, n) })
	}
	s.stage = container.NewStack()

	top := container.NewVBox()
	if d.Demo {
		top.Add(newDemoBanner())
	}
	if s.receiving != nil {
		top.Add(s.receiving.content)
	}
	if s.media != nil {
		top.Add(s.media.content)
	}
	if s.health != nil {
		top.Add(s.health.content)
	}
	main := container.NewBorder(top, nil, nil, nil, s.stage)
	about := newAbout(w, d.Icon, d.Version, footer)
	about.onShortcuts = s.showShortcuts
	s.about = about
	if d.Core != nil {
		about.settings = append(about.settings, newReadReceipts(d.Core, w, run).checkbox)
	}
	if d.StartAtLogin != nil && d.Core != nil && !d.Demo {
		s.login = newStartAtLogin(d.StartAtLogin, prefs, w, run)
		about.settings = append(about.settings, s.login.checkbox)
	}
	navColumn := about.over(s.nav.content)
	s.content = container.NewStack(container.NewBorder(nil, nil, navColumn, nil, main), s.welcome.content)

	s.installShortcuts(w)
	s.installFileDrop(w)
	s.space.SetChatZoom(prefs.chatZoom())
	s.channels.Reload()
	switch p := prefs.lastPage(); p {
	case pageChannels, pageSettings:
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
	s.routes = nil
	s.newPageContext() // the channel's page shown before, if any, is closed
	var obj fyne.CanvasObject
	switch p {
	case pageChannels:
		obj = s.channels.Content
		s.channels.Reload()
	case pageSettings:
		if s.settings == nil {
			obj = s.space.Content
			break
		}
		obj = s.settings.Content
		s.settings.Reload()
	default:
		obj = s.space.Content
	}
	s.stage.Objects = []fyne.CanvasObject{obj}
	s.stage.Refresh()
	s.nav.selectPage(p)
	s.prefs.setLastPage(p)
}

// onCoreEvent runs on whatever goroutine published the event; it hands
// the UI work to the UI goroutine.
func (s *shell) onCoreEvent(e app.Event) {
	notifyTemplateReview(e)
	switch e.Kind {
	case app.EventChannelsChanged: // the count the Space and the welcome show may change too
		fyne.Do(s.channels.Refresh)
	case app.EventWebhookReceived, app.EventAccountHealthChanged: // the list shows when the last webhook came, and the standing
		fyne.Do(s.refreshShownChannels)
	case app.EventReceivingChanged:
		if s.login != nil && e.Receiving != nil {
			r := *e.Receiving
			fyne.Do(func() { s.login.received(r) })
		}
	}
}

// refreshShownChannels reads the channel list again while it is on
// screen; opening it reads it afresh anyway.
func (s *shell) refreshShownChannels() {
	if s.current == pageChannels && !s.detail {
		s.channels.Refresh()
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

// showUnreadInTitle keeps the unread count in the window's title:
// "Parley (3)".
func (s *shell) showUnreadInTitle(w fyne.Window, base string) {
	if s.unread != nil {
		s.unread.subscribe(func(n int) { w.SetTitle(windowTitle(base, n)) })
	}
}
