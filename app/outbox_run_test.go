package app_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// sendClock records, in real time, when the emulator was asked to send,
// and counts the sends it accepted.
type sendClock struct {
	mu       sync.Mutex
	ats      []time.Time
	accepted int
}

func (s *sendClock) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/messages") {
			next.ServeHTTP(w, r)
			return
		}
		s.mu.Lock()
		s.ats = append(s.ats, time.Now())
		s.mu.Unlock()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		if rec.status == http.StatusOK {
			s.mu.Lock()
			s.accepted++
			s.mu.Unlock()
		}
	})
}

// statusRecorder remembers the status a handler answered.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

// overLimit reports whether the busiest second saw more sends than limit
// allows. The outbox spaces its requests evenly; when they arrive, the
// scheduling of goroutines and the network may have bunched a few, so 3%
// (and one send) more pass: WhatsApp answers a real excess with 429,
// which the outbox backs off from.
func (s *sendClock) overLimit(limit float64) (int, bool) {
	most := s.busiest()
	return most, float64(most) > limit*1.03+1
}

// count returns how many sends the emulator accepted.
func (s *sendClock) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted
}

// busiest returns the most sends in any one-second span.
func (s *sendClock) busiest() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	most, from := 0, 0
	for to, at := range s.ats {
		for at.Sub(s.ats[from]) >= time.Second {
			from++
		}
		most = max(most, to-from+1)
	}
	return most
}

// outboxLoad is a world whose customers have all written, with messages
// queued to each of them.
type outboxLoad struct {
	*world
	ch    app.Channel
	sends *sendClock
	convs []app.Conversation
}

// newOutboxLoad makes customers' conversations with open windows (their
// messages stored as the receiver would) in a world whose emulator
// answers after latency.
func newOutboxLoad(tb testing.TB, customers int, latency time.Duration) *outboxLoad {
	tb.Helper()
	sends := &sendClock{}
	w := buildWorld(tb, false, sends.wrap)
	ch, err := w.core.AddChannel(w.ctx, app.NewChannel{Name: "Shop", Number: testNumber, APIKey: testKey})
	if err != nil {
		tb.Fatalf("add channel: %v", err)
	}
	items := make([]app.IngestItem, customers)
	for i := range items {
		from := fmt.Sprintf("49170%07d", i)
		// WhatsApp (the emulator) opens the customer's window; the store
		// gets the message as the receiver would store its webhook.
		if _, err := w.emu.Inbound(testKey, from, "Customer", "Hello"); err != nil {
			tb.Fatal(err)
		}
		items[i] = app.IngestItem{ChannelID: ch.ID, Batch: app.InboundBatch{
			Contacts: []app.Contact{{WAID: from, Name: fmt.Sprintf("Customer %d", i)}},
			Messages: []app.Message{{WAMessageID: "wamid.in" + from, From: from, Type: app.MsgText, RawType: "text",
				Text: "Hello", Timestamp: w.clock.Now()}},
		}}
	}
	if _, errs := w.store.IngestBatches(w.ctx, items); errs[0] != nil {
		tb.Fatal(errs[0])
	}
	l := &outboxLoad{world: w, ch: ch, sends: sends}
	for _, it := range items {
		cv, err := w.store.ConversationFor(w.ctx, ch.ID, it.Batch.Messages[0].From, "")
		if err != nil {
			tb.Fatal(err)
		}
		l.convs = append(l.convs, cv)
	}
	w.emu.SetLatency(latency)
	return l
}

// queue queues n replies, spread round-robin over the conversations;
// reply i of a conversation reads "reply <i>".
func (l *outboxLoad) queue(tb testing.TB, n int) {
	tb.Helper()
	for i := range n {
		cv := l.convs[i%len(l.convs)]
		if _, err := l.core.SendText(l.ctx, cv.ID, fmt.Sprintf("reply %d", i/len(l.convs)), ""); err != nil {
			tb.Fatal(err)
		}
	}
}

