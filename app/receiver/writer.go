package receiver

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/parley-app/parley/app"
)

// errStopped answers payloads that arrive after Shutdown stopped the
// writer; the sender retries later.
var errStopped = errors.New("the receiver is shutting down")

// queueSize is how many payloads may wait for the writer before senders
// block (and, if they give up, get no answer: 360dialog retries).
const queueSize = 1024

// gatherRounds bounds how often the writer yields, before a commit, to
// handlers that are about to queue a payload (see gather).
const gatherRounds = 4

// job is one payload waiting for its commit.
type job struct {
	ctx  context.Context // the request's; a job whose sender left is skipped
	item app.IngestItem
	done chan result // buffered: the writer never blocks answering
}

// result is what the commit of one job gave.
type result struct {
	inserted []app.Message
	err      error
}

// jobPool recycles jobs (and their channels) of answered requests.
var jobPool = sync.Pool{New: func() any { return &job{done: make(chan result, 1)} }}

// writer is the single goroutine that hands payloads to the ingester
// (the core). While one group
// commits, new payloads queue up; the next group is whatever is queued
// when the writer is free again (natural group commit: no timer, no
// waiting for more).
type writer struct {
	ingester  app.GroupIngester
	maxItems  int
	maxEvents int

	queue    chan *job
	stopping chan struct{} // closed when no new payload is accepted
	stopOnce sync.Once
	exited   chan struct{} // closed when run returns

	// Reused by run; only the writer goroutine touches them.
	group []*job
	items []app.IngestItem
}

func newWriter(cfg Config) *writer {
	return &writer{
		ingester:  cfg.Ingester,
		maxItems:  cfg.MaxGroupItems,
		maxEvents: cfg.MaxGroupEvents,
		queue:     make(chan *job, queueSize),
		stopping:  make(chan struct{}),
		exited:    make(chan struct{}),
		group:     make([]*job, 0, cfg.MaxGroupItems),
		items:     make([]app.IngestItem, 0, cfg.MaxGroupItems),
	}
}

// ingest stores one payload and waits for its commit. It returns early,
// with ctx's error, when ctx ends first; the payload may then still be
// committed (harmless: ingest is idempotent and the sender retries).
func (w *writer) ingest(ctx context.Context, id app.ChannelID, b app.InboundBatch) ([]app.Message, error) {
	j := jobPool.Get().(*job)
	j.ctx, j.item = ctx, app.IngestItem{ChannelID: id, Batch: b}
	select {
	case w.queue <- j:
	case <-ctx.Done():
		j.release()
		return nil, ctx.Err()
	case <-w.stopping:
		j.release()
		return nil, errStopped
	}
	select {
	case r := <-j.done:
		j.release()
		return r.inserted, r.err
	case <-ctx.Done():
		// The writer still holds j and answers into its buffered channel;
		// j is left to the garbage collector, never reused.
		return nil, ctx.Err()
	case <-w.exited:
		// Queued in a race with stop and never taken: nobody will answer.
		select {
		case r := <-j.done:
			return r.inserted, r.err
		default:
			return nil, errStopped
		}
	}
}

// release returns an answered job to the pool.
func (j *job) release() {
	*j = job{done: j.done}
	jobPool.Put(j)
}

// run stores groups of payloads until stop.
func (w *writer) run() {
	defer close(w.exited)
	for {
		var first *job
		select {
		case first = <-w.queue:
		case <-w.stopping:
			w.refuseQueued()
			return
		}
		w.gather()
		w.group = append(w.group[:0], first)
		events := first.item.Batch.Len()
	collect:
		for len(w.group) < w.maxItems && events < w.maxEvents {
			select {
			case j := <-w.queue:
				w.group = append(w.group, j)
				events += j.item.Batch.Len()
			default:
				break collect
			}
		}
		w.commit()
	}
}

// gather yields to the goroutines that are about to queue a payload,
// for as long as that grows the queue (at most gatherRounds times), so
// that more payloads share one commit. On a busy machine the handlers
// and the writer share the cores: without it, the writer commits as soon
// as one or two payloads wait, and most of its time goes to the fixed
// cost of each commit (BenchmarkIngestLoopback: about 2 payloads per
// commit and 0.37x the bare handler without it, 8 and 0.48x with it).
// It adds no timer: with nothing else to run, Gosched returns at once.
func (w *writer) gather() {
	for range gatherRounds {
		n := len(w.queue)
		runtime.Gosched()
		if len(w.queue) == n {
			return
		}
	}
}

// commit hands the current group to the ingester, which stores it in one
// transaction and publishes it, and answers each job with its own result.
func (w *writer) commit() {
	defer clear(w.group) // drop references to answered jobs
	live := w.group[:0]
	w.items = w.items[:0]
	for _, j := range w.group {
		if err := j.ctx.Err(); err != nil {
			j.done <- result{err: err} // the sender left; do not store
			continue
		}
		live = append(live, j)
		w.items = append(w.items, j.item)
	}
	if len(live) == 0 {
		return
	}
	// A commit is never cancelled: it is short (SQLite's busy timeout
	// bounds any wait for the lock), and a context that can be cancelled
	// costs the SQLite driver a goroutine per statement (a quarter of the
	// ingest rate in BenchmarkIngestLoopback).
	results, errs := w.ingester.IngestBatches(context.Background(), w.items)
	if len(results) != len(w.items) || len(errs) != len(w.items) {
		err := fmt.Errorf("the ingester answered %d results and %d errors for %d payloads", len(results), len(errs), len(w.items))
		results, errs = make([][]app.Message, len(w.items)), make([]error, len(w.items))
		for i := range errs {
			errs[i] = err
		}
	}
	for i, j := range live {
		j.done <- result{inserted: results[i], err: errs[i]}
	}
	clear(w.items)
}

// refuseQueued answers every payload still queued at stop.
func (w *writer) refuseQueued() {
	for {
		select {
		case j := <-w.queue:
			j.done <- result{err: errStopped}
		default:
			return
		}
	}
}

// stop stops accepting payloads; the writer finishes the group it is
// committing and exits.
func (w *writer) stop() {
	w.stopOnce.Do(func() { close(w.stopping) })
}
