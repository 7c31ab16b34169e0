package app

import (
	"context"
	"sync/atomic"
	"time"
)

// The runner's pace. It keeps at most releaseWindow recipients of a
// broadcast in the outbox's queue: the outbox takes the oldest queued
// message first, so an owner's reply written while a broadcast drains
// waits behind at most that many (half a second at 80 messages/s), not
// behind thousands.
const (
	releaseWindow = 40
	// broadcastTick is how often the runner tops the queue up while a
	// broadcast is being sent.
	broadcastTick = 100 * time.Millisecond
	// broadcastWait is how often it looks again while broadcasts only
	// wait: for their start time, or for the messaging limit to leave
	// room (the fake clocks of tests move meanwhile).
	broadcastWait = time.Second
	// broadcastIdle is how often it looks while no broadcast is active;
	// creating or resuming one wakes it at once.
	broadcastIdle = 30 * time.Second
	// broadcastEventEvery spaces the EventBroadcastsChanged that tell of
	// recipients moving on: at most about two a second, however many
	// messages change.
	broadcastEventEvery = 500 * time.Millisecond
)

// OptedOutSkipped is the reason of a broadcast recipient left out at
// sending time because they opted out of marketing after it was created.
const OptedOutSkipped = "Not sent: the customer opted out of marketing messages."

// RunBroadcasts releases recipients of sending broadcasts to the outbox
// until ctx is done: a few at a time so the owner's own messages never
// wait behind thousands, never more unique customers per 24 hours than
// the channel's limit (its messaging limit tier, DefaultDailyLimit when
// unknown, counting every template the channel sent), starting scheduled
// ones at their time and continuing after a restart from what the store
// holds. Recipients over the limit wait until the oldest send of the
// last 24 hours leaves the window. It publishes EventBroadcastsChanged
// when a broadcast changes state, and at most about twice a second while
// recipients move on (sent, delivered, read, replied). Run it beside
// RunOutbox, after RecoverOutbox.
func (c *BroadcastUseCases) RunBroadcasts(ctx context.Context) {
	r := &broadcastRunner{c: c, any: c.anyBroadcasts(ctx)}
	poke := make(chan struct{}, 1)
	cancel := c.bus.Subscribe(func(e Event) {
		if (e.Kind == EventMessagesChanged || e.Kind == EventMessagesReceived) && r.moved.CompareAndSwap(false, true) {
			select { // the first change since the last EventBroadcastsChanged
			case poke <- struct{}{}:
			default:
			}
		}
	})
	defer cancel()
	var told, nextStep time.Time
	for ctx.Err() == nil {
		if now := time.Now(); !now.Before(nextStep) {
			nextStep = now.Add(r.step(ctx))
		}
		if r.any && r.moved.Load() && time.Since(told) >= broadcastEventEvery {
			r.moved.Store(false)
			told = time.Now()
			c.publishBroadcast(0, 0)
		}
		until := nextStep
		if r.any && r.moved.Load() {
			until = earliest(until, told.Add(broadcastEventEvery))
		}
		t := time.NewTimer(time.Until(until))
		select {
		case <-ctx.Done():
		case <-c.broadcastWake:
			r.any, nextStep = true, time.Time{}
		case <-poke:
		case <-t.C:
		}
		t.Stop()
	}
}

// earliest returns the earlier of a and b.
func earliest(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}

// anyBroadcasts reports whether any channel has a broadcast, whose
// results statuses and replies still change.
func (c *BroadcastUseCases) anyBroadcasts(ctx context.Context) bool {
	chs, err := c.store.Channels(ctx)
	if err != nil {
		return true
	}
	for _, ch := range chs {
		if bs, err := c.store.Broadcasts(ctx, ch.ID); err != nil || len(bs) > 0 {
			return true
		}
	}
	return false
}

// broadcastRunner is RunBroadcasts' state between its steps.
type broadcastRunner struct {
	c *BroadcastUseCases
	// moved is set when messages changed: recipients may have moved on.
	moved atomic.Bool
	// any is whether there are broadcasts to tell about: their
	// recipients move on (delivered, read, replied) after they are done.
	any bool
	// limited remembers the broadcasts waiting for the messaging limit,
	// to log it once.
	limited map[int64]bool
}

