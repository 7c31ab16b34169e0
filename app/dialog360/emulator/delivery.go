package emulator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sort"
	"sync"
	"time"

	"github.com/parley-app/parley/app"
)

// webhookTimeout is 360dialog's limit for a webhook answer.
const webhookTimeout = 5 * time.Second

// delivery is one webhook post waiting to be accepted.
type delivery struct {
	key     string // API key of the number, to look up the current webhook
	body    []byte
	attempt int
	due     time.Time // real time
	seq     int64
}

// deliverer posts webhooks in order and retries those not answered with
// HTTP 200, with exponential backoff on real time.
type deliverer struct {
	e           *Emulator
	mu          sync.Mutex
	queue       []*delivery
	seq         int64
	wake        chan struct{}
	manual      bool
	maxAttempts int
	base        time.Duration
	maxWait     time.Duration
	hc          *http.Client
}

func newDeliverer(e *Emulator) *deliverer {
	return &deliverer{
		e:           e,
		wake:        make(chan struct{}, 1),
		maxAttempts: 12,
		base:        time.Second,
		maxWait:     5 * time.Minute,
		hc:          &http.Client{Timeout: webhookTimeout},
	}
}

// enqueue adds a webhook for the number with key.
func (d *deliverer) enqueue(key string, body []byte) {
	d.mu.Lock()
	d.seq++
	d.queue = append(d.queue, &delivery{key: key, body: body, due: time.Now(), seq: d.seq})
	d.mu.Unlock()
	d.notify()
}

func (d *deliverer) notify() {
	select {
	case d.wake <- struct{}{}:
	default:
	}
}

func (d *deliverer) pending() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.queue)
}

// run delivers until stop is closed.
func (d *deliverer) run(stop <-chan struct{}) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() { <-stop; cancel() }()
	for {
		next, wait := d.takeDue()
		if next != nil {
			d.finish(next, d.post(ctx, next))
			continue
		}
		var t *time.Timer
		var timer <-chan time.Time
		if wait > 0 {
			t = time.NewTimer(wait)
			timer = t.C
		}
		select {
		case <-stop:
			return
		case <-d.wake:
		case <-timer:
		}
		if t != nil {
			t.Stop()
		}
	}
}

// takeDue removes and returns the first due delivery, or tells how long
// until one is due (0: nothing queued).
func (d *deliverer) takeDue() (*delivery, time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.queue) == 0 {
		return nil, 0
	}
	sort.SliceStable(d.queue, func(i, j int) bool {
		if !d.queue[i].due.Equal(d.queue[j].due) {
			return d.queue[i].due.Before(d.queue[j].due)
		}
		return d.queue[i].seq < d.queue[j].seq
	})
	first := d.queue[0]
	if wait := time.Until(first.due); wait > 0 {
		return nil, wait
	}
	d.queue = d.queue[1:]
	return first, 0
}

// finish requeues a failed delivery with backoff, or drops it when it
// succeeded or ran out of attempts.
func (d *deliverer) finish(dl *delivery, err error) {
	if err == nil || errors.Is(err, errNoWebhook) {
		return
	}
	dl.attempt++
	if dl.attempt >= d.maxAttempts {
		d.e.log.Warn("emulator: webhook dropped after retries", "attempts", dl.attempt, "error", err)
		return
	}
	wait := min(d.base<<(dl.attempt-1), d.maxWait)
	dl.due = time.Now().Add(wait)
	d.mu.Lock()
	d.queue = append(d.queue, dl)
	d.mu.Unlock()
	d.notify()
}

var errNoWebhook = errors.New("no webhook registered")

// post sends one delivery to the number's current webhook.
func (d *deliverer) post(ctx context.Context, dl *delivery) error {
	cfg, ok := d.e.webhookFor(dl.key)
	if !ok || cfg.URL == "" {
		return errNoWebhook
	}
	ctx, cancel := context.WithTimeout(ctx, webhookTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.URL, bytes.NewReader(dl.body))
	if err != nil {
		return fmt.Errorf("webhook request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "parley-360dialog-emulator")
	for k, v := range cfg.Headers {
		req.Header.Set(k, v)
	}
	resp, err := d.hc.Do(req)
	if err != nil {
		d.e.log.Debug("emulator: webhook not delivered", "error", err)
		return fmt.Errorf("post webhook: %w", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<20))
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		d.e.log.Debug("emulator: webhook refused", "status", resp.StatusCode)
		return fmt.Errorf("post webhook: answered %d", resp.StatusCode)
	}
	return nil
}

// flush delivers everything queued now, one attempt each, in order.
func (d *deliverer) flush(ctx context.Context) error {
	d.mu.Lock()
	batch := d.queue
	d.queue = nil
	d.mu.Unlock()
	sort.SliceStable(batch, func(i, j int) bool { return batch[i].seq < batch[j].seq })
	var errs []error
	for _, dl := range batch {
		if ctx.Err() != nil {
			d.finishNoCount(dl)
			continue
		}
		err := d.post(ctx, dl)
		if err != nil && !errors.Is(err, errNoWebhook) {
			errs = append(errs, err)
		}
		d.finish(dl, err)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("flush webhooks: %w", ctx.Err())
	}
	if len(errs) > 0 {
		return fmt.Errorf("flush webhooks: %d not accepted: %w", len(errs), errors.Join(errs...))
	}
	return nil
}

// finishNoCount puts a delivery back untouched.
func (d *deliverer) finishNoCount(dl *delivery) {
	d.mu.Lock()
	d.queue = append(d.queue, dl)
	d.mu.Unlock()
}

// webhookFor returns the current webhook of the number with key.
func (e *Emulator) webhookFor(key string) (app.WebhookConfig, bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[key]
	if a == nil {
		return app.WebhookConfig{}, false
	}
	return copyWebhook(a.webhook), true
}

// enqueueLocked queues a webhook for a, unless a has no webhook (then the
// event is lost, as with the real service).
func (e *Emulator) enqueueLocked(a *account, body []byte) {
	if a.webhook.URL == "" {
		return
	}
	e.deliver.enqueue(a.key, body)
}
