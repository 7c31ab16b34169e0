package receiver

// QueueLen returns how many payloads wait for the writer, so that tests
// can tell when concurrent requests are queued behind a commit.
func QueueLen(r *Receiver) int { return len(r.writer.queue) }

// NewServer returns an HTTP server configured as the receiver's own, for
// a benchmark's baseline handler.
var NewServer = newServer

// BodiesPending returns how many webhooks passed the address and secret
// checks and wait for or are reading their body, so that tests can tell
// when slow senders have reached the body.
func BodiesPending(r *Receiver) int { return int(r.budget.pending.Load()) }
