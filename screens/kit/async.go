package kit

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// Load reads with load off the UI goroutine, within LoadTimeout and only
// while ctx lasts, and hands the result to show on the UI goroutine.
// Nothing is shown once ctx has ended: the page that asked is closed.
func Load[T any](run Runner, ctx context.Context, load func(context.Context) (T, error), show func(T, error)) {
	run(func() {
		lctx, cancel := context.WithTimeout(ctx, LoadTimeout)
		defer cancel()
		v, err := load(lctx)
		fyne.Do(func() {
			if ctx.Err() == nil {
				show(v, err)
			}
		})
	})
}

// Reloader keeps what a page shows fresh. Request asks for a load: at
// most one runs at a time, requests made meanwhile become one more, and
// loads start at least gap apart, so a burst of events costs a few loads
// a second instead of one per event. Its methods run on the UI goroutine.
type Reloader[T any] struct {
	run  Runner
	ctx  context.Context
	gap  time.Duration
	plan func() func(context.Context) (T, error)
	show func(T, error)

	loading bool        // a load is running
	queued  bool        // another was asked for meanwhile
	waiting bool        // a load is due when the gap has passed
	last    time.Time   // when the last load started
	timer   *time.Timer // the wait for the gap, if any
}

// NewReloader returns a Reloader that loads with load and shows with show
// while ctx lasts, at most once every gap (zero: as often as asked).
func NewReloader[T any](run Runner, ctx context.Context, gap time.Duration,
	load func(context.Context) (T, error), show func(T, error)) *Reloader[T] {
	return NewPlannedReloader(run, ctx, gap, func() func(context.Context) (T, error) { return load }, show)
}

// NewPlannedReloader is NewReloader for a load that depends on what the
// page shows: plan runs on the UI goroutine when a load starts and
// returns the load to run in the background, with what it needs copied.
func NewPlannedReloader[T any](run Runner, ctx context.Context, gap time.Duration,
	plan func() func(context.Context) (T, error), show func(T, error)) *Reloader[T] {
	return &Reloader[T]{run: run, ctx: ctx, gap: gap, plan: plan, show: show}
}

// Request asks for a fresh load.
func (r *Reloader[T]) Request() {
	switch {
	case r.ctx.Err() != nil, r.waiting:
		return // closed, or a load is already due and will read what is new
	case r.loading:
		r.queued = true
		return
	}
	if wait := r.gap - time.Since(r.last); r.gap > 0 && wait > 0 {
		r.waiting = true
		r.timer = time.AfterFunc(wait, func() {
			fyne.Do(func() {
				r.waiting = false
				r.start()
			})
		})
		return
	}
	r.start()
}

// Busy reports whether a load is running or due.
func (r *Reloader[T]) Busy() bool { return r.loading || r.waiting }

// Stop drops a load that waits for its gap; one running still shows
// unless the reloader's context has ended.
func (r *Reloader[T]) Stop() {
	if r.timer != nil && r.timer.Stop() {
		r.waiting = false
	}
}

func (r *Reloader[T]) start() {
	if r.ctx.Err() != nil {
		return
	}
	r.loading, r.queued, r.last = true, false, time.Now()
	Load(r.run, r.ctx, r.plan(), func(v T, err error) {
		r.loading = false
		r.show(v, err)
		if r.queued {
			r.queued = false
			r.Request()
		}
	})
}
