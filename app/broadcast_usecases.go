package app

import "errors"

// ErrOverDailyLimit marks a broadcast refused because it would reach more
// customers than the channel's messaging limit leaves today, and the
// owner did not choose to spread it over days.
var ErrOverDailyLimit = errors.New("more recipients than the messaging limit allows today")

// BroadcastUseCases are the use cases of broadcasts: building an
// audience, planning, testing, creating, controlling and following a
// broadcast, and the runner that releases recipients to the outbox.
type BroadcastUseCases struct {
	*ports
}

// BroadcastValues are the template values the draft gives recipient r,
// for the live preview and for sending.
func (c *BroadcastUseCases) BroadcastValues(d BroadcastDraft, r Recipient) TemplateValues {
	return broadcastValues(d, r)
}
