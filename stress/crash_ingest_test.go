package stress

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// ledger tracks which webhook events were acknowledged (answered 200)
// and which must be delivered again, as 360dialog does.
type ledger struct {
	mu      sync.Mutex
	next    int
	pending []int // sent but not acknowledged: delivered again
	acked   map[int]bool
}

// take returns an event to deliver: a pending one first, else a new one;
// ok is false when limit new events were handed out and none is pending.
func (l *ledger) take(limit int) (id int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if n := len(l.pending); n > 0 {
		id, l.pending = l.pending[n-1], l.pending[:n-1]
		return id, true
	}
	if l.next >= limit {
		return 0, false
	}
	l.next++
	return l.next, true
}

// settle records the answer for id.
func (l *ledger) settle(id int, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if ok {
		l.acked[id] = true
	} else {
		l.pending = append(l.pending, id)
	}
}

// crashPayload is a one-message webhook for event id.
func crashPayload(id int) []byte {
	from := fmt.Sprintf("4917%08d", 10000000+id%500)
	return fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930123456","phone_number_id":"111"},"contacts":[{"profile":{"name":"Customer %d"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"wamid.crash%d","timestamp":"1749000000","type":"text","text":{"body":"Order %d"}}]}}]}]}`,
		id%500, from, from, id, id)
}

// deliver posts events from senders goroutines until stop is closed or
// limit events are acknowledged, settling each answer in l.
func deliver(h *headless, l *ledger, senders, limit int, stop <-chan struct{}) {
	client := &http.Client{Timeout: 5 * time.Second}
	var wg sync.WaitGroup
	for range senders {
		wg.Go(func() {
			for {
				select {
				case <-stop:
					return
				default:
				}
				id, ok := l.take(limit)
				if !ok {
					return
				}
				req, _ := http.NewRequest(http.MethodPost, h.url(), bytes.NewReader(crashPayload(id)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set(app.WebhookSecretHeader, h.ch.WebhookSecret)
				resp, err := client.Do(req)
				acked := err == nil && resp.StatusCode == http.StatusOK
				if err == nil {
					_ = resp.Body.Close()
				}
				l.settle(id, acked)
				if err != nil {
					select { // the process is down: wait for the restart
					case <-stop:
						return
					case <-time.After(10 * time.Millisecond):
					}
				}
			}
		})
	}
	wg.Wait()
}

// Webhooks keep arriving while Parley is killed with SIGKILL at random
// moments and restarted; every event it acknowledged is stored exactly
// once, unacknowledged ones are delivered again (as 360dialog does) and
// stored once, and the database stays sound.
func TestCrashDuringIngestLosesNothingAcknowledged(t *testing.T) {
	kills := pick(3, 20)
	h := newHeadless(t)
	l := &ledger{acked: map[int]bool{}}
	rnd := rand.New(rand.NewPCG(1, uint64(time.Now().UnixNano())))
	cut := 0 // deliveries a kill cut off before their answer
	for range kills {
		h.start()
		stop := make(chan struct{})
		finished := make(chan struct{})
		go func() { deliver(h, l, 16, math.MaxInt, stop); close(finished) }()
		// Kill at a random moment while deliveries are in full flow.
		time.Sleep(time.Duration(100+rnd.IntN(400)) * time.Millisecond) // chaos timing, not synchronisation
		h.kill()
		close(stop)
		<-finished
		l.mu.Lock()
		cut += len(l.pending)
		l.mu.Unlock()
	}
	// Back up for good: everything not acknowledged is delivered again.
	h.start()
	l.mu.Lock()
	sent := l.next
	l.mu.Unlock()
	deliver(h, l, 16, sent, make(chan struct{}))
	h.stop()

	if cut == 0 {
		t.Fatal("no kill cut a delivery off: the test proved nothing")
	}
	if len(l.acked) != sent || len(l.pending) != 0 {
		t.Fatalf("%d of %d events acknowledged, %d still pending", len(l.acked), sent, len(l.pending))
	}
	ctx := context.Background()
	st, err := persistence.Open(ctx, h.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	stored := map[int]int{}
	cvs, err := st.Conversations(ctx, h.ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, cv := range cvs {
		for before := int64(0); ; {
			ms, err := st.Messages(ctx, cv.ID, before, 500)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				var id int
				if _, err := fmt.Sscanf(strings.TrimPrefix(m.WAMessageID, "wamid.crash"), "%d", &id); err == nil {
					stored[id]++
				}
				before = m.ID
			}
			if len(ms) < 500 {
				break
			}
		}
	}
	for id := range l.acked {
		if stored[id] != 1 {
			t.Errorf("acknowledged event %d is stored %d times", id, stored[id])
		}
	}
	if len(stored) != len(l.acked) {
		t.Errorf("%d events stored, %d acknowledged", len(stored), len(l.acked))
	}
	if err := st.IntegrityCheck(ctx); err != nil {
		t.Errorf("PRAGMA integrity_check after %d kills: %v", kills, err)
	}
	t.Logf("%d SIGKILLs cut %d deliveries off; %d events acknowledged, each stored once", kills, cut, len(l.acked))
}
