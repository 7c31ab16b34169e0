// Package emulator is an in-process fake of 360dialog's WhatsApp Cloud API
// host (waba-v2.360dialog.io). Tests serve it with httptest and the demo
// workspace runs it on 127.0.0.1.
//
// It keeps several numbers, each reached with its own API key, and checks
// requests the way the real service does: 401 for a wrong key, WhatsApp's
// profile and template limits, the 24-hour window, template parameters.
// It simulates template review and delivery statuses on an injectable
// clock, delivers webhooks (customer messages, statuses, template reviews)
// to the registered URL with retries, and can inject faults: latency,
// 429/500/502 answers, dropped connections and being offline.
//
// The endpoints and their shapes follow the project's 360dialog API notes
// (360dialog-api.md): Meta's Graph formats as passed through by 360dialog,
// and 360dialog's own /v1/configs/... endpoints.
package emulator

import (
	"context"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Emulator is a fake 360dialog v2 host. It is an http.Handler and safe for
// concurrent use. Call Close when done to stop background work.
type Emulator struct {
	mu          sync.Mutex
	now         func() time.Time
	rnd         *rand.Rand
	log         *slog.Logger
	accounts    map[string]*account // by API key
	uploads     map[string]*uploadSession
	blobs       map[string]*blob // resumable-upload results, by handle
	media       map[string]*mediaObject
	mediaTTL    time.Duration // how long a customer's file can be fetched
	seq         int64
	reviewDelay time.Duration
	statusDelay time.Duration
	review      func(name string) (approved bool, reason string)
	unreachable map[string]bool
	// failCodes makes sends to a number fail later with a code
	// (FailRecipient).
	failCodes map[string]int
	maxPage   int
	timeline  []event
	eventSeq  int64
	lastHost  string
	faults    faultState
	// nestedProfile answers GET /whatsapp_business_profile in Meta's
	// described shape, data[].business_profile{…}, instead of flat.
	nestedProfile bool
	// hiddenNumber makes /health_status refuse the phone-number node
	// fields, as 360dialog may: the number of a key is then unknown.
	hiddenNumber bool

	deliver  *deliverer
	listener *listener
	autoTick time.Duration
	stop     chan struct{}
	wg       sync.WaitGroup
	closed   bool
}

// Option configures an Emulator.
type Option func(*Emulator)

// WithClock makes the emulator tell time with now. Template review and
// delivery statuses become due on this clock, so tests advance it and call
// Tick instead of sleeping.
func WithClock(now func() time.Time) Option {
	return func(e *Emulator) {
		if now != nil {
			e.now = now
		}
	}
}

// WithMediaTTL sets how long, on the emulator's clock, the file of a
// customer's message can be fetched by its media id; afterwards the id is
// unknown, as WhatsApp's expire. Default 7 days (360dialog-api.md §5).
func WithMediaTTL(d time.Duration) Option {
	return func(e *Emulator) {
		if d > 0 {
			e.mediaTTL = d
		}
	}
}

// WithSeed makes random choices (fault injection, ids) repeatable.
func WithSeed(seed uint64) Option {
	return func(e *Emulator) { e.rnd = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) }
}

// WithLogger sets where the emulator logs webhook delivery problems.
func WithLogger(l *slog.Logger) Option {
	return func(e *Emulator) {
		if l != nil {
			e.log = l
		}
	}
}

// WithMaxPageSize caps the page size of the template list, as the real
// service caps it; clients must follow offsets by what they receive.
func WithMaxPageSize(n int) Option {
	return func(e *Emulator) {
		if n > 0 {
			e.maxPage = n
		}
	}
}

// WithAutoTick runs Tick every interval in the background (stopped by
// Close), so that reviews and statuses progress without requests. The
// demo workspace uses it; tests call Tick themselves.
func WithAutoTick(interval time.Duration) Option {
	return func(e *Emulator) { e.autoTick = interval }
}

// WithNestedProfile makes GET /whatsapp_business_profile answer in the
// shape Meta describes, {"data":[{"business_profile":{…}}]}, instead of
// the flat {"data":[{…}]} of 360dialog's examples. SetNestedProfile
// switches it later.
func WithNestedProfile() Option {
	return func(e *Emulator) { e.nestedProfile = true }
}

// SetNestedProfile switches the shape of the profile answer (see
// WithNestedProfile).
func (e *Emulator) SetNestedProfile(nested bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.nestedProfile = nested
}

// HideNumber makes /health_status refuse the phone-number node fields
// (display_phone_number, verified_name), which 360dialog does not
// document: a client then cannot learn the number of a key.
func (e *Emulator) HideNumber(hidden bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.hiddenNumber = hidden
}

// WithManualDelivery turns the webhook delivery goroutine off: webhooks
// stay queued until Flush delivers them. Tests use it to be deterministic.
func WithManualDelivery() Option {
	return func(e *Emulator) { e.deliver.manual = true }
}

// WithDeliveryRetry sets how webhooks that are not answered with HTTP 200
// are retried: at most maxAttempts attempts, waiting base, then twice as
// long each time, up to maxWait. The real service retries for up to 7 days.
func WithDeliveryRetry(maxAttempts int, base, maxWait time.Duration) Option {
	return func(e *Emulator) {
		if maxAttempts > 0 {
			e.deliver.maxAttempts = maxAttempts
		}
		if base > 0 {
			e.deliver.base = base
		}
		if maxWait > 0 {
			e.deliver.maxWait = maxWait
		}
	}
}

// WithWebhookClient sets the HTTP client used to deliver webhooks.
func WithWebhookClient(hc *http.Client) Option {
	return func(e *Emulator) {
		if hc != nil {
			e.deliver.hc = hc
		}
	}
}

