package receiver_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/persistence"
)

// benchSenders is the number of concurrent webhook senders.
const benchSenders = 50

// BenchmarkIngestLoopback posts one-message webhooks from 50 concurrent
// senders over loopback HTTP, each answered only after its commit, and
// compares the rate with a bare handler that reads the body and answers
// 200 without storing, measured in the same run with the same client.
// One op is one event (one request). Besides events/s and x-bare it
// reports bare-events/s, payloads/commit (payloads per group commit),
// max-ms (the slowest answer of the stored run) and, where the process's
// CPU time can be read, the CPU time per event of both runs (client and
// server together): on a machine whose cores are all busy, x-bare is
// about their ratio.
//
// It runs twice: with the store as Parley opens it (sync=full: every
// commit flushed to the disk, so an acknowledged event survives a power
// cut) and with synchronous=NORMAL (sync=normal), which Parley used
// before and which may lose the last commits in a power cut, to show what
// that durability costs.
func BenchmarkIngestLoopback(b *testing.B) {
	b.Run("sync=full", func(b *testing.B) { benchIngestLoopback(b) })
	b.Run("sync=normal", func(b *testing.B) { benchIngestLoopback(b, persistence.WithRelaxedSync()) })
}

// benchIngestLoopback is BenchmarkIngestLoopback on a store opened with
// opts.
func benchIngestLoopback(b *testing.B, opts ...persistence.Option) {
	ctx := context.Background()
	st, err := persistence.Open(ctx, b.TempDir(), opts...)
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ch, err := st.CreateChannel(ctx, app.Channel{Name: "Bench", WebhookSecret: testSecret})
	if err != nil {
		b.Fatal(err)
	}
	counted := &countingIngester{next: app.New(app.Deps{Store: st})}
	rcv := receiver.New(receiver.Config{Channels: st, Ingester: counted, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(ctx); err != nil {
		b.Fatal(err)
	}
	defer rcv.Shutdown(ctx)
	bareURL, stopBare := startBare(b)
	defer stopBare()

	tr := &http.Transport{MaxIdleConns: 2 * benchSenders, MaxIdleConnsPerHost: 2 * benchSenders, DisableCompression: true}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr, Timeout: 30 * time.Second}
	var seq atomic.Int64
	url := rcv.URLFor(ch)
	// Open every connection and warm caches before measuring.
	_, _ = postAll(b, hc, url, 4*benchSenders, &seq)
	_, _ = postAll(b, hc, bareURL, 4*benchSenders, &seq)

	// Bare and stored runs alternate in rounds, so that a change in the
	// load of the (shared) machine hits both alike.
	b.ResetTimer()
	b.StopTimer()
	calls, items := counted.calls.Load(), counted.items.Load()
	var bare, stored, slowest, bareCPU, storedCPU time.Duration
	for from, to := range benchRounds(b.N) {
		n := to - from
		c0 := testkit.ProcessCPU()
		d, _ := postAll(b, hc, bareURL, n, &seq)
		bare += d
		bareCPU += testkit.ProcessCPU() - c0
		b.StartTimer()
		c0 = testkit.ProcessCPU()
		d, worst := postAll(b, hc, url, n, &seq)
		storedCPU += testkit.ProcessCPU() - c0
		b.StopTimer()
		stored += d
		slowest = max(slowest, worst)
	}
	calls, items = counted.calls.Load()-calls, counted.items.Load()-items

	rate := float64(b.N) / stored.Seconds()
	bareRate := float64(b.N) / bare.Seconds()
	b.ReportMetric(rate, "events/s")
	b.ReportMetric(rate/bareRate, "x-bare")
	b.ReportMetric(bareRate, "bare-events/s")
	b.ReportMetric(float64(items)/float64(calls), "payloads/commit")
	b.ReportMetric(float64(slowest.Microseconds())/1000, "max-ms")
	if storedCPU > 0 { // where the process's CPU time can be read
		b.ReportMetric(float64(bareCPU.Microseconds())/float64(b.N), "bare-cpu-µs/event")
		b.ReportMetric(float64(storedCPU.Microseconds())/float64(b.N), "cpu-µs/event")
	}
}

// benchRounds splits n requests into up to 10 rounds: it yields each
// round's first and (exclusive) last request number.
func benchRounds(n int) iter.Seq2[int, int] {
	rounds := min(10, n)
	return func(yield func(int, int) bool) {
		for r := range rounds {
			if !yield(n*r/rounds, n*(r+1)/rounds) {
				return
			}
		}
	}
}

// countingIngester counts group commits and the payloads they carried.
type countingIngester struct {
	next         app.GroupIngester
	calls, items atomic.Int64
}

func (c *countingIngester) IngestBatches(ctx context.Context, items []app.IngestItem) ([][]app.Message, []error) {
	c.calls.Add(1)
	c.items.Add(int64(len(items)))
	return c.next.IngestBatches(ctx, items)
}

// startBare serves a handler that reads the body and answers 200, on a
// server configured as the receiver's (timeouts and limits), so that the
// two runs differ only in their handlers.
func startBare(b *testing.B) (string, func()) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	srv := receiver.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.WriteHeader(http.StatusOK)
	}), slog.New(slog.DiscardHandler))
	go func() { _ = srv.Serve(ln) }()
	return "http://" + ln.Addr().String() + "/webhook/bare", func() { _ = srv.Close() }
}

