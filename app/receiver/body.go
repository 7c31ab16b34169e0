package receiver

import (
	"bytes"
	"container/list"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-app/parley/app"
)

// errBusy answers a webhook that waited BodyWait for room in the body
// budget; the sender retries later.
var errBusy = errors.New("too many webhook bodies are being read")

// bodyBudget bounds the bytes of the webhooks handled at once. A webhook
// takes its announced length from the budget before its body is read
// and gives it back once it is answered, so that senders who announce
// large bodies and send them slowly hold at most the budget, however
// many they are. A webhook that does not fit waits for others to give
// theirs back, oldest first among those that fit then.
type bodyBudget struct {
	mu       sync.Mutex
	free     int64
	waiters  list.List // of *budgetWaiter, oldest first
	stopping chan struct{}
	stopOnce sync.Once

	pending atomic.Int64 // webhooks waiting for or holding a share
}

// budgetWaiter is one webhook waiting for n bytes of the budget.
type budgetWaiter struct {
	n     int64
	ready chan struct{} // closed once the bytes are taken for it
}

func newBodyBudget(size int64) *bodyBudget {
	return &bodyBudget{free: size, stopping: make(chan struct{})}
}

// acquire takes n bytes of the budget, waiting while they are not free:
// at most wait, until ctx ends, or until stop. It returns errBusy,
// ctx's error or errStopped when it gave up; otherwise the caller gives
// the bytes back with release.
func (b *bodyBudget) acquire(ctx context.Context, n int64, wait time.Duration) error {
	b.pending.Add(1)
	b.mu.Lock()
	if n <= b.free {
		b.free -= n
		b.mu.Unlock()
		return nil
	}
	w := &budgetWaiter{n: n, ready: make(chan struct{})}
	el := b.waiters.PushBack(w)
	b.mu.Unlock()

	timer := time.NewTimer(wait)
	defer timer.Stop()
	var err error
	select {
	case <-w.ready:
		return nil
	case <-timer.C:
		err = errBusy
	case <-ctx.Done():
		err = ctx.Err()
	case <-b.stopping:
		err = errStopped
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	select {
	case <-w.ready: // granted while giving up: go on with it
		return nil
	default:
	}
	b.waiters.Remove(el)
	b.pending.Add(-1)
	return err
}

// release gives back n bytes taken by acquire and hands them on to the
// waiters they fit.
func (b *bodyBudget) release(n int64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending.Add(-1)
	b.free += n
	for el := b.waiters.Front(); el != nil && b.free > 0; {
		next := el.Next()
		if w := el.Value.(*budgetWaiter); w.n <= b.free {
			b.free -= w.n
			b.waiters.Remove(el)
			close(w.ready)
		}
		el = next
	}
}

// stop makes every waiting webhook give up with errStopped; a webhook
// that fits the budget still goes on.
func (b *bodyBudget) stop() {
	b.stopOnce.Do(func() { close(b.stopping) })
}

// bodyShare is how much of the budget req's body takes: its announced
// length, or the largest body accepted when it is not announced, and at
// least what reading it costs anyway.
func (r *Receiver) bodyShare(req *http.Request) int64 {
	n := req.ContentLength
	if n < 0 {
		n = r.cfg.MaxBody
	}
	return max(n, bytes.MinRead)
}

// refuseBusy answers a webhook that got no share of the body budget.
func (r *Receiver) refuseBusy(w http.ResponseWriter, id app.ChannelID, err error) {
	switch {
	case errors.Is(err, errStopped):
		w.Header().Set("Retry-After", "5")
		http.Error(w, "shutting down, try again", http.StatusServiceUnavailable)
	case errors.Is(err, errBusy):
		r.refusals.refuse(slog.LevelWarn, id, reasonBusy, "budget_bytes", r.cfg.BodyBudget)
		w.Header().Set("Retry-After", "5")
		http.Error(w, "too busy, try again", http.StatusServiceUnavailable)
	default:
		// The sender hung up while waiting; nobody reads this answer.
		r.cfg.Log.Debug("webhook abandoned by its sender", "channel", id)
		http.Error(w, "not read, try again", http.StatusServiceUnavailable)
	}
}

// maxPooledBuffer is the largest body buffer kept for reuse.
const maxPooledBuffer = 64 << 10

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// readBody reads the whole body, at most max bytes, into a pooled buffer
// the caller returns with putBuffer. The buffer grows as bytes arrive,
// never to the announced length ahead of them: a sender that announces
// a large body and sends little of it costs little.
func readBody(w http.ResponseWriter, req *http.Request, max int64) (*bytes.Buffer, error) {
	buf := bufferPool.Get().(*bytes.Buffer)
	buf.Reset()
	_, err := buf.ReadFrom(http.MaxBytesReader(w, req.Body, max))
	return buf, err
}

// putBuffer returns buf to the pool unless it grew large.
func putBuffer(buf *bytes.Buffer) {
	if buf.Cap() <= maxPooledBuffer {
		bufferPool.Put(buf)
	}
}
