// Command loadgen posts webhooks to a running Parley at a steady rate, as
// 360dialog would, and reports how many were acknowledged and how fast.
// The window benchmark (scripts/windowbench.sh) uses it on a folder made
// by coldseed. It only talks to the address it is given: keep that on
// loopback.
//
//	go run ./internal/tools/loadgen -url http://127.0.0.1:18787/webhook/coldseed \
//	    -secret coldseed-secret [-rate 1000] [-duration 60s] [-customers 2000]
//
// Its last line reads
//
//	loadgen: sent=N acked=N failed=N seconds=S p50_ms=X p99_ms=Y max_ms=Z
package main

import (
	"bytes"
	"flag"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/parley-app/parley/app"
)

func main() {
	target := flag.String("url", "", "webhook URL of the channel (loopback only)")
	secret := flag.String("secret", "", "the channel's webhook secret")
	rate := flag.Int("rate", 1000, "webhooks per second")
	duration := flag.Duration("duration", 60*time.Second, "how long to send")
	customers := flag.Int("customers", 2000, "distinct customers writing (coldseed's numbering)")
	senders := flag.Int("senders", 48, "concurrent connections")
	flag.Parse()
	if err := checkLoopback(*target); err != nil || *rate <= 0 || *customers <= 0 {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		flag.Usage()
		os.Exit(2)
	}
	r := run(*target, *secret, *rate, *duration, *customers, *senders)
	fmt.Println(r)
	if r.failed > 0 {
		os.Exit(1)
	}
}

// checkLoopback refuses any target but a loopback address.
func checkLoopback(target string) error {
	u, err := url.Parse(target)
	if err != nil || u.Hostname() == "" {
		return fmt.Errorf("-url %q is not a URL", target)
	}
	if h := u.Hostname(); h != "127.0.0.1" && h != "::1" && h != "localhost" {
		return fmt.Errorf("-url must point at loopback, not %s", h)
	}
	return nil
}

// result sums up one run.
type result struct {
	sent, acked, failed int
	took                time.Duration
	waits               []time.Duration // sorted
}

func (r result) String() string {
	p := func(q float64) float64 {
		if len(r.waits) == 0 {
			return 0
		}
		return float64(r.waits[int(q*float64(len(r.waits)-1))].Microseconds()) / 1000
	}
	return fmt.Sprintf("loadgen: sent=%d acked=%d failed=%d seconds=%.1f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f",
		r.sent, r.acked, r.failed, r.took.Seconds(), p(0.5), p(0.99), p(1))
}

// run sends rate webhooks a second for duration from senders connections.
func run(target, secret string, rate int, duration time.Duration, customers, senders int) result {
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: senders}}
	work := make(chan int, rate)
	var acked, failed atomic.Int64
	var mu sync.Mutex
	var waits []time.Duration
	var wg sync.WaitGroup
	stamp := strconv.FormatInt(time.Now().UnixNano(), 36) // unique message ids per run
	for range senders {
		wg.Go(func() {
			var mine []time.Duration
			for id := range work {
				sent := time.Now()
				if post(client, target, secret, payload(stamp, id, customers)) {
					acked.Add(1)
				} else {
					failed.Add(1)
				}
				mine = append(mine, time.Since(sent))
			}
			mu.Lock()
			waits = append(waits, mine...)
			mu.Unlock()
		})
	}
	start := time.Now()
	tick := time.NewTicker(10 * time.Millisecond)
	id := 0
	for time.Since(start) < duration {
		<-tick.C
		for due := int(time.Since(start).Seconds() * float64(rate)); id < due; id++ {
			work <- id
		}
	}
	tick.Stop()
	close(work)
	wg.Wait()
	slices.Sort(waits)
	return result{sent: id, acked: int(acked.Load()), failed: int(failed.Load()), took: time.Since(start), waits: waits}
}

// post delivers one webhook and reports whether it was acknowledged.
func post(client *http.Client, target, secret string, body []byte) bool {
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return false
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(app.WebhookSecretHeader, secret)
	resp, err := client.Do(req)
	if err != nil {
		return false
	}
	_ = resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// payload is one inbound text message from one of coldseed's customers.
func payload(stamp string, id, customers int) []byte {
	from := "4917" + strconv.Itoa(10_000_000+id%customers)
	return fmt.Appendf(nil, `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930123456","phone_number_id":"111"},"contacts":[{"profile":{"name":"Customer %d"},"wa_id":"%s"}],"messages":[{"from":"%s","id":"wamid.load%s.%d","timestamp":"%d","type":"text","text":{"body":"Is order %d ready?"}}]}}]}]}`,
		id%customers, from, from, stamp, id, time.Now().Unix(), id)
}
