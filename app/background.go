package app

import (
	"context"
	"errors"
	"time"
)

// BackgroundOptions tunes the background sync loop.
type BackgroundOptions struct {
	Interval    time.Duration // normal pause between rounds; default 1 minute
	MaxInterval time.Duration // longest pause after repeated failures; default 15 minutes
}

// Background runs Parley's periodic work: pushing pending profile edits
// when the network returns and watching submitted templates for a review
// outcome. It backs off while 360dialog cannot be reached.
type Background struct {
	core *BackgroundUseCases
	opts BackgroundOptions
	wake chan struct{}
}

// BackgroundUseCases start Parley's periodic work, which uses the
// profile and template parts.
type BackgroundUseCases struct {
	*ports
	profiles  *ProfileUseCases
	templates *TemplateUseCases
}

// NewBackground prepares the loop; Run starts it.
func (c *BackgroundUseCases) NewBackground(opts BackgroundOptions) *Background {
	if opts.Interval <= 0 {
		opts.Interval = time.Minute
	}
	if opts.MaxInterval < opts.Interval {
		opts.MaxInterval = max(15*time.Minute, opts.Interval)
	}
	return &Background{core: c, opts: opts, wake: make(chan struct{}, 1)}
}

// Wake asks for a round now (for example when the owner clicks "Sync" or
// the network comes back). It never blocks.
func (b *Background) Wake() {
	select {
	case b.wake <- struct{}{}:
	default:
	}
}

// Run loops until ctx is done.
func (b *Background) Run(ctx context.Context) {
	delay := b.opts.Interval
	for {
		offline := b.RunOnce(ctx)
		if offline {
			delay = min(delay*2, b.opts.MaxInterval)
		} else {
			delay = b.opts.Interval
		}
		t := time.NewTimer(delay)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-b.wake:
			t.Stop()
		case <-t.C:
		}
	}
}

// RunOnce does one round of background work and reports whether the
// network (or 360dialog) looked unreachable, so the caller can back off.
func (b *Background) RunOnce(ctx context.Context) (offline bool) {
	c := b.core
	if _, err := c.profiles.PushPendingProfiles(ctx); err != nil {
		offline = offline || isTemporary(err)
		c.log.Warn("background: push pending profiles", "err", err)
	}
	chs, err := c.store.Channels(ctx)
	if err != nil {
		c.log.Error("background: list channels", "err", err)
		return false
	}
	for _, ch := range chs {
		if ch.Disconnected {
			continue // no key: nothing can be synced
		}
		waiting, err := c.templates.HasSubmittedTemplates(ctx, ch.ID)
		if err != nil || !waiting {
			continue
		}
		if _, err := c.templates.SyncTemplates(ctx, ch.ID, nil); err != nil {
			offline = offline || isTemporary(err)
			c.log.Warn("background: watch template statuses", "channel", ch.ID, "err", err)
		}
	}
	return offline
}

func isTemporary(err error) bool {
	var pe *ProviderError
	return errors.As(err, &pe) && pe.Temporary()
}
