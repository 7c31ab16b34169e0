package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// OutboxOptions tunes the outbox worker.
type OutboxOptions struct {
	// Rate is the most messages per second sent per channel; default 80,
	// WhatsApp's default throughput per number.
	Rate float64
	// Workers is how many sends may be in flight at once (each to a
	// different conversation); default 8.
	Workers int
	// Poll is how often the queue is checked when nothing wakes the worker;
	// default 5 s.
	Poll time.Duration
	// MaxBackoff bounds the wait after network trouble; default 2 minutes.
	MaxBackoff time.Duration
}

// UnknownStateMessage is shown on a message that may or may not have
// reached WhatsApp.
const UnknownStateMessage = "Parley stopped while this message was being sent, so it may or may not have reached the customer. Check with the customer before sending it again."

// OutboxUseCases send what the other parts queue: recovering after a
// crash, and the outbox worker.
type OutboxUseCases struct {
	*ports
}

// wakeOutbox nudges a running outbox worker; it never blocks.
func (c *ports) wakeOutbox() {
	select {
	case c.outboxWake <- struct{}{}:
	default:
	}
}

// RecoverOutbox marks messages left "sending" by a crash as unknown, so
// they are never sent twice without the owner deciding. Call it once at
// start, before RunOutbox.
func (c *OutboxUseCases) RecoverOutbox(ctx context.Context) ([]Message, error) {
	ms, err := c.store.RecoverSending(ctx)
	if err != nil {
		return nil, fmt.Errorf("recover outbox: %w", err)
	}
	for _, m := range ms {
		c.log.Warn("message outcome unknown after restart", "message", m.ID)
		c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: m.ChannelID, ConversationIDs: []int64{m.ConversationID}})
	}
	return ms, nil
}

// RunOutbox sends queued messages until ctx is done: in order within each
// conversation, several conversations at once, paced to opts.Rate, backing
// off while 360dialog cannot be reached. Beside them, and never in their
// way, it sends queued read receipts (see SendReadReceiptsOnce). Sends are pipelined: a new one
// starts as soon as the pace allows and a worker is free, without waiting
// for the others to be answered. On return nothing is in flight.
func (c *OutboxUseCases) RunOutbox(ctx context.Context, opts OutboxOptions) {
	c.NewOutbox(opts).run(ctx)
}

// run is RunOutbox's loop.
func (o *Outbox) run(ctx context.Context) {
	c := o.core
	done := make(chan sendOutcome, o.opts.Workers)
	inflight := 0
	receipts := make(chan struct{})
	go func() {
		defer close(receipts)
		o.runReceipts(ctx)
	}()
	defer func() {
		for ; inflight > 0; inflight-- {
			<-done // an interrupted send puts its message back in the queue
		}
		<-receipts
	}()
	var backoff time.Duration
	var holdUntil time.Time // no new send before this, after network trouble
	for ctx.Err() == nil {
		free := o.opts.Workers - inflight
		if free > 0 && !time.Now().Before(holdUntil) {
			for _, m := range o.claim(ctx, free) {
				inflight++
				go func() { done <- c.sendOne(ctx, m, o.pace) }()
			}
		}
		wait := o.opts.Poll
		if inflight == o.opts.Workers {
			wait = time.Hour // a finished send wakes the loop
		}
		if d := time.Until(holdUntil); d > 0 {
			wait = d
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
		case r := <-done:
			inflight--
			if r.retryLater {
				backoff = min(max(backoff*2, r.retryAfter, time.Second), o.opts.MaxBackoff)
				holdUntil = time.Now().Add(backoff)
				c.log.Info("outbox: backing off", "wait", backoff)
			} else {
				backoff = 0
			}
		case <-c.outboxWake:
		case <-t.C:
		}
		t.Stop()
	}
}

// claim takes up to n messages that are ready to send and marks them as
// sending. Each then waits for its slot of the pace in sendOne, right
// before its request, so the pace holds at 360dialog's end.
func (o *Outbox) claim(ctx context.Context, n int) []Message {
	c := o.core
	batch, err := c.store.NextQueued(ctx, n)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Error("outbox: read queue", "err", err)
		}
		return nil
	}
	claimed := batch[:0]
	for _, m := range batch {
		if err := c.store.UpdateState(ctx, m.ID, StateSending, "", 0, ""); err != nil {
			c.log.Error("outbox: mark sending", "message", m.ID, "err", err)
			continue
		}
		claimed = append(claimed, m)
	}
	return claimed
}

// Outbox sends queued messages; RunOutbox drives it in a loop.
type Outbox struct {
	core *OutboxUseCases
	opts OutboxOptions
	pace *pacer
}

