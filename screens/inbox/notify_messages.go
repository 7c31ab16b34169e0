package inbox

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// messageNotifier posts a desktop notification for new customer messages
// while Parley's window is not in front. Fyne reports the window gaining
// and losing focus as the app entering and leaving the foreground. A
// burst of messages makes one notification, not one per message: after
// one is posted, what arrives within the env's NotifyGap is told
// together in the next.
type messageNotifier struct {
	env     env
	focused atomic.Bool
	// send posts a notification; tests replace it.
	send func(*fyne.Notification)

	mu      sync.Mutex
	pending notice    // what has arrived since the last notification
	last    time.Time // when the last one was posted
	due     bool      // a notification waits for the gap to pass
}

// notice is what the next notification tells.
type notice struct {
	messages int
	convs    []int64
	preview  string // the core's summary of the one message, if one
}

func newMessageNotifier(e env) *messageNotifier {
	n := &messageNotifier{env: e, send: func(note *fyne.Notification) { fyne.CurrentApp().SendNotification(note) }}
	n.focused.Store(true)
	lc := fyne.CurrentApp().Lifecycle()
	lc.SetOnEnteredForeground(func() { n.focused.Store(true) })
	lc.SetOnExitedForeground(func() { n.focused.Store(false) })
	return n
}

// onCoreEvent runs on the publishing goroutine. It notes received
// messages and posts a notification now, or once the gap since the last
// one has passed.
func (n *messageNotifier) onCoreEvent(e app.Event) {
	if e.Kind != app.EventMessagesReceived || n.focused.Load() {
		return
	}
	n.mu.Lock()
	defer n.mu.Unlock()
	count := max(1, len(e.Received))
	n.pending.messages += count
	n.pending.preview = ""
	if n.pending.messages == count {
		n.pending.preview = e.Message
	}
	for _, id := range e.ConversationIDs {
		if !slices.Contains(n.pending.convs, id) {
			n.pending.convs = append(n.pending.convs, id)
		}
	}
	if n.due {
		return
	}
	if wait := n.env.NotifyGap - time.Since(n.last); n.env.NotifyGap > 0 && wait > 0 {
		n.due = true
		time.AfterFunc(wait, n.postDue)
		return
	}
	n.postLocked()
}

// postDue posts what arrived during the gap, when it has passed.
func (n *messageNotifier) postDue() {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.due = false
	n.postLocked()
}

// postLocked posts what is pending; n.mu is held.
func (n *messageNotifier) postLocked() {
	p := n.pending
	n.pending, n.last = notice{}, time.Now()
	if p.messages == 0 || n.focused.Load() {
		return
	}
	body := p.preview
	switch {
	case p.messages > 1 && len(p.convs) > 1:
		body = fmt.Sprintf("%d new messages from %d customers", p.messages, len(p.convs))
	case p.messages > 1:
		body = fmt.Sprintf("%d new messages", p.messages)
	}
	core := n.env.core
	kit.Load(n.env.Run, context.Background(), func(ctx context.Context) (string, error) {
		if len(p.convs) != 1 {
			return "New WhatsApp messages", nil
		}
		cv, err := core.Conversation(ctx, p.convs[0])
		if err != nil {
			return "New WhatsApp messages", nil // the title without the name; the message is still told
		}
		return conversationName(cv), nil
	}, func(title string, _ error) { n.send(fyne.NewNotification(title, body)) })
}