// New returns an emulator with no numbers; add them with AddNumber.
func New(opts ...Option) *Emulator {
	e := &Emulator{
		now:         time.Now,
		rnd:         rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7)),
		log:         slog.New(slog.NewTextHandler(io.Discard, nil)),
		accounts:    map[string]*account{},
		uploads:     map[string]*uploadSession{},
		blobs:       map[string]*blob{},
		media:       map[string]*mediaObject{},
		mediaTTL:    7 * 24 * time.Hour,
		review:      func(string) (bool, string) { return true, "" },
		unreachable: map[string]bool{},
		failCodes:   map[string]int{},
		maxPage:     1000,
		stop:        make(chan struct{}),
	}
	e.deliver = newDeliverer(e)
	for _, o := range opts {
		o(e)
	}
	e.faults.retryAfter = time.Second
	if !e.deliver.manual {
		e.wg.Add(1)
		go func() { defer e.wg.Done(); e.deliver.run(e.stop) }()
	}
	if e.autoTick > 0 {
		e.wg.Add(1)
		go func() { defer e.wg.Done(); e.tickLoop(e.autoTick) }()
	}
	return e
}

// Close stops the background goroutines and the listener started by
// Start. Queued webhooks are dropped.
func (e *Emulator) Close() {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return
	}
	e.closed = true
	l := e.listener
	e.mu.Unlock()
	close(e.stop)
	if l != nil {
		l.close()
	}
	e.wg.Wait()
}

func (e *Emulator) tickLoop(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-e.stop:
			return
		case <-t.C:
			e.Tick()
		}
	}
}

// ServeHTTP answers one API request.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !e.applyFaults(w, r) {
		return
	}
	if strings.HasPrefix(r.URL.Path, "/cdn/") {
		e.serveBlob(w, r) // public, like WhatsApp's CDN
		return
	}
	e.mu.Lock()
	e.lastHost = r.Host
	e.advanceLocked()
	a := e.accounts[strings.TrimSpace(r.Header.Get("D360-API-KEY"))]
	e.mu.Unlock()
	if a == nil {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "Invalid api key"})
		return
	}
	e.route(w, r, a)
}

// route dispatches an authenticated request.
func (e *Emulator) route(w http.ResponseWriter, r *http.Request, a *account) {
	p := r.URL.Path
	switch {
	case p == "/health_status" && r.Method == http.MethodGet:
		e.handleHealth(w, r, a)
	case p == "/whatsapp_business_profile":
		e.handleProfile(w, r, a)
	case p == "/uploads" && r.Method == http.MethodPost:
		e.handleUploadStart(w, r, a)
	case strings.HasPrefix(p, "/upload:"):
		e.handleUploadSession(w, r, a)
	case p == "/v1/configs/templates":
		e.handleTemplates(w, r, a)
	case strings.HasPrefix(p, "/v1/configs/templates/"):
		e.handleTemplate(w, r, a, strings.TrimPrefix(p, "/v1/configs/templates/"))
	case p == "/messages" && r.Method == http.MethodPost:
		e.handleMessages(w, r, a)
	case p == "/media" && r.Method == http.MethodPost:
		e.handleMediaUpload(w, r, a)
	case p == "/whatsapp_business/attachments/" && r.Method == http.MethodGet:
		e.handleDownload(w, r, a)
	case p == "/v1/configs/webhook":
		e.handleWebhookConfig(w, r, a)
	case isMediaID(strings.TrimPrefix(p, "/")):
		e.handleMediaObject(w, r, a, strings.TrimPrefix(p, "/"))
	default:
		writeGraphError(w, http.StatusNotFound, graphErr{code: 100, subcode: 33,
			message: "Unsupported request - method type: " + strings.ToLower(r.Method)})
	}
}

// Tick makes everything that is due on the clock happen: template
// reviews and delivery statuses, each announced by webhook.
func (e *Emulator) Tick() {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.advanceLocked()
}

// SetReviewDelay sets how long a submitted template waits for review.
func (e *Emulator) SetReviewDelay(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.reviewDelay = d
}

// SetReviewOutcome sets the reviewer: it decides whether a template name
// is approved and, if not, the reason code (e.g. "INVALID_FORMAT"). By
// default everything is approved. f is called with the emulator locked and
// must not call the Emulator.
func (e *Emulator) SetReviewOutcome(f func(name string) (approved bool, reason string)) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if f == nil {
		f = func(string) (bool, string) { return true, "" }
	}
	e.review = f
}

// SetStatusDelay sets the time between a send and its "delivered" status,
// and again until "read". Zero (the default) makes all three due at once.
func (e *Emulator) SetStatusDelay(d time.Duration) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.statusDelay = d
}

// AddUnreachable makes sends to waID fail later with a "failed" status
// and error 131026, as for a number that does not use WhatsApp.
func (e *Emulator) AddUnreachable(waID string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.unreachable[digits(waID)] = true
}

// FailRecipient makes sends to waID fail later with a "failed" status
// and WhatsApp's error code (131049, the customer's limit of marketing
// messages; 131026, not on WhatsApp; ...); code 0 lets them through
// again.
func (e *Emulator) FailRecipient(waID string, code int) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if code == 0 {
		delete(e.failCodes, digits(waID))
		return
	}
	e.failCodes[digits(waID)] = code
}

// Flush delivers every queued webhook now, ignoring retry delays, one
// attempt each, in order. It returns an error when some were not
// accepted; they stay queued.
func (e *Emulator) Flush(ctx context.Context) error {
	return e.deliver.flush(ctx)
}

// PendingWebhooks is the number of webhooks waiting for delivery.
func (e *Emulator) PendingWebhooks() int { return e.deliver.pending() }
