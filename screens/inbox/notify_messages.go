package inbox

import (
	"context"
	"sync/atomic"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// messageNotifier posts a desktop notification for new customer messages
// while Parley's window is not in front. Fyne reports the window gaining
// and losing focus as the app entering and leaving the foreground.
type messageNotifier struct {
	env     env
	focused atomic.Bool
	// send posts a notification; tests replace it.
	send func(*fyne.Notification)
}

func newMessageNotifier(e env) *messageNotifier {
	n := &messageNotifier{env: e, send: func(note *fyne.Notification) { fyne.CurrentApp().SendNotification(note) }}
	n.focused.Store(true)
	lc := fyne.CurrentApp().Lifecycle()
	lc.SetOnEnteredForeground(func() { n.focused.Store(true) })
	lc.SetOnExitedForeground(func() { n.focused.Store(false) })
	return n
}

// onCoreEvent runs on the publishing goroutine. It notifies of received
// messages, with the core's preview of them; the title names the customer
// when one conversation is concerned.
func (n *messageNotifier) onCoreEvent(e app.Event) {
	if e.Kind != app.EventMessagesReceived || n.focused.Load() {
		return
	}
	core := n.env.core
	n.env.Run(func() {
		title := "New WhatsApp message"
		if len(e.ConversationIDs) == 1 {
			ctx, cancel := context.WithTimeout(context.Background(), kit.LoadTimeout)
			defer cancel()
			if cv, err := core.Conversation(ctx, e.ConversationIDs[0]); err == nil {
				title = conversationName(cv)
			}
		} else if len(e.ConversationIDs) > 1 {
			title = "New WhatsApp messages"
		}
		note := fyne.NewNotification(title, e.Message)
		fyne.Do(func() { n.send(note) })
	})
}