// NewOutbox prepares an outbox worker with opts (zero values get defaults).
func (c *OutboxUseCases) NewOutbox(opts OutboxOptions) *Outbox {
	if opts.Rate <= 0 {
		opts.Rate = 80
	}
	if opts.Workers <= 0 {
		opts.Workers = 8
	}
	if opts.Poll <= 0 {
		opts.Poll = 5 * time.Second
	}
	if opts.MaxBackoff <= 0 {
		opts.MaxBackoff = 2 * time.Minute
	}
	return &Outbox{core: c, opts: opts, pace: newPacer(opts.Rate)}
}

// SendQueuedOnce sends the next message of up to opts.Workers
// conversations at once and records each outcome. It returns how many
// messages it handled and, when the network or 360dialog asked to wait,
// how long to wait before trying again.
func (o *Outbox) SendQueuedOnce(ctx context.Context) (processed int, retryAfter time.Duration) {
	c := o.core
	batch := o.claim(ctx, o.opts.Workers)
	results := make(chan sendOutcome, len(batch))
	var wg sync.WaitGroup
	for _, m := range batch {
		wg.Go(func() { results <- c.sendOne(ctx, m, o.pace) })
	}
	wg.Wait()
	close(results)
	for r := range results {
		if r.retryLater {
			retryAfter = max(retryAfter, r.retryAfter, time.Second)
		}
	}
	return len(batch), retryAfter
}

type sendOutcome struct {
	retryLater bool
	retryAfter time.Duration
}

// sendOne hands one message to 360dialog, in its slot of pace, and
// records the outcome.
func (c *OutboxUseCases) sendOne(ctx context.Context, m Message, pace *pacer) sendOutcome {
	record := func(state DeliveryState, wamid string, code int, text string) {
		err := c.store.UpdateState(context.WithoutCancel(ctx), m.ID, state, wamid, code, text)
		if errors.Is(err, ErrWAMessageIDTaken) {
			// Another message already has the answer's id (a provider
			// that reuses ids). The outcome still counts; only statuses
			// for that id cannot find this message.
			c.log.Warn("outbox: WhatsApp id not recorded", "message", m.ID, "wamid", wamid, "err", err)
			err = c.store.UpdateState(context.WithoutCancel(ctx), m.ID, state, "", code, text)
		}
		if err != nil {
			c.log.Error("outbox: record state", "message", m.ID, "state", state, "err", err)
		}
		c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: m.ChannelID, ConversationIDs: []int64{m.ConversationID}})
	}
	res, err := c.deliver(ctx, m, pace)
	if err == nil {
		state := StateSent
		if res.State == StateHeld || res.State == StatePaused {
			state = res.State // WhatsApp held it back; a later status moves it on
		}
		record(state, res.WAMessageID, 0, "")
		c.adoptWAID(context.WithoutCancel(ctx), m, res.WAID)
		return sendOutcome{}
	}
	var pe *ProviderError
	switch {
	case errors.As(err, &pe) && pe.MaybeSent:
		record(StateUnknown, "", pe.Code, UnknownStateMessage)
	case errors.As(err, &pe) && pe.Temporary():
		record(StateQueued, "", 0, "")
		return sendOutcome{retryLater: true, retryAfter: pe.RetryAfter}
	case errors.As(err, &pe):
		record(StateFailed, "", pe.Code, pe.Plain)
	case errors.Is(err, ErrOptedOut):
		record(StateFailed, "", 0, Explain(err))
	case ctx.Err() != nil:
		record(StateQueued, "", 0, "")
	default:
		record(StateFailed, "", 0, "Parley could not send this message: "+err.Error())
	}
	return sendOutcome{}
}

// adoptWAID keys the message's conversation by the WhatsApp id WhatsApp
// answered with, when it differs from the number the conversation was
// started with (Brazilian mobiles with or without the extra 9, say), and
// merges it into the customer's existing conversation if there is one:
// one customer, one thread.
func (c *OutboxUseCases) adoptWAID(ctx context.Context, m Message, waID string) {
	if waID == "" {
		return
	}
	cv, err := c.store.Conversation(ctx, m.ConversationID)
	if err != nil || cv.WAID == waID {
		return
	}
	kept, err := c.store.RekeyConversation(ctx, cv.ID, waID)
	if err != nil {
		c.log.Error("outbox: key conversation by WhatsApp id", "conversation", cv.ID, "err", err)
		return
	}
	c.log.Info("conversation keyed by WhatsApp id", "conversation", cv.ID, "kept", kept)
	c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: m.ChannelID, ConversationIDs: []int64{cv.ID, kept}})
}

