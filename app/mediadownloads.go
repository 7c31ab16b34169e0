package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"
)

// MediaLost says why a customer's attachment could not be saved on this
// computer.
type MediaLost string

const (
	// MediaExpired: WhatsApp no longer had the file (its media ids expire
	// after about a week) when Parley could first fetch it.
	MediaExpired MediaLost = "expired"
	// MediaTooLarge: the file was larger than Parley saves by itself.
	MediaTooLarge MediaLost = "too_large"
)

// Note is the plain words a bubble shows on an attachment lost this way.
func (l MediaLost) Note() string {
	switch l {
	case MediaExpired:
		return "Expired at WhatsApp — it could not be saved in time."
	case MediaTooLarge:
		return "This file is too large to be saved automatically. Click to download it."
	}
	return ""
}

// MediaDownload is a customer's attachment waiting to be saved to the
// media folder.
type MediaDownload struct {
	MessageID      int64
	ChannelID      ChannelID
	ConversationID int64
	SentAt         time.Time // the message's time: its media id expires a week later
	QueuedAt       time.Time
	Attempts       int // failed attempts so far
}

// MediaDownloadStore keeps the queue of attachments to save. A message
// with an attachment is queued in the transaction that stores it;
// SetMediaPath takes it off the queue.
type MediaDownloadStore interface {
	// DueMediaDownloads returns up to limit queued attachments whose next
	// attempt is due at now, oldest first; those of a disconnected channel
	// wait.
	DueMediaDownloads(ctx context.Context, now time.Time, limit int) ([]MediaDownload, error)
	// DeferMediaDownload counts a failed attempt and holds the attachment
	// until next; errText says why, for the log.
	DeferMediaDownload(ctx context.Context, messageID int64, next time.Time, errText string) error
	// MediaDownloadLost records on the message why its attachment cannot
	// be saved and takes it off the queue.
	MediaDownloadLost(ctx context.Context, messageID int64, why MediaLost) error
}

// DiskSpace tells how much room is left on the disk that holds a folder.
type DiskSpace interface {
	// FreeBytes is the space available to Parley on the disk of path
	// (the nearest existing folder above it counts).
	FreeBytes(path string) (uint64, error)
}

// MediaDownloadOptions tunes the background saving of attachments.
type MediaDownloadOptions struct {
	// Poll is how often the queue is looked at when nothing wakes the
	// worker; default 1 minute.
	Poll time.Duration
	// FirstRetry is the wait after the first failure, doubled after each
	// next one up to MaxBackoff; defaults 1 minute and 1 hour.
	FirstRetry time.Duration
	MaxBackoff time.Duration
	// MaxItemBytes is the largest file saved without the owner asking;
	// default 100 MB, WhatsApp's own limit.
	MaxItemBytes int64
	// MinFreeBytes is the free space the media folder's disk keeps:
	// saving pauses below it; default 500 MB.
	MinFreeBytes uint64
	// TTL is how long WhatsApp keeps a received file; default 7 days.
	// An attachment older than that is marked expired without asking
	// (360dialog blocks a number's media lookups after a few failures).
	TTL time.Duration
}

func (o MediaDownloadOptions) withDefaults() MediaDownloadOptions {
	if o.Poll <= 0 {
		o.Poll = time.Minute
	}
	if o.FirstRetry <= 0 {
		o.FirstRetry = time.Minute
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = time.Hour
	}
	if o.MaxItemBytes <= 0 {
		o.MaxItemBytes = 100 << 20
	}
	if o.MinFreeBytes == 0 {
		o.MinFreeBytes = 500 << 20
	}
	if o.TTL <= 0 {
		o.TTL = 7 * 24 * time.Hour
	}
	return o
}

// mediaDownloadBatch is how many attachments one pass takes.
const mediaDownloadBatch = 10

// MediaDownloadsPause says whether saving attachments is paused because
// the disk is nearly full.
type MediaDownloadsPause struct {
	Paused    bool
	FreeBytes uint64 // free space when last measured
	MinFree   uint64 // the space saving keeps free
}