// step does one round over the active broadcasts and returns how long to
// wait before the next.
func (r *broadcastRunner) step(ctx context.Context) time.Duration {
	c := r.c
	active, err := c.store.ActiveBroadcasts(ctx)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Error("broadcasts: read active", "err", err)
		}
		return broadcastWait
	}
	if len(active) == 0 {
		return broadcastIdle
	}
	r.any = true
	now := c.clock.Now()
	room := map[ChannelID]int{}
	wait := broadcastWait
	for _, b := range active {
		switch b.State {
		case BroadcastScheduled:
			if now.Before(b.StartAt) {
				continue
			}
			if !r.set(ctx, b, BroadcastSending) {
				continue
			}
		case BroadcastPaused:
			if b.Queued > 0 {
				// The outbox put a message back (a retry after network
				// trouble) while paused: it waits again.
				r.set(ctx, b, BroadcastPaused)
			}
			continue
		}
		if !b.Waiting {
			if b.Queued == 0 && b.Sending == 0 {
				r.set(ctx, b, BroadcastDone)
			} else {
				wait = broadcastTick
			}
			continue
		}
		if b.Queued > 0 || b.Sending > 0 {
			wait = broadcastTick
		}
		want := releaseWindow - b.Queued
		if want <= 0 {
			continue
		}
		left, ok := room[b.ChannelID]
		if !ok {
			left = r.room(ctx, b.ChannelID, now)
		}
		n := min(want, left)
		if n <= 0 {
			r.noteLimited(b.ID, true)
			room[b.ChannelID] = 0
			continue
		}
		r.noteLimited(b.ID, false)
		released, convs, err := c.store.ReleaseBroadcast(ctx, b.ID, n, now, OptedOutSkipped)
		if err != nil {
			if ctx.Err() == nil {
				c.log.Error("broadcasts: release", "broadcast", b.ID, "err", err)
			}
			continue
		}
		room[b.ChannelID] = left - released
		if len(convs) > 0 {
			c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: b.ChannelID, ConversationIDs: uniqueIDs(convs)})
			c.wakeOutbox()
			wait = broadcastTick
		}
	}
	return wait
}

// room is how many more unique customers the channel may reach now:
// its daily limit less those its templates reached in the last 24 hours.
func (r *broadcastRunner) room(ctx context.Context, id ChannelID, now time.Time) int {
	c := r.c
	ch, err := c.store.Channel(ctx, id)
	if err != nil {
		c.log.Error("broadcasts: read channel", "channel", id, "err", err)
		return 0
	}
	limit, _ := dailyLimit(ch.Health.Limit)
	used, _, err := c.store.TemplateCustomers(ctx, id, now.Add(-24*time.Hour))
	if err != nil {
		c.log.Error("broadcasts: count customers", "channel", id, "err", err)
		return 0
	}
	return limit - used
}

// set moves the broadcast to state and tells subscribers; false when the
// store refused.
func (r *broadcastRunner) set(ctx context.Context, b BroadcastProgress, state BroadcastState) bool {
	c := r.c
	convs, err := c.store.SetBroadcastState(ctx, b.ID, state)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Error("broadcasts: set state", "broadcast", b.ID, "state", state, "err", err)
		}
		return false
	}
	if state != b.State {
		c.log.Info("broadcast state", "broadcast", b.ID, "state", state)
		c.publishBroadcast(b.ChannelID, b.ID)
	}
	if len(convs) > 0 {
		c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: b.ChannelID, ConversationIDs: uniqueIDs(convs)})
	}
	return true
}

// noteLimited logs once when a broadcast starts waiting for the
// messaging limit.
func (r *broadcastRunner) noteLimited(id int64, limited bool) {
	if r.limited == nil {
		r.limited = map[int64]bool{}
	}
	if limited && !r.limited[id] {
		r.c.log.Info("broadcast waits for the messaging limit", "broadcast", id)
	}
	r.limited[id] = limited
}
