package app

import "sync"

// LocalReceiver is the webhook receiver running on this computer.
type LocalReceiver interface {
	// URLFor is the channel's webhook address on this computer.
	URLFor(ch Channel) string
	// Addr is the address the receiver listens on.
	Addr() string
}

type receiverSlot struct {
	mu sync.Mutex
	r  LocalReceiver
}

// AttachReceiver tells the core which receiver runs, so screens can show
// its address.
func (c *IngestUseCases) AttachReceiver(r LocalReceiver) {
	c.receiver.mu.Lock()
	defer c.receiver.mu.Unlock()
	c.receiver.r = r
}

// LocalWebhookURL is the channel's webhook address on this computer, or ""
// when no receiver runs.
func (c *IngestUseCases) LocalWebhookURL(ch Channel) string {
	c.receiver.mu.Lock()
	defer c.receiver.mu.Unlock()
	if c.receiver.r == nil {
		return ""
	}
	return c.receiver.r.URLFor(ch)
}
