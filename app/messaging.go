package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// MaxTextLen is WhatsApp's limit for a text message body.
const MaxTextLen = 4096

// Field keys of the composer.
const (
	FieldComposerText  = "text"
	FieldTemplateParam = "template.param" // with ".n" for body parameter n
)

// WindowClosedMessage explains why a free reply is not possible.
const WindowClosedMessage = "More than 24 hours have passed since this customer last wrote, so WhatsApp only allows an approved template. Send a template; once the customer answers, you can write freely again."

// DisconnectedSendMessage explains why nothing can be sent from a channel
// the owner disconnected.
const DisconnectedSendMessage = "This channel is disconnected, so Parley cannot send from it. Reconnect it under Settings → Channels (Configure) to write to customers again."

// InboxUseCases are the use cases of conversations: reading them and
// marking them read, sending texts, templates and attachments, retrying,
// downloading and saving attachments, and starting a conversation.
type InboxUseCases struct {
	*ports
}

// Conversations lists a channel's conversations, newest first.
func (c *InboxUseCases) Conversations(ctx context.Context, id ChannelID) ([]Conversation, error) {
	cs, err := c.store.Conversations(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("list conversations: %w", err)
	}
	return cs, nil
}

// Conversation returns one conversation.
func (c *InboxUseCases) Conversation(ctx context.Context, conversationID int64) (Conversation, error) {
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return Conversation{}, fmt.Errorf("open conversation: %w", err)
	}
	return cv, nil
}

// Messages returns a page of a conversation, newest first; beforeID 0
// starts at the newest message.
func (c *InboxUseCases) Messages(ctx context.Context, conversationID, beforeID int64, limit int) ([]Message, error) {
	ms, err := c.store.Messages(ctx, conversationID, beforeID, limit)
	if err != nil {
		return nil, fmt.Errorf("load messages: %w", err)
	}
	return ms, nil
}

// MarkConversationRead clears the unread count and, unless the owner
// turned read receipts off, queues a read receipt for the newest customer
// message, which the outbox worker sends: the customer sees blue ticks.
func (c *InboxUseCases) MarkConversationRead(ctx context.Context, conversationID int64) error {
	queued, err := c.store.MarkReadWithReceipt(ctx, conversationID, c.clock.Now())
	if err != nil {
		return fmt.Errorf("mark conversation read: %w", err)
	}
	c.bus.Publish(Event{Kind: EventUnreadChanged, ConversationIDs: []int64{conversationID}})
	if queued {
		c.wakeReceipts()
	}
	return nil
}

// UnreadTotal is the number of unread customer messages in every
// conversation of every channel, for the tray icon.
func (c *InboxUseCases) UnreadTotal(ctx context.Context) (int, error) {
	n, err := c.store.UnreadTotal(ctx)
	if err != nil {
		return 0, fmt.Errorf("count unread: %w", err)
	}
	return n, nil
}

// SendText queues a free-form reply. It is refused while the 24-hour
// window is closed. The message is stored before anything is sent and
// shows as queued at once.
func (c *InboxUseCases) SendText(ctx context.Context, conversationID int64, text, replyTo string) (Message, error) {
	if strings.TrimSpace(text) == "" {
		return Message{}, ValidationErrors{{Field: FieldComposerText, Message: "Write a message first."}}
	}
	if n := utf8.RuneCountInString(text); n > MaxTextLen {
		return Message{}, ValidationErrors{{Field: FieldComposerText, Message: fmt.Sprintf(
			"A WhatsApp message can be at most %d characters (now %d).", MaxTextLen, n)}}
	}
	cv, err := c.replyConversation(ctx, "send text", conversationID)
	if err != nil {
		return Message{}, err
	}
	return c.enqueue(ctx, Message{ChannelID: cv.ChannelID, ConversationID: cv.ID, Type: MsgText, Text: text, ReplyTo: replyTo})
}

// replyConversation returns the conversation a free-form reply goes to,
// or, while its 24-hour window is closed, WindowClosedMessage at the
// composer. op names the reply in the error of a failed lookup.
func (c *InboxUseCases) replyConversation(ctx context.Context, op string, conversationID int64) (Conversation, error) {
	cv, err := c.store.Conversation(ctx, conversationID)
	if err != nil {
		return Conversation{}, fmt.Errorf("%s: %w", op, err)
	}
	if open, _ := cv.WindowOpen(c.clock.Now()); !open {
		return Conversation{}, ValidationErrors{{Field: FieldComposerText, Message: WindowClosedMessage, Kind: ErrOutsideReplyWindow}}
	}
	return cv, nil
}

// enqueue stores an outbound message and wakes the outbox. A channel the
// owner disconnected sends nothing, so nothing is queued for it.
func (c *InboxUseCases) enqueue(ctx context.Context, m Message) (Message, error) {
	ch, err := c.store.Channel(ctx, m.ChannelID)
	if err != nil {
		return Message{}, fmt.Errorf("queue message: %w", err)
	}
	if ch.Disconnected {
		return Message{}, ValidationErrors{{Field: FieldComposerText, Message: DisconnectedSendMessage, Kind: ErrChannelDisconnected}}
	}
	m.Timestamp = c.clock.Now()
	saved, err := c.store.Enqueue(ctx, m)
	if err != nil {
		return Message{}, fmt.Errorf("queue message: %w", err)
	}
	c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: saved.ChannelID, ConversationIDs: []int64{saved.ConversationID}})
	c.wakeOutbox()
	return saved, nil
}

// RetryMessage puts a failed message, or one whose outcome is unknown and
// the owner has checked, back in the queue.
func (c *InboxUseCases) RetryMessage(ctx context.Context, messageID int64) error {
	m, err := c.store.Message(ctx, messageID)
	if err != nil {
		return fmt.Errorf("retry message: %w", err)
	}
	if m.Direction != Outbound || (m.State != StateFailed && m.State != StateUnknown) {
		return errors.New("retry message: only a failed message, or one whose delivery is unknown, can be sent again")
	}
	if err := c.store.UpdateState(ctx, messageID, StateQueued, "", 0, ""); err != nil {
		return fmt.Errorf("retry message: %w", err)
	}
	c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: m.ChannelID, ConversationIDs: []int64{m.ConversationID}})
	c.wakeOutbox()
	return nil
}
