package app

import (
	"context"
	"fmt"
)

// FieldReceiving is the field of the history entries Parley writes itself
// about receiving (an outage and its end), beside the provider's events.
const FieldReceiving = "parley.receiving"

// HistoryStore keeps a channel's history: what 360dialog and WhatsApp
// reported (template reviews, account updates, errors) and what Parley
// noticed itself (receiving stopped and started again).
type HistoryStore interface {
	// RecordChannelEvent adds an entry Parley noticed itself.
	RecordChannelEvent(ctx context.Context, id ChannelID, e ProviderEvent) error
	// ChannelHistory returns up to limit entries, newest first.
	ChannelHistory(ctx context.Context, id ChannelID, limit int) ([]ProviderEvent, error)
}

// ChannelHistory returns the newest entries of the channel's history.
func (c *ChannelUseCases) ChannelHistory(ctx context.Context, id ChannelID, limit int) ([]ProviderEvent, error) {
	es, err := c.store.ChannelHistory(ctx, id, limit)
	if err != nil {
		return nil, fmt.Errorf("channel history: %w", err)
	}
	return es, nil
}
