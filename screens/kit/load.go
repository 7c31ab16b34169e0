package screens

import "time"

// loadTimeout bounds one read from the core behind a page: a list, a
// conversation, a page of messages.
const loadTimeout = 15 * time.Second
