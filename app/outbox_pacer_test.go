package app

import (
	"context"
	"slices"
	"sync"
	"testing"
	"time"
)

// However many senders wait at once, the pacer lets no more than its rate
// start within any one second, and keeps them coming at that rate.
func TestPacerKeepsEveryWindowWithinTheRate(t *testing.T) {
	const rate, senders, each = 400, 8, 75 // 600 starts: 1.5 s at the rate
	p := newPacer(rate)
	var mu sync.Mutex
	var starts []time.Time
	var wg sync.WaitGroup
	begin := time.Now()
	for range senders {
		wg.Go(func() {
			for range each {
				if !p.wait(context.Background()) {
					t.Error("wait gave up without a cancelled context")
					return
				}
				mu.Lock()
				starts = append(starts, time.Now())
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	took := time.Since(begin)
	slices.SortFunc(starts, time.Time.Compare)
	most, from := 0, 0
	for to := range starts {
		for starts[to].Sub(starts[from]) >= time.Second {
			from++
		}
		most = max(most, to-from+1)
	}
	if most > rate {
		t.Errorf("%d starts within one second, over the rate of %d", most, rate)
	}
	if floor := time.Duration(float64(senders*each-rate) / rate * float64(time.Second)); took < floor {
		t.Errorf("%d starts took %s, faster than the rate allows (%s)", senders*each, took, floor)
	}
}

func TestPacerGivesUpWhenCancelled(t *testing.T) {
	p := newPacer(1)
	p.wait(context.Background()) // takes the only slot of this second
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if p.wait(ctx) {
		t.Error("wait went ahead with a cancelled context and no free slot")
	}
}
