package app

import "context"

// publishOptOuts publishes EventOptOutChanged for the conversations
// whose customer wrote a stop or start word in the committed payloads.
// The store applied each in the transaction that stored the message
// (a crash cannot keep the message and lose its opt-out); this only
// tells the screens.
func (c *IngestUseCases) publishOptOuts(ctx context.Context, items []IngestItem, results [][]Message, errs []error) {
	var m *OptOutMatcher
	for i, it := range items {
		if errs[i] != nil || !hasShortText(results[i]) {
			continue
		}
		if m == nil {
			w, err := c.store.OptOutWords(ctx)
			if err != nil {
				c.log.Warn("read the opt-out words", "err", err)
				return
			}
			m = NewOptOutMatcher(w)
		}
		if ids := optOutConversations(m, results[i]); len(ids) > 0 {
			c.bus.Publish(Event{Kind: EventOptOutChanged, ChannelID: it.ChannelID, ConversationIDs: ids})
		}
	}
}

// hasShortText reports whether a customer's message in ms is a text
// short enough to be a stop or start word.
func hasShortText(ms []Message) bool {
	for _, m := range ms {
		if m.Direction == Inbound && m.Type == MsgText && len(m.Text) <= 4*maxOptOutWordBytes {
			return true
		}
	}
	return false
}
