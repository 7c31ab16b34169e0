package app

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxReactionRunes bounds a reaction's emoji: the longest emoji (a family
// with skin tones, or a flag of a region) is ten code points.
const maxReactionRunes = 10

// SendReaction queues the owner's reaction to a customer's message (by
// its WhatsApp id) in the conversation: WhatsApp's reaction message,
// shown on the customer's phone as a badge on their message. An empty
// emoji takes the owner's reaction back. Like a text reply it needs the
// 24-hour window open; the outbox sends it in turn with the other
// messages.
func (c *InboxUseCases) SendReaction(ctx context.Context, conversationID int64, waMessageID, emoji string) (Message, error) {
	emoji = strings.TrimSpace(emoji)
	if waMessageID == "" {
		return Message{}, ValidationErrors{{Field: FieldComposerText, Message: "This message has no WhatsApp id yet, so it cannot get a reaction."}}
	}
	if !isReactionEmoji(emoji) {
		return Message{}, ValidationErrors{{Field: FieldComposerText, Message: fmt.Sprintf("A reaction is one emoji; %q is not one.", emoji)}}
	}
	cv, err := c.replyConversation(ctx, "send reaction", conversationID)
	if err != nil {
		return Message{}, err
	}
	return c.enqueue(ctx, Message{ChannelID: cv.ChannelID, ConversationID: cv.ID, Type: MsgReaction, Text: emoji, ReplyTo: waMessageID})
}

// isReactionEmoji reports whether s is "" (no reaction) or short and free
// of letters, digits and spaces, as an emoji is. WhatsApp checks that it
// is a real emoji.
func isReactionEmoji(s string) bool {
	if utf8.RuneCountInString(s) > maxReactionRunes {
		return false
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsSpace(r) {
			return false
		}
	}
	return true
}
