package app

import (
	"context"
	"fmt"
	"slices"
)

// IngestUseCases are the door for incoming events: the webhook receiver
// hands them parsed payloads to store and publish, and tells them where
// it listens.
type IngestUseCases struct {
	*ports
}

// IngestBatches is the door through which incoming events enter Parley:
// the webhook receiver hands it parsed payloads, many at a time. It
// stores them in one transaction (group commit, each payload all or
// nothing on its own; see GroupIngester) and, once they are committed,
// publishes what changed: for each channel, the messages received, the
// owner's messages sent from the phone, the delivery statuses, template
// and phone-contact changes, and that webhooks arrived.
// results[i] and errs[i] belong to items[i]; results[i] holds the
// messages that were new (none for a redelivery). It returns after the
// events are published, so a payload acknowledged to its sender is
// stored and known to every subscriber. Subscribers run on the caller's
// goroutine and must return quickly.
func (c *IngestUseCases) IngestBatches(ctx context.Context, items []IngestItem) (results [][]Message, errs []error) {
	var health []HealthChange
	var healthOf []ChannelID
	if hasHealth(items) {
		// Rare (a few a month): read the channels' standing before and
		// after, one such ingest at a time, so every change is told once.
		c.healthMu.Lock()
		defer c.healthMu.Unlock()
		healthOf = healthChannels(items)
		health = c.readHealth(ctx, healthOf, nil)
	}
	results, errs = c.store.IngestBatches(ctx, items)
	if len(results) != len(items) || len(errs) != len(items) {
		err := fmt.Errorf("ingest: the store answered %d results and %d errors for %d payloads", len(results), len(errs), len(items))
		results, errs = make([][]Message, len(items)), make([]error, len(items))
		for i := range errs {
			errs[i] = err
		}
		return results, errs
	}
	c.publishIngested(items, results, errs)
	c.publishOptOuts(ctx, items, results, errs)
	if healthOf != nil {
		for i, ch := range c.readHealth(ctx, healthOf, health) {
			if ch.After != ch.Before {
				ch.Worse = ch.After.WorseThan(ch.Before, c.clock.Now())
				c.bus.Publish(Event{Kind: EventAccountHealthChanged, ChannelID: healthOf[i], Health: &ch})
			}
		}
	}
	c.wakeMediaFor(results)
	return results, errs
}

// wakeMediaFor wakes the MediaDownloader when new messages carry an
// attachment: the store queued it with them.
func (c *IngestUseCases) wakeMediaFor(results [][]Message) {
	for _, ms := range results {
		for _, m := range ms {
			if m.Media != nil && m.Media.ID != "" {
				c.wakeMedia()
				return
			}
		}
	}
}

// hasHealth reports whether any payload reports a channel's standing.
func hasHealth(items []IngestItem) bool {
	for _, it := range items {
		if len(it.Batch.Health) > 0 {
			return true
		}
	}
	return false
}

// healthChannels lists, once each, the channels whose standing the
// payloads report.
func healthChannels(items []IngestItem) []ChannelID {
	var ids []ChannelID
	for _, it := range items {
		if len(it.Batch.Health) > 0 && !slices.Contains(ids, it.ChannelID) {
			ids = append(ids, it.ChannelID)
		}
	}
	return ids
}

// readHealth reads the standing of channels ids: Before from before
// (nil: the first read) and After as stored now. A channel that cannot
// be read keeps what was known, so it reports no change.
func (c *IngestUseCases) readHealth(ctx context.Context, ids []ChannelID, before []HealthChange) []HealthChange {
	out := make([]HealthChange, len(ids))
	for i, id := range ids {
		if before != nil {
			out[i].Before = before[i].After
		}
		ch, err := c.store.Channel(ctx, id)
		if err != nil {
			out[i].After = out[i].Before
			continue
		}
		out[i].After = ch.Health
		if before == nil {
			out[i].Before = ch.Health
		}
	}
	return out
}

// Ingest stores one parsed payload of channel id through IngestBatches
// and returns the messages that were new.
func (c *IngestUseCases) Ingest(ctx context.Context, id ChannelID, b InboundBatch) ([]Message, error) {
	results, errs := c.IngestBatches(ctx, []IngestItem{{ChannelID: id, Batch: b}})
	return results[0], errs[0]
}

// ingested is what the stored payloads of one channel changed.
type ingested struct {
	channel   ChannelID
	received  []Message
	convs     []int64
	seen      map[int64]bool // convs, for a group of thousands of messages
	echoConvs []int64        // conversations with the owner's messages from the phone
	statuses  []StatusUpdate
	templates bool
	reviews   []TemplateChange
	contacts  bool
}

// publishIngested publishes, channel by channel in the order the
// channels first appear, what the committed payloads changed: one event
// of each kind per channel, however many payloads the group held.
func (c *IngestUseCases) publishIngested(items []IngestItem, results [][]Message, errs []error) {
	var chans []ingested // usually one: a group rarely mixes channels
	for i, it := range items {
		if errs[i] != nil {
			continue
		}
		k := 0
		for k < len(chans) && chans[k].channel != it.ChannelID {
			k++
		}
		if k == len(chans) {
			chans = append(chans, ingested{channel: it.ChannelID, seen: map[int64]bool{}})
		}
		g := &chans[k]
		for _, m := range results[i] {
			if m.Direction == Outbound { // sent from the owner's phone: nothing to notify
				if !slices.Contains(g.echoConvs, m.ConversationID) {
					g.echoConvs = append(g.echoConvs, m.ConversationID)
				}
				continue
			}
			g.received = append(g.received, m)
			if !g.seen[m.ConversationID] {
				g.seen[m.ConversationID] = true
				g.convs = append(g.convs, m.ConversationID)
			}
		}
		g.statuses = append(g.statuses, it.Batch.Statuses...)
		g.templates = g.templates || len(it.Batch.Templates) > 0
		g.contacts = g.contacts || len(it.Batch.PhoneContacts) > 0
		for _, te := range it.Batch.Templates {
			if ch, ok := te.Change(); ok {
				g.reviews = append(g.reviews, ch)
			}
		}
	}
	for _, g := range chans {
		if len(g.received) > 0 {
			c.bus.Publish(Event{Kind: EventMessagesReceived, ChannelID: g.channel, ConversationIDs: g.convs,
				Received: g.received, Message: receivedNote(g.received)})
		}
		if len(g.echoConvs) > 0 {
			c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: g.channel, ConversationIDs: g.echoConvs})
		}
		if g.contacts {
			c.bus.Publish(Event{Kind: EventContactsChanged, ChannelID: g.channel})
		}
		if len(g.statuses) > 0 {
			c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: g.channel, Statuses: g.statuses})
		}
		if g.templates {
			c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: g.channel})
		}
		for i := range g.reviews {
			c.bus.Publish(Event{Kind: EventTemplatesChanged, ChannelID: g.channel, Template: &g.reviews[i]})
		}
		c.bus.Publish(Event{Kind: EventWebhookReceived, ChannelID: g.channel})
	}
}

// receivedNote is the line a notification shows for new messages.
func receivedNote(ms []Message) string {
	if len(ms) == 1 {
		return Summary(ms[0])
	}
	return fmt.Sprintf("%d new messages", len(ms))
}
