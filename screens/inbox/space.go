package inbox

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/screens/kit"
)

// Page is the Space: the inbox where customers' messages arrive.
// Until a conversation exists it shows its empty state; then the list of
// conversations and the open one (see spaceInbox).
type Page struct {
	// onConnect opens the Channels page.
	onConnect func()
	// onTryDemo opens the demo workspace; nil when there is none to offer.
	onTryDemo func()

	connect *widget.Button
	tryDemo *widget.Button
	// relaunch re-enables tryDemo after demoRelaunchPause; nil until the
	// first tap. Only the UI goroutine sets it.
	relaunch *time.Timer
	empty    *kit.EmptyState
	// start begins a conversation with a template; shown once channels
	// exist and the core is attached.
	start     *widget.Button
	emptyPage fyne.CanvasObject
	inbox     *spaceInbox     // nil until attach
	Content   *fyne.Container // the page, for the shell to show
}

// NewPage builds the Space, empty until Attach connects it to the core.
// onConnect leads to the Channels page; onTryDemo, when not nil, opens
// the demo workspace.
func NewPage(onConnect, onTryDemo func()) *Page {
	s := &Page{onConnect: onConnect, onTryDemo: onTryDemo}
	s.connect = &widget.Button{
		Text:       "Connect a WhatsApp number",
		Icon:       theme.ContentAddIcon(),
		Importance: widget.HighImportance,
		OnTapped:   s.onConnectTapped,
	}
	s.tryDemo = &widget.Button{Text: textTryDemo, Icon: theme.MediaPlayIcon(), OnTapped: s.OnTryDemoTapped}
	s.empty = kit.NewEmptyState(kit.ChatIcon, "No messages yet", textNoChannel, nil)
	s.start = &widget.Button{Text: "Start a conversation", Icon: kit.TemplatesIcon, OnTapped: s.onStartTapped}
	s.start.Hide()
	// No explanation under "Try the demo": the welcome says what the demo
	// is, and a caption here made Fyne open the first window at its
	// minimum size instead of the remembered one.
	actions := container.NewCenter(container.NewHBox(s.connect, s.tryDemo, s.start))
	body := container.NewCenter(container.NewVBox(
		s.empty.Content,
		container.New(layout.NewCustomPaddedLayout(12, 0, 0, 0), actions),
	))
	s.emptyPage = kit.NewPage("Space", "Your conversations with customers", nil, body)
	s.Content = container.NewStack(s.emptyPage)
	s.showDemoOffer(onTryDemo != nil)
	return s
}

// Attach connects the Space to the core: it lists the conversations,
// follows core events and notifies about new messages.
func (s *Page) Attach(k kit.Env, core Core) {
	e := env{Env: k, core: core}
	s.inbox = newSpaceInbox(e, s.onCount)
	s.inbox.content.Hide()
	s.Content.Add(s.inbox.content)
	e.core.Events().Subscribe(newMessageNotifier(e).onCoreEvent)
	s.inbox.reload()
}

// onCount shows the inbox once a conversation exists, else the empty
// state, which offers to start one while channels exist.
func (s *Page) onCount(channels, conversations int) {
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

// FocusSearch puts the cursor in the search at the top of Chats (the
// shell's Ctrl+F and Ctrl+K); nothing while no conversation exists.
func (s *Page) FocusSearch() {
	if s.inbox != nil && s.inbox.content.Visible() {
		s.inbox.search.focus()
	}
}

func (s *Page) onStartTapped() {
	if s.inbox != nil {
		s.inbox.onNewConversation()
	}
}

func (s *Page) onConnectTapped() {
	if s.onConnect != nil {
		s.onConnect()
	}
}

// demoRelaunchPause keeps "Try the demo" disabled after a tap, so that a
// double click does not open two demo windows.
const demoRelaunchPause = 10 * time.Second

// OnTryDemoTapped opens the demo in a new window; this one stays.
func (s *Page) OnTryDemoTapped() {
	if s.onTryDemo == nil {
		return
	}
	s.onTryDemo()
	s.tryDemo.SetText(textDemoOpening)
	s.tryDemo.Disable()
	s.StopTimers()
	s.relaunch = time.AfterFunc(demoRelaunchPause, func() {
		fyne.Do(func() {
			s.tryDemo.SetText(textTryDemo)
			s.tryDemo.Enable()
		})
	})
}

// StopTimers stops a pending re-enable of "Try the demo", so that it
// cannot fire once the page is gone (tests stop it after each tap).
func (s *Page) StopTimers() {
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

// SetChannelCount shows the way to Channels, and to the demo, only while
// none is connected.
func (s *Page) SetChannelCount(n int) {
	if n == 0 {
		s.empty.SetText(textNoChannel)
		s.connect.Show()
	} else {
		s.empty.SetText(textWaiting)
		s.connect.Hide()
	}
	s.showDemoOffer(n == 0 && s.onTryDemo != nil)
}

func (s *Page) showDemoOffer(show bool) {
	if show {
		s.tryDemo.Show()
	} else {
		s.tryDemo.Hide()
	}
}
