package app

import "sync"

// EventKind names what changed.
type EventKind int

// Event kinds published by the core.
const (
	EventChannelsChanged EventKind = iota + 1
	EventProfileChanged
	EventTemplatesChanged
	EventMessagesChanged // new inbound messages or outbound state changes
	EventSyncStatus      // a background sync started, finished or failed
	EventUnreadChanged   // the owner read a conversation
)

// Event tells subscribers that something changed. Subscribers re-read what
// they show; events carry only what is needed to decide whether to.
type Event struct {
	Kind            EventKind
	ChannelID       ChannelID
	ConversationIDs []int64
	// Message is a short plain-language note (e.g. for a notification).
	Message string
}

// Bus delivers core events to subscribers. Handlers run on the publishing
// goroutine, so UI subscribers must hand work to the UI thread (fyne.Do).
type Bus struct {
	mu   sync.Mutex
	next int
	subs map[int]func(Event)
}

// Subscribe registers fn and returns a function that removes it.
func (b *Bus) Subscribe(fn func(Event)) (cancel func()) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs == nil {
		b.subs = make(map[int]func(Event))
	}
	id := b.next
	b.next++
	b.subs[id] = fn
	return func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		delete(b.subs, id)
	}
}

// Publish calls every subscriber with e.
func (b *Bus) Publish(e Event) {
	b.mu.Lock()
	fns := make([]func(Event), 0, len(b.subs))
	for _, fn := range b.subs {
		fns = append(fns, fn)
	}
	b.mu.Unlock()
	for _, fn := range fns {
		fn(e)
	}
}