// Banner is the line the window shows while saving is paused, "" when
// it is not.
func (p MediaDownloadsPause) Banner() string {
	if !p.Paused {
		return ""
	}
	return fmt.Sprintf("Saving attachments is paused: less than %d MB is free on this disk. Free some space and Parley carries on by itself.",
		p.MinFree>>20)
}

// mediaPause is the pause the running MediaDownloader last found.
type mediaPause struct {
	mu sync.Mutex
	p  MediaDownloadsPause
}

// MediaDownloadsPaused reports whether saving attachments is paused for
// lack of disk space (EventMediaDownloads says when this changes).
func (c *InboxUseCases) MediaDownloadsPaused() MediaDownloadsPause {
	c.mediaPause.mu.Lock()
	defer c.mediaPause.mu.Unlock()
	return c.mediaPause.p
}

// setPause records the pause and publishes a change.
func (c *ports) setPause(p MediaDownloadsPause) {
	c.mediaPause.mu.Lock()
	changed := c.mediaPause.p.Paused != p.Paused
	c.mediaPause.p = p
	c.mediaPause.mu.Unlock()
	if changed {
		if p.Paused {
			c.log.Warn("saving attachments paused: disk nearly full", "free", p.FreeBytes, "min", p.MinFree)
		} else {
			c.log.Info("saving attachments resumed")
		}
		c.bus.Publish(Event{Kind: EventMediaDownloads})
	}
}

// wakeMedia nudges a running MediaDownloader; it never blocks.
func (c *ports) wakeMedia() {
	select {
	case c.mediaWake <- struct{}{}:
	default:
	}
}

// MediaDownloader saves customers' attachments to the media folder as
// they arrive, in the background: the owner never has to open a
// conversation in time.
type MediaDownloader struct {
	core *InboxUseCases
	opts MediaDownloadOptions
}

// NewMediaDownloader makes the worker; Run runs it, RunOnce does one pass.
func (c *InboxUseCases) NewMediaDownloader(opts MediaDownloadOptions) *MediaDownloader {
	return &MediaDownloader{core: c, opts: opts.withDefaults()}
}

// RunMediaDownloads saves attachments until ctx is done (see
// MediaDownloader).
func (c *InboxUseCases) RunMediaDownloads(ctx context.Context, opts MediaDownloadOptions) {
	c.NewMediaDownloader(opts).Run(ctx)
}

// Run saves queued attachments until ctx is done, woken by each stored
// attachment, else every Poll or when a retry is due. It has its own
// goroutine and never delays messages being sent.
func (d *MediaDownloader) Run(ctx context.Context) {
	c := d.core
	if c.mediaDir == "" {
		return
	}
	for ctx.Err() == nil {
		n, wait := d.RunOnce(ctx)
		if n == mediaDownloadBatch && wait == 0 {
			continue // more are due
		}
		if wait <= 0 || wait > d.opts.Poll {
			wait = d.opts.Poll
		}
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
		case <-c.mediaWake:
		case <-t.C:
		}
		t.Stop()
	}
}

// RunOnce saves the attachments that are due, one after the other, and
// returns how many it handled and, when one must wait, how soon the
// next attempt is due. A file WhatsApp no longer has, or an attachment
// older than TTL, is marked expired; one too large is left for the
// owner to download; one that failed for now waits, longer after each
// failure. While the disk is nearly full nothing is downloaded.
func (d *MediaDownloader) RunOnce(ctx context.Context) (processed int, retryAfter time.Duration) {
	c := d.core
	if c.mediaDir == "" {
		return 0, 0
	}
	if !d.roomLeft() {
		return 0, d.opts.Poll
	}
	now := c.clock.Now()
	due, err := c.store.DueMediaDownloads(ctx, now, mediaDownloadBatch)
	if err != nil {
		if ctx.Err() == nil {
			c.log.Error("save attachments: read queue", "err", err)
		}
		return 0, 0
	}
	for _, q := range due {
		if ctx.Err() != nil {
			break
		}
		processed++
		if now.Sub(q.SentAt) > d.opts.TTL {
			d.lost(ctx, q, MediaExpired)
			continue
		}
		wait, stop := d.save(ctx, q)
		if wait > 0 {
			retryAfter = minPositive(retryAfter, wait)
		}
		if stop {
			break
		}
	}
	return processed, retryAfter
}