// deliver calls the provider for one outbound message once pace allows.
// Interrupted while waiting, it returns ctx's error: nothing was sent.
func (c *OutboxUseCases) deliver(ctx context.Context, m Message, pace *pacer) (SendResult, error) {
	cv, err := c.store.Conversation(ctx, m.ConversationID)
	if err != nil {
		return SendResult{}, fmt.Errorf("send: %w", err)
	}
	p, err := c.provider(m.ChannelID)
	if err != nil {
		return SendResult{}, keyringProblem("send", err)
	}
	if !pace.wait(ctx) {
		return SendResult{}, fmt.Errorf("send: %w", ctx.Err())
	}
	switch {
	case m.Type == MsgTemplate && m.Template != nil:
		if err := refuseOptedOut(cv, m.Template.Category); err != nil {
			return SendResult{}, err
		}
		send := *m.Template
		if send.HeaderMediaFormat != "" && send.HeaderMediaID == "" && send.HeaderMediaLink == "" && m.Media != nil {
			// The owner's file for the header: uploaded, then named by id.
			media, err := c.uploadAttachment(ctx, p, m)
			if err != nil {
				return SendResult{}, err
			}
			send.HeaderMediaID = media.ID
			if send.HeaderMediaFormat == HeaderDocument {
				send.HeaderMediaFilename = media.Filename
			}
		}
		return p.SendTemplate(ctx, cv.WAID, send)
	case m.Type == MsgReaction:
		return p.SendReaction(ctx, cv.WAID, m.ReplyTo, m.Text)
	case m.Media != nil:
		media, err := c.uploadAttachment(ctx, p, m)
		if err != nil {
			return SendResult{}, err
		}
		return p.SendMedia(ctx, cv.WAID, m.Type, media, m.ReplyTo)
	default:
		return p.SendText(ctx, cv.WAID, m.Text, m.ReplyTo)
	}
}

// pacer spaces sends evenly to stay under a rate, and also never lets
// more than rate sends start within any one second, even when the
// goroutines that wait for their slots wake late and bunch up. Slots go
// in the order the sends asked for them: a reply taken from the queue
// before a broadcast's messages is not overtaken by them.
type pacer struct {
	// turn lets one waiter at a time look for its slot; Go queues the
	// others on it in order.
	turn   chan struct{}
	mu     sync.Mutex
	every  time.Duration
	next   time.Time   // the earliest start of the next send
	recent []time.Time // ring of the last starts, at most one second's worth
	oldest int         // index of the oldest start in recent
}

func newPacer(perSecond float64) *pacer {
	return &pacer{turn: make(chan struct{}, 1), every: time.Duration(float64(time.Second) / perSecond),
		recent: make([]time.Time, 0, max(1, int(perSecond)))}
}

// wait blocks until the next send may start, after those that called it
// before; false when ctx is done.
func (p *pacer) wait(ctx context.Context) bool {
	select {
	case p.turn <- struct{}{}:
	case <-ctx.Done():
		return false
	}
	defer func() { <-p.turn }()
	for {
		p.mu.Lock()
		now := time.Now()
		slot := p.next
		if len(p.recent) == cap(p.recent) {
			slot = later(slot, p.recent[p.oldest].Add(time.Second))
		}
		if !slot.After(now) {
			// Keep to the schedule: a waiter that woke a little late does
			// not push every later send back (the window above still caps
			// any second); after a pause the schedule starts again now.
			base := p.next
			if now.Sub(base) > p.every {
				base = now
			}
			p.next = base.Add(p.every)
			if len(p.recent) < cap(p.recent) {
				p.recent = append(p.recent, now)
			} else {
				p.recent[p.oldest] = now
				p.oldest = (p.oldest + 1) % len(p.recent)
			}
			p.mu.Unlock()
			return true
		}
		p.mu.Unlock()
		t := time.NewTimer(slot.Sub(now))
		select {
		case <-ctx.Done():
			t.Stop()
			return false
		case <-t.C:
		}
	}
}

// later returns the later of a and b.
func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// uploadAttachment uploads the local copy of an attachment that has no
// media id yet and returns the media to send.
func (c *OutboxUseCases) uploadAttachment(ctx context.Context, p Provider, m Message) (Media, error) {
	media := *m.Media
	if media.ID != "" || media.LocalPath == "" {
		return media, nil
	}
	data, err := c.files.ReadFile(media.LocalPath)
	if err != nil {
		return media, fmt.Errorf("send attachment: read %s: %w", DisplayName(media.Filename), err)
	}
	id, err := p.UploadMedia(ctx, media.Filename, media.MIMEType, data)
	if err != nil {
		return media, err
	}
	media.ID = id
	return media, nil
}
