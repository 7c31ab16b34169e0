package receiver

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/parley-app/parley/app"
)

// Limits of the refusal log: of each reason (and channel), the first
// refusalsPerWindow refusals of a window are logged one by one; the rest
// are only counted, and written as one summary line.
const (
	refusalWindow     = time.Minute
	refusalsPerWindow = 5
)

// Reasons a webhook is refused, each limited on its own.
const (
	reasonUnknownAddress = "unknown address"
	reasonWrongSecret    = "missing or wrong secret header"
	reasonUnreadable     = "body could not be read"
	reasonNotWebhook     = "not a WhatsApp webhook"
	reasonTooLarge       = "body too large"
	reasonRemoved        = "channel removed"
	reasonBusy           = "too many bodies being read"
)

// refusalLog writes the "webhook refused" lines so that a flood of bad
// requests cannot fill the log and rotate away what came before it. A
// summary of what was held back is written when the next window of the
// same reason begins, when any refusal comes a window after the last
// sweep, and at close; no goroutine or timer is involved.
type refusalLog struct {
	log   *slog.Logger
	clock app.Clock

	mu        sync.Mutex
	counts    map[refusalKey]*refusalCount
	lastSweep time.Time
	closed    bool // after close every refusal is logged
}

// refusalKey is what one limit applies to.
type refusalKey struct {
	reason  string
	channel app.ChannelID // 0 for an unknown address
}

// refusalCount is one reason's current window.
type refusalCount struct {
	start       time.Time
	logged      int
	held        int64
	level       slog.Level
	first, last time.Time // of the held refusals
}

// refusalSummary is one summary line to write.
type refusalSummary struct {
	refusalKey
	refusalCount
}

func newRefusalLog(log *slog.Logger, clock app.Clock) *refusalLog {
	return &refusalLog{log: log, clock: clock, counts: make(map[refusalKey]*refusalCount)}
}

// refuse logs "webhook refused: <reason>" with the channel (when not 0)
// and args, unless this reason already filled its window; then it only
// counts the refusal.
func (l *refusalLog) refuse(level slog.Level, ch app.ChannelID, reason string, args ...any) {
	now := l.clock.Now()
	l.mu.Lock()
	var due []refusalSummary
	if l.lastSweep.IsZero() || !now.Before(l.lastSweep.Add(refusalWindow)) {
		due, l.lastSweep = l.sweepLocked(now, false), now
	}
	k := refusalKey{reason: reason, channel: ch}
	c := l.counts[k]
	if c != nil && !now.Before(c.start.Add(refusalWindow)) {
		if c.held > 0 {
			due = append(due, refusalSummary{k, *c})
		}
		c = nil
	}
	if c == nil {
		c = &refusalCount{start: now}
		l.counts[k] = c
	}
	write := l.closed || c.logged < refusalsPerWindow
	if write {
		c.logged++
	} else {
		if c.held == 0 {
			c.first = now
		}
		c.held++
		c.last, c.level = now, level
	}
	l.mu.Unlock()
	l.summarise(due)
	if write {
		if ch != 0 {
			args = append([]any{"channel", ch}, args...)
		}
		l.log.Log(context.Background(), level, "webhook refused: "+reason, args...)
	}
}

// close writes the summaries still held back; refusals after it are all
// logged.
func (l *refusalLog) close() {
	l.mu.Lock()
	due := l.sweepLocked(l.clock.Now(), true)
	l.closed = true
	l.mu.Unlock()
	l.summarise(due)
}

// sweepLocked removes the windows that have ended (every window when
// all is set) and returns the summaries of those that held refusals back.
func (l *refusalLog) sweepLocked(now time.Time, all bool) []refusalSummary {
	var due []refusalSummary
	for k, c := range l.counts {
		if !all && now.Before(c.start.Add(refusalWindow)) {
			continue
		}
		if c.held > 0 {
			due = append(due, refusalSummary{k, *c})
		}
		delete(l.counts, k)
	}
	return due
}

// summarise writes one line per summary.
func (l *refusalLog) summarise(due []refusalSummary) {
	for _, s := range due {
		args := []any{"count", s.held, "first", s.first.Format(time.RFC3339), "last", s.last.Format(time.RFC3339)}
		if s.channel != 0 {
			args = append([]any{"channel", s.channel}, args...)
		}
		msg := fmt.Sprintf("webhook refused %d more times (not logged one by one): %s", s.held, s.reason)
		l.log.Log(context.Background(), s.level, msg, args...)
	}
}
