package app

import "sync"

// EventKind names what changed. Each kind says what a subscriber may
// have to read again, and no more: a new message does not make anyone
// read channels again.
type EventKind int

// Event kinds published by the core.
const (
	// EventChannelsChanged: a channel was added, renamed, reconnected,
	// disconnected or removed, or its key, number or webhook changed.
	// Whatever a subscriber keeps of channels is stale.
	EventChannelsChanged EventKind = iota + 1
	// EventProfileChanged: a channel's business profile changed.
	EventProfileChanged
	// EventTemplatesChanged: a channel's templates changed. Template is
	// set when the event is one template's review outcome; such events
	// follow a plain EventTemplatesChanged of the same change, so holders
	// of the list need not read it again for them.
	EventTemplatesChanged
	// EventMessagesChanged: existing messages changed state (an outbound
	// message queued, sent, delivered, read or failed), or the owner's
	// messages sent from the WhatsApp Business app on their phone were
	// stored. ConversationIDs names the conversations of the owner's own
	// sends; delivery statuses from WhatsApp come in Statuses instead,
	// naming the messages by their WhatsApp ids.
	EventMessagesChanged
	// EventSyncStatus: a background sync started, finished or failed.
	EventSyncStatus
	// EventUnreadChanged: the owner read a conversation.
	EventUnreadChanged
	// EventMessagesReceived: customers' messages were stored. Received
	// holds them and ConversationIDs their conversations.
	EventMessagesReceived
	// EventWebhookReceived: webhooks of the channel were stored, so its
	// Channel.LastEventAt moved. Nothing else about the channel changed
	// (a change of its Health follows as EventAccountHealthChanged):
	// caches of channels stay valid.
	EventWebhookReceived
	// EventReceivingChanged: whether customers' messages reach this
	// computer changed: the tunnel opened or stopped, or a channel's
	// check found it receiving or not; it also ends every round of checks
	// that registered addresses (after the owner's change). Receiving is
	// set for a channel's change; the whole picture is Core.ReceivingStatus.
	EventReceivingChanged
	// EventMediaDownloads: saving attachments paused for lack of disk
	// space, or resumed; the state is Core.MediaDownloadsPaused.
	EventMediaDownloads
	// EventContactsChanged: the names the owner saved for customers in
	// the WhatsApp Business app on their phone changed; conversations of
	// the channel may show other names. The owner's own edit of a
	// customer in Parley (SaveContact) publishes it too, with
	// ConversationIDs naming the customer's conversation.
	EventContactsChanged
	// EventAccountHealthChanged: WhatsApp reported a change of a
	// channel's quality rating, messaging limit or restrictions
	// (Channel.Health). Health tells what changed and whether for the
	// worse.
	EventAccountHealthChanged
	// EventQuickRepliesChanged: the owner added, edited, moved or deleted
	// a quick reply; holders of the list read it again.
	EventQuickRepliesChanged
	// EventOptOutChanged: customers opted out of marketing or back in (by
	// writing a stop or start word, or by the owner's hand), so their
	// conversations' Conversation.OptOut changed. ConversationIDs names
	// them. The owner's word lists changing publishes one with none.
	EventOptOutChanged
	// EventLabelsChanged: a label was added, renamed, recoloured or
	// deleted (a deleted one is off every conversation). Whatever a
	// subscriber keeps of labels is stale.
	EventLabelsChanged
	// EventConversationsChanged: the owner changed the labels, the pin or
	// the archiving of ConversationIDs; their messages did not change.
	EventConversationsChanged
	// EventBroadcastsChanged: a broadcast was created, changed state
	// (scheduled, sending, paused, cancelled, done) or its recipients
	// moved on (sent, delivered, read, failed, replied). BroadcastID
	// names it; 0 means any of them. Published at most a few times a
	// second while one drains, never once per recipient.
	EventBroadcastsChanged
)

// Event tells subscribers what changed; its fields carry the change as
// data. Subscribers must not change the slices they are given.
type Event struct {
	Kind      EventKind
	ChannelID ChannelID
	// ConversationIDs are the conversations concerned, each once.
	ConversationIDs []int64
	// Received are the new inbound messages of EventMessagesReceived, as
	// stored (with their IDs), in the order they were stored.
	Received []Message
	// Statuses are the delivery statuses of an EventMessagesChanged
	// that WhatsApp reported, as received: the messages they name moved
	// forward if that was progress.
	Statuses []StatusUpdate
	// Template is the review outcome of one template, for an
	// EventTemplatesChanged that reports one; nil otherwise.
	Template *TemplateChange
	// Receiving is a channel's new receiving state, for an
	// EventReceivingChanged about one channel; nil otherwise.
	Receiving *ChannelReceiving
	// Health is the change of an EventAccountHealthChanged; nil
	// otherwise.
	Health *HealthChange
	// ProfilePushed is set on the EventProfileChanged of an owner's edit
	// that went live on WhatsApp.
	ProfilePushed bool
	// BroadcastID is the broadcast of an EventBroadcastsChanged, or 0.
	BroadcastID int64
	// Message is human text to show as it is, or "": the preview of the
	// messages of EventMessagesReceived, for a notification. It is never
	// data: decide on Kind and the typed fields.
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