// errNoRoom stops a download that would leave the disk nearly full.
var errNoRoom = errors.New("the disk is nearly full")

// errTooLarge refuses a file over MaxItemBytes.
var errTooLarge = errors.New("the file is larger than Parley saves by itself")

// save downloads one queued attachment through the same path as opening
// it. It returns how long until it is tried again (0 when done) and
// whether the others must wait too (the network or the disk).
func (d *MediaDownloader) save(ctx context.Context, q MediaDownload) (wait time.Duration, stop bool) {
	c := d.core
	_, err := c.downloadMedia(ctx, q.MessageID, func(size int) error {
		if int64(size) > d.opts.MaxItemBytes {
			return errTooLarge
		}
		if free, err := c.disk.FreeBytes(c.mediaDir); err == nil && free < d.opts.MinFreeBytes+uint64(size) {
			return errNoRoom
		}
		return nil
	})
	var pe *ProviderError
	switch {
	case err == nil:
		c.publishMediaChanged(q)
		return 0, false
	case ctx.Err() != nil:
		return 0, true // stopping: it stays queued as it was
	case errors.Is(err, errTooLarge):
		d.lost(ctx, q, MediaTooLarge)
		return 0, false
	case errors.As(err, &pe) && pe.Kind == KindNotFound:
		d.lost(ctx, q, MediaExpired)
		return 0, false
	}
	backoff := min(d.opts.FirstRetry<<min(q.Attempts, 20), d.opts.MaxBackoff)
	if errors.As(err, &pe) && pe.RetryAfter > backoff {
		backoff = min(pe.RetryAfter, d.opts.MaxBackoff)
	}
	c.log.Warn("save attachment failed, will try again", "message", q.MessageID, "attempt", q.Attempts+1, "wait", backoff, "err", err)
	if err := c.store.DeferMediaDownload(context.WithoutCancel(ctx), q.MessageID, c.clock.Now().Add(backoff), err.Error()); err != nil {
		c.log.Error("save attachments: hold for later", "message", q.MessageID, "err", err)
	}
	// The network or 360dialog failing: so would the others now.
	offline := errors.As(err, &pe) && pe.Temporary()
	return backoff, offline
}

// lost records that q's attachment cannot be saved and redraws it.
func (d *MediaDownloader) lost(ctx context.Context, q MediaDownload, why MediaLost) {
	c := d.core
	c.log.Info("attachment not saved", "message", q.MessageID, "why", string(why))
	if err := c.store.MediaDownloadLost(context.WithoutCancel(ctx), q.MessageID, why); err != nil {
		c.log.Error("save attachments: record lost file", "message", q.MessageID, "err", err)
		return
	}
	c.publishMediaChanged(q)
}

// publishMediaChanged tells an open conversation to redraw q's bubble.
func (c *ports) publishMediaChanged(q MediaDownload) {
	c.bus.Publish(Event{Kind: EventMessagesChanged, ChannelID: q.ChannelID, ConversationIDs: []int64{q.ConversationID}})
}

// roomLeft measures the media folder's disk and reports whether it has
// MinFreeBytes free; it records the pause. A disk that cannot be measured
// does not pause saving. (A file that alone would take the disk below
// MinFreeBytes waits on its own, with errNoRoom, and pauses nothing.)
func (d *MediaDownloader) roomLeft() bool {
	c := d.core
	free, err := c.disk.FreeBytes(c.mediaDir)
	if err != nil {
		c.log.Warn("measure free disk space", "dir", c.mediaDir, "err", err)
		c.setPause(MediaDownloadsPause{})
		return true
	}
	ok := free >= d.opts.MinFreeBytes
	c.setPause(MediaDownloadsPause{Paused: !ok, FreeBytes: free, MinFree: d.opts.MinFreeBytes})
	return ok
}

// minPositive is the smaller of a and b, ignoring a zero a.
func minPositive(a, b time.Duration) time.Duration {
	if a <= 0 {
		return b
	}
	return min(a, b)
}
