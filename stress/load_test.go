package stress

import (
	"bytes"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// rssKiB reads the resident memory of process pid.
func rssKiB(t *testing.T, pid string) int {
	t.Helper()
	data, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		t.Fatalf("read memory of parley: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	t.Fatal("no VmRSS in /proc status")
	return 0
}

// mean is the average of xs.
func mean(xs []int) float64 {
	sum := 0
	for _, x := range xs {
		sum += x
	}
	return float64(sum) / float64(max(1, len(xs)))
}

// WhatsApp's highest per-number throughput (1,000 events/s) arrives at
// the real binary for a sustained period (20 s in make test, 10 minutes
// in make stress): every event is acknowledged, p99 acknowledgement stays
// under a second, and memory does not keep growing.
func TestSustainedLoadAtWhatsAppsHighestRate(t *testing.T) {
	const rate = 1000 // events per second
	duration := pick(20*time.Second, 10*time.Minute)
	h := newHeadless(t)
	h.start()
	pid := h.pid()

	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	work := make(chan int, rate)
	var failed atomic.Int64
	var mu sync.Mutex
	var waits []time.Duration
	var wg sync.WaitGroup
	for range 48 {
		wg.Go(func() {
			var mine []time.Duration
			for id := range work {
				req, _ := http.NewRequest(http.MethodPost, h.url(), bytes.NewReader(crashPayload(id)))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set(app.WebhookSecretHeader, h.ch.WebhookSecret)
				sent := time.Now()
				resp, err := client.Do(req)
				if err != nil || resp.StatusCode != http.StatusOK {
					failed.Add(1)
				}
				if err == nil {
					_ = resp.Body.Close()
				}
				mine = append(mine, time.Since(sent))
			}
			mu.Lock()
			waits = append(waits, mine...)
			mu.Unlock()
		})
	}

	var rss []int
	start := time.Now()
	tick := time.NewTicker(10 * time.Millisecond) // 10 events every 10 ms
	defer tick.Stop()
	sample := time.NewTicker(time.Second)
	defer sample.Stop()
	id, late := 0, 0
	for time.Since(start) < duration {
		select {
		case <-tick.C:
			due := int(time.Since(start).Seconds() * rate)
			for ; id < due; id++ {
				select {
				case work <- id + 1:
				default:
					late++ // all senders busy: the binary is not keeping up
					work <- id + 1
				}
			}
		case <-sample.C:
			rss = append(rss, rssKiB(t, pid))
		}
	}
	close(work)
	wg.Wait()
	took := time.Since(start)
	h.stop()

	if len(waits) == 0 || len(rss) < 4 {
		t.Fatalf("%d events sent, %d memory samples: the run was too short", len(waits), len(rss))
	}
	slices.Sort(waits)
	p := func(q float64) time.Duration { return waits[int(q*float64(len(waits)-1))] }
	quarter := len(rss) / 4
	second, last := mean(rss[quarter:2*quarter]), mean(rss[3*quarter:])
	t.Logf("%d events in %s (%.0f/s): p50 %s, p99 %s, max %s; RSS MB second quarter %.1f, last quarter %.1f, peak %.1f; %d failed, %d queued behind busy senders",
		len(waits), took.Round(time.Millisecond), float64(len(waits))/took.Seconds(), p(0.5), p(0.99), waits[len(waits)-1],
		second/1024, last/1024, float64(slices.Max(rss))/1024, failed.Load(), late)
	if n := failed.Load(); n > 0 {
		t.Errorf("%d events were not acknowledged", n)
	}
	if p99 := p(0.99); p99 > time.Second {
		t.Errorf("p99 acknowledgement took %s, over a second (360dialog retries slow answers)", p99)
	}
	if last > 1.5*second+20*1024 {
		t.Errorf("memory kept growing: %.1f MB in the second quarter, %.1f MB in the last", second/1024, last/1024)
	}
}
