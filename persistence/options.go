package persistence

// Option changes how Open opens the store.
type Option func(*options)

// options are the settings Open's options change.
type options struct {
	// relaxedSync trades the last commits before a power cut for speed.
	relaxedSync bool
}

// WithRelaxedSync opens the store with synchronous=NORMAL instead of FULL:
// a commit then survives Parley being killed, but the last ones before a
// power cut or an operating-system crash may be lost, which is never
// acceptable for an acknowledged webhook or a message handed to WhatsApp.
// Only the ingest benchmark uses it, to measure what durability costs.
func WithRelaxedSync() Option {
	return func(o *options) { o.relaxedSync = true }
}

// synchronous is the value of PRAGMA synchronous for write connections.
// FULL makes SQLite flush the write-ahead log to the disk at every commit,
// so that a commit it reported is still there after a power cut.
func (o options) synchronous() string {
	if o.relaxedSync {
		return "NORMAL"
	}
	return "FULL"
}
