package app

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// ReadReceipt is a queued "mark read" for a conversation: WhatsApp shows
// the customer blue ticks on WAMessageID and every message before it.
type ReadReceipt struct {
	ConversationID int64
	ChannelID      ChannelID
	WAMessageID    string // the conversation's newest customer message
	QueuedAt       time.Time
	Attempts       int // failed attempts so far
}

// ReadReceiptStore keeps queued read receipts and whether the owner sends
// them at all (a setting of the data folder, on unless turned off).
type ReadReceiptStore interface {
	// MarkReadWithReceipt clears the conversation's unread count, like
	// MarkConversationRead, and in the same transaction, when something
	// was unread and read receipts are on, queues a receipt for its newest
	// customer message, replacing the conversation's queued one. It
	// reports whether it queued one.
	MarkReadWithReceipt(ctx context.Context, conversationID int64, at time.Time) (bool, error)
	// DueReadReceipts returns up to limit receipts whose next attempt is
	// due at now, oldest first; receipts of a disconnected channel wait.
	DueReadReceipts(ctx context.Context, now time.Time, limit int) ([]ReadReceipt, error)
	// DropReadReceipt removes r (sent, or refused for good) unless a newer
	// receipt of the same conversation replaced it meanwhile.
	DropReadReceipt(ctx context.Context, r ReadReceipt) error
	// DeferReadReceipt counts a failed attempt of r and holds it until next.
	DeferReadReceipt(ctx context.Context, r ReadReceipt, next time.Time) error
	// ReadReceiptsOn reports whether the owner sends read receipts.
	ReadReceiptsOn(ctx context.Context) (bool, error)
	// SetReadReceiptsOn records the setting; turning it off also drops the
	// receipts still queued.
	SetReadReceiptsOn(ctx context.Context, on bool) error
}

// readReceiptMaxAge is how old a receipt may get before Parley gives it
// up: WhatsApp does not mark messages that old as read.
const readReceiptMaxAge = 30 * 24 * time.Hour

// readReceiptBatch is how many receipts one pass of the worker sends.
const readReceiptBatch = 20

// ReadReceipts reports whether Parley tells customers (blue ticks) that
// the owner read their messages.
func (c *InboxUseCases) ReadReceipts(ctx context.Context) (bool, error) {
	on, err := c.store.ReadReceiptsOn(ctx)
	if err != nil {
		return false, fmt.Errorf("read the read-receipts setting: %w", err)
	}
	return on, nil
}

// SetReadReceipts turns read receipts on or off. Off, nothing more is
// queued and the receipts not yet sent are dropped.
func (c *InboxUseCases) SetReadReceipts(ctx context.Context, on bool) error {
	if err := c.store.SetReadReceiptsOn(ctx, on); err != nil {
		return fmt.Errorf("change the read-receipts setting: %w", err)
	}
	return nil
}

// wakeReceipts nudges a running read-receipt worker; it never blocks.
func (c *ports) wakeReceipts() {
	select {
	case c.receiptWake <- struct{}{}:
	default:
	}
}

// runReceipts sends queued read receipts until ctx is done, beside the
// outbox's messages and never in their way: it has its own goroutine,
// its own back-off and takes no slot of the messages' pace.
func (o *Outbox) runReceipts(ctx context.Context) {
	c := o.core
	for ctx.Err() == nil {
		n, wait := o.SendReadReceiptsOnce(ctx)
		if n == readReceiptBatch && wait == 0 {
			continue // more are due
		}
		if wait <= 0 {
			wait = o.opts.Poll
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
		case <-c.receiptWake:
		case <-t.C:
		}
		t.Stop()
	}
}

// SendReadReceiptsOnce sends the read receipts that are due, one after
// the other, and returns how many it handled and, when the network or
// 360dialog asked to wait, how long. A receipt WhatsApp refuses for good
// (the message is too old, say) is dropped with a log line; one that
// could not go out now waits, longer after each failure.
func (o *Outbox) SendReadReceiptsOnce(ctx context.Context) (processed int, retryAfter time.Duration) {
	c := o.core
	now := c.clock.Now()
	due, err := c.store.DueReadReceipts(ctx, now, readReceiptBatch)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Error("read receipts: read queue", "err", err)
		}
		return 0, 0
	}
	for _, r := range due {
		if ctx.Err() != nil {
			break
		}
		processed++
		if now.Sub(r.QueuedAt) > readReceiptMaxAge {
			c.log.Info("read receipt given up: too old", "conversation", r.ConversationID)
			c.dropReceipt(ctx, r)
			continue
		}
		wait, retry := c.sendReceipt(ctx, r)
		if !retry {
			continue
		}
		backoff := min(max(time.Second<<min(r.Attempts, 20), wait), o.opts.MaxBackoff)
		if err := c.store.DeferReadReceipt(context.WithoutCancel(ctx), r, now.Add(backoff)); err != nil {
			c.log.Error("read receipts: hold for later", "conversation", r.ConversationID, "err", err)
		}
		retryAfter = max(retryAfter, backoff)
		if wait > 0 {
			break // 360dialog or the network asked to wait: so do the others
		}
	}
	return processed, retryAfter
}

// sendReceipt tells WhatsApp that r's message was read. It reports
// whether to try again later and how long the provider asked to wait;
// a receipt sent or refused for good is dropped.
func (c *OutboxUseCases) sendReceipt(ctx context.Context, r ReadReceipt) (wait time.Duration, retry bool) {
	p, err := c.provider(r.ChannelID)
	if err != nil {
		c.log.Warn("read receipt waits: no API key", "channel", r.ChannelID, "err", err)
		return 0, true
	}
	err = p.MarkRead(ctx, r.WAMessageID)
	var pe *ProviderError
	switch {
	case err == nil:
		c.dropReceipt(ctx, r)
		return 0, false
	case ctx.Err() != nil:
		return 0, false // stopping: the receipt stays queued as it was
	case errors.As(err, &pe) && pe.Temporary():
		return max(pe.RetryAfter, time.Second), true
	case errors.As(err, &pe):
		c.log.Warn("read receipt refused by WhatsApp, dropped", "conversation", r.ConversationID, "code", pe.Code, "err", err)
		c.dropReceipt(ctx, r)
		return 0, false
	default:
		c.log.Warn("read receipt failed, will try again", "conversation", r.ConversationID, "err", err)
		return 0, true
	}
}

// dropReceipt removes a receipt that was sent or will never be.
func (c *OutboxUseCases) dropReceipt(ctx context.Context, r ReadReceipt) {
	if err := c.store.DropReadReceipt(context.WithoutCancel(ctx), r); err != nil {
		c.log.Error("read receipts: remove", "conversation", r.ConversationID, "err", err)
	}
}
