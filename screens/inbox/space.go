package screens

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// spacePage is the Space: the inbox where customers' messages arrive.
// Until a conversation exists it shows its empty state; then the list of
// conversations and the open one (see spaceInbox).
type spacePage struct {
	// onConnect opens the Channels page.
	onConnect func()
	// onTryDemo opens the demo workspace; nil when there is none to offer.
	onTryDemo func()

	connect *widget.Button
	tryDemo *widget.Button
	// relaunch re-enables tryDemo after demoRelaunchPause; nil until the
	// first tap. Only the UI goroutine sets it.
	relaunch *time.Timer
	empty    *emptyState
	// start begins a conversation with a template; shown once channels
	// exist and the core is attached.
	start     *widget.Button
	emptyPage fyne.CanvasObject
	inbox     *spaceInbox // nil until attach
	content   *fyne.Container
}

func newSpacePage(onConnect, onTryDemo func()) *spacePage {
	s := &spacePage{onConnect: onConnect, onTryDemo: onTryDemo}
	s.connect = &widget.Button{
		Text:       "Connect a WhatsApp number",
		Icon:       theme.ContentAddIcon(),
		Importance: widget.HighImportance,
		OnTapped:   s.onConnectTapped,
	}
	s.tryDemo = &widget.Button{Text: textTryDemo, Icon: theme.MediaPlayIcon(), OnTapped: s.onTryDemoTapped}
	s.empty = newEmptyState(chatIcon, "No messages yet", textNoChannel, nil)
	s.start = &widget.Button{Text: "Start a conversation", Icon: templatesIcon, OnTapped: s.onStartTapped}
	s.start.Hide()
	// No explanation under "Try the demo": the welcome says what the demo
	// is, and a caption here made Fyne open the first window at its
	// minimum size instead of the remembered one.
	actions := container.NewCenter(container.NewHBox(s.connect, s.tryDemo, s.start))
	body := container.NewCenter(container.NewVBox(
		s.empty.content,
		container.New(layout.NewCustomPaddedLayout(12, 0, 0, 0), actions),
	))
	s.emptyPage = newPage("Space", "Your conversations with customers", nil, body)
	s.content = container.NewStack(s.emptyPage)
	s.showDemoOffer(onTryDemo != nil)
	return s
}

// attach connects the Space to the core: it lists the conversations,
// follows core events and notifies about new messages.
func (s *spacePage) attach(e env) {
	s.inbox = newSpaceInbox(e, s.onCount)
	s.inbox.content.Hide()
	s.content.Add(s.inbox.content)
	e.core.Events().Subscribe(newMessageNotifier(e).onCoreEvent)
	s.inbox.reload()
}

// onCount shows the inbox once a conversation exists, else the empty
// state, which offers to start one while channels exist.
func (s *spacePage) onCount(channels, conversations int) {
	if conversations > 0 {
		s.emptyPage.Hide()
		s.inbox.content.Show()
	} else {
		s.inbox.content.Hide()
		s.emptyPage.Show()
	}
	if channels > 0 {
		s.start.Show()
	} else {
		s.start.Hide()
	}
}

func (s *spacePage) onStartTapped() {
	if s.inbox != nil {
		s.inbox.onNewConversation()
	}
}

func (s *spacePage) onConnectTapped() {
	if s.onConnect != nil {
		s.onConnect()
	}
}

// demoRelaunchPause keeps "Try the demo" disabled after a tap, so that a
// double click does not open two demo windows.
const demoRelaunchPause = 10 * time.Second

// onTryDemoTapped opens the demo in a new window; this one stays.
func (s *spacePage) onTryDemoTapped() {
	if s.onTryDemo == nil {
		return
	}
	s.onTryDemo()
	s.tryDemo.SetText(textDemoOpening)
	s.tryDemo.Disable()
	s.stopTimers()
	s.relaunch = time.AfterFunc(demoRelaunchPause, func() {
		fyne.Do(func() {
			s.tryDemo.SetText(textTryDemo)
			s.tryDemo.Enable()
		})
	})
}

// stopTimers stops a pending re-enable of "Try the demo", so that it
// cannot fire once the page is gone (tests stop it after each tap).
func (s *spacePage) stopTimers() {
	if s.relaunch != nil {
		s.relaunch.Stop()
	}
}

// Texts of the empty Space.
const (
	textNoChannel   = "Once a channel is connected,\ncustomer messages appear here."
	textWaiting     = "When a customer writes to one of your numbers,\nthe conversation appears here."
	textTryDemo     = "Try the demo"
	textDemoOpening = "Opening the demo…"
)

// setChannelCount shows the way to Channels, and to the demo, only while
// none is connected.
func (s *spacePage) setChannelCount(n int) {
	if n == 0 {
		s.empty.setText(textNoChannel)
		s.connect.Show()
	} else {
		s.empty.setText(textWaiting)
		s.connect.Hide()
	}
	s.showDemoOffer(n == 0 && s.onTryDemo != nil)
}

func (s *spacePage) showDemoOffer(show bool) {
	if show {
		s.tryDemo.Show()
	} else {
		s.tryDemo.Hide()
	}
}
