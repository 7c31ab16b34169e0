package kit

import "time"

// LoadTimeout bounds one read from the core behind a page: a list, a
// conversation, a page of messages.
const LoadTimeout = 15 * time.Second