// postAll sends n one-message webhooks to url from benchSenders
// goroutines and returns how long it took until the last was answered,
// and the longest wait for one answer.
func postAll(b *testing.B, hc *http.Client, url string, n int, seq *atomic.Int64) (total, slowest time.Duration) {
	var left atomic.Int64
	left.Store(int64(n))
	var failed atomic.Value
	var mu sync.Mutex // guards slowest
	var wg sync.WaitGroup
	start := time.Now()
	for range benchSenders {
		wg.Go(func() {
			var body []byte
			var longest time.Duration
			defer func() {
				mu.Lock()
				slowest = max(slowest, longest)
				mu.Unlock()
			}()
			rd := bytes.NewReader(nil)
			for left.Add(-1) >= 0 {
				sent := time.Now()
				id := seq.Add(1)
				body = benchPayload(body[:0], id)
				rd.Reset(body)
				req, err := http.NewRequest(http.MethodPost, url, rd)
				if err != nil {
					failed.Store(err)
					return
				}
				req.ContentLength = int64(len(body))
				req.Header.Set("Content-Type", "application/json")
				req.Header.Set(receiver.DefaultSecretHeader, testSecret)
				resp, err := hc.Do(req)
				if err != nil {
					failed.Store(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Store(errors.New("answered " + resp.Status))
					return
				}
				longest = max(longest, time.Since(sent))
			}
		})
	}
	wg.Wait()
	total = time.Since(start)
	if err, ok := failed.Load().(error); ok {
		b.Fatalf("post: %v", err)
	}
	return total, slowest
}

// benchPayload appends a Cloud API webhook with one text message, unique
// by id, from one of 1,000 customers.
func benchPayload(dst []byte, id int64) []byte {
	from := strconv.AppendInt([]byte("4917"), 10000000+id%1000, 10)
	dst = append(dst, `{"object":"whatsapp_business_account","entry":[{"id":"1","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"4930123456","phone_number_id":"111"},"contacts":[{"profile":{"name":"Customer"},"wa_id":"`...)
	dst = append(dst, from...)
	dst = append(dst, `"}],"messages":[{"from":"`...)
	dst = append(dst, from...)
	dst = append(dst, `","id":"wamid.bench`...)
	dst = strconv.AppendInt(dst, id, 10)
	dst = append(dst, `","timestamp":"1749000000","type":"text","text":{"body":"Hello, is the shop open tomorrow?"}}]}}]}]}`...)
	return dst
}
