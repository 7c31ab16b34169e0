package demo

import (
	"sync"
	"time"
)

// replayClock is the emulator's clock: the base clock, except while the
// demo replays a past moment (a customer's last message, a template's
// approval date) on the emulator's side.
type replayClock struct {
	base func() time.Time
	mu   sync.Mutex
	at   time.Time // zero: follow base
}

func newReplayClock(base func() time.Time) *replayClock {
	if base == nil {
		base = time.Now
	}
	return &replayClock{base: base}
}

// Now returns the replayed moment, or the base clock's time.
func (c *replayClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.at.IsZero() {
		return c.at
	}
	return c.base()
}

// during runs fn with the clock standing at t.
func (c *replayClock) during(t time.Time, fn func()) {
	c.mu.Lock()
	c.at = t
	c.mu.Unlock()
	defer func() {
		c.mu.Lock()
		c.at = time.Time{}
		c.mu.Unlock()
	}()
	fn()
}
