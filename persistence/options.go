package persistence

// Option changes how Open opens the store.
type Option func(*options)

// options are the settings Open's options change.
type options struct {
	// relaxedSync trades the last commits before a power cut for speed.
	relaxedSync bool
	// progress hears how far a long migration step is.
	progress func(done, total int)
}

// WithProgress has Open report how far it is while it builds something
// for existing data in a migration (the search index of every stored
// message, say), which can take seconds on a large database. progress is
// called on the goroutine that called Open, with done of total items,
// first with done 0 and last with done equal to total; never when there
// is nothing to build. A window shows it with fyne.Do.
func WithProgress(progress func(done, total int)) Option {
	return func(o *options) { o.progress = progress }
}

// progressFunc returns the progress callback, or one that does nothing.
func (o options) progressFunc() func(done, total int) {
	if o.progress == nil {
		return func(int, int) {}
	}
	return o.progress
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
