package app

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// SearchStore finds conversations and messages by what they say, and
// reads the messages around one it found.
type SearchStore interface {
	// Search returns the conversations whose customer (names, number) or
	// messages (text, captions, file names) match every word of query,
	// each word as the start of a word (a single letter as a whole word
	// in messages), accents and case ignored. Each hit carries at most
	// perConversation matching messages, newest first; conversations
	// whose customer matches come first (most recent first), then the
	// others by their newest matching message, at most limit in all. Any
	// input is a valid query: quotes and operators are plain words.
	Search(ctx context.Context, query string, limit, perConversation int) ([]SearchHit, error)
	// MessagesAfter returns up to limit messages of the conversation with
	// an ID above afterID, oldest (lowest ID) first: the page below the
	// newest one shown, when a conversation was opened at an older
	// message.
	MessagesAfter(ctx context.Context, conversationID, afterID int64, limit int) ([]Message, error)
}

// SearchHit is one conversation found by a search.
type SearchHit struct {
	Conversation Conversation
	// CustomerMatched is whether the customer's names or number match
	// (not only messages).
	CustomerMatched bool
	// Messages are the conversation's newest matching messages.
	Messages []SearchMessage
}

// SearchMessage is one message found by a search, with the part of its
// text that matches.
type SearchMessage struct {
	MessageID int64
	Direction Direction
	At        time.Time
	// Snippet is the part of the message's text, caption or file name
	// around the matching words; "…" marks text left out.
	Snippet string
	// Matches are the matching words in Snippet, as byte ranges.
	Matches []TextRange
}

// TextRange is the part [Start, End) of a string, in bytes.
type TextRange struct {
	Start, End int
}

// SearchUseCases finds conversations and messages and opens one at a
// message found.
type SearchUseCases struct {
	*ports
}

// Default limits of Search.
const (
	// SearchConversations is how many conversations Search returns.
	SearchConversations = 50
	// SearchMessagesEach is how many matching messages Search returns per
	// conversation.
	SearchMessagesEach = 3
)

// Search finds the conversations whose customer or messages match query
// as the owner types it (each word as the start of a word, accents and
// case ignored), grouped by conversation (see SearchStore.Search). A
// query without letters or digits finds nothing.
func (c *SearchUseCases) Search(ctx context.Context, query string) ([]SearchHit, error) {
	if strings.TrimSpace(query) == "" {
		return nil, nil
	}
	hits, err := c.store.Search(ctx, query, SearchConversations, SearchMessagesEach)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}

// MessagesAfter returns up to limit messages of the conversation newer
// than afterID, oldest first.
func (c *SearchUseCases) MessagesAfter(ctx context.Context, conversationID, afterID int64, limit int) ([]Message, error) {
	ms, err := c.store.MessagesAfter(ctx, conversationID, afterID, limit)
	if err != nil {
		return nil, fmt.Errorf("read newer messages: %w", err)
	}
	return ms, nil
}