// runUntilSent runs the outbox until the emulator got n messages (or
// the deadline passed), then stops it and waits for it to return.
func (l *outboxLoad) runUntilSent(tb testing.TB, opts app.OutboxOptions, n int, deadline time.Duration) time.Duration {
	tb.Helper()
	changed := make(chan struct{}, 1)
	cancelSub := l.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMessagesChanged {
			select {
			case changed <- struct{}{}:
			default:
			}
		}
	})
	defer cancelSub()
	ctx, stop := context.WithCancel(l.ctx)
	finished := make(chan struct{})
	start := time.Now()
	go func() { defer close(finished); l.core.RunOutbox(ctx, opts) }()
	timeout := time.NewTimer(deadline)
	defer timeout.Stop()
	for l.sends.count() < n {
		select {
		case <-changed:
		case <-timeout.C:
			stop()
			<-finished
			tb.Fatalf("after %s the emulator got %d of %d messages", deadline, len(l.emu.Sent(testKey)), n)
		}
	}
	took := time.Since(start)
	stop()
	<-finished
	return took
}

// checkSentOnceInOrder checks that every queued reply was sent exactly
// once and, per customer, in the order written.
func (l *outboxLoad) checkSentOnceInOrder(tb testing.TB, n int) {
	tb.Helper()
	sent := l.emu.Sent(testKey)
	if len(sent) != n {
		tb.Fatalf("the emulator got %d messages, want %d", len(sent), n)
	}
	next := map[string]int{}
	for _, s := range sent {
		want := fmt.Sprintf("reply %d", next[s.To])
		if s.Text != want {
			tb.Fatalf("to %s the outbox sent %q, want %q next", s.To, s.Text, want)
		}
		next[s.To]++
	}
}

// The running outbox sends everything queued, once, in order per
// customer, several customers at a time; it keeps to its rate and stops
// with nothing left in flight.
func TestRunOutboxSendsEverythingInOrderWithinTheRate(t *testing.T) {
	l := newOutboxLoad(t, 20, 5*time.Millisecond)
	l.queue(t, 200)
	const rate = 100 // 200 messages take two seconds: the limit is felt
	l.runUntilSent(t, app.OutboxOptions{Rate: rate, Workers: 8}, 200, time.Minute)
	l.checkSentOnceInOrder(t, 200)
	if most, over := l.sends.overLimit(rate); over {
		t.Errorf("%d sends within one second, over the rate of %d", most, rate)
	}
	for _, cv := range l.convs[:3] {
		if got := lastMessage(t, l.world, cv.ID); got.State != app.StateSent {
			t.Errorf("last reply to %s shows %s, want sent", cv.WAID, got.State)
		}
	}
}

// While 360dialog cannot be reached, the running outbox backs off and
// sends nothing twice; when it answers again, everything goes out.
func TestRunOutboxBacksOffThenCatchesUp(t *testing.T) {
	l := newOutboxLoad(t, 3, 0)
	l.emu.FailNext(emulator.Fault502, 2)
	l.queue(t, 6)
	l.runUntilSent(t, app.OutboxOptions{Rate: 1000, Workers: 4, MaxBackoff: 2 * time.Second}, 6, time.Minute)
	l.checkSentOnceInOrder(t, 6)
}

// BenchmarkOutboxDrain drains 10,000 queued replies to 1,000 customers
// into the emulator answering after 20 ms, at WhatsApp's default rate
// limit (80 messages/s per number) and at a higher configured one. It
// reports msgs/s and x-limit (the rate reached against the limit), and
// fails if any one second saw more sends than the limit or a reply was
// sent twice or out of order.
func BenchmarkOutboxDrain(b *testing.B) {
	for _, limit := range []float64{80, 250} {
		b.Run(fmt.Sprintf("limit=%g", limit), func(b *testing.B) {
			const messages, customers = 10_000, 1_000
			var rate float64
			for b.Loop() {
				b.StopTimer()
				l := newOutboxLoad(b, customers, 20*time.Millisecond)
				l.queue(b, messages)
				b.StartTimer()
				took := l.runUntilSent(b, app.OutboxOptions{Rate: limit, Workers: 8}, messages, 10*time.Minute)
				b.StopTimer()
				l.checkSentOnceInOrder(b, messages)
				if most, over := l.sends.overLimit(limit); over {
					b.Fatalf("%d sends within one second, over the limit of %g", most, limit)
				}
				rate = messages / took.Seconds()
				b.StartTimer()
			}
			b.ReportMetric(rate, "msgs/s")
			b.ReportMetric(rate/limit, "x-limit")
		})
	}
}
