package persistence

import (
	"context"
	"fmt"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// BenchmarkIngestGroups stores groups of one-message payloads (each with
// its contact's profile, from 1,000 customers) the way the receiver's
// writer does, and reports the store's cost per event without HTTP.
func BenchmarkIngestGroups(b *testing.B) {
	for _, n := range []int{1, 4, 16} {
		b.Run(fmt.Sprintf("payloads=%d", n), func(b *testing.B) { benchIngestGroups(b, n) })
	}
}

func benchIngestGroups(b *testing.B, benchGroupSize int) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	c, err := s.CreateChannel(ctx, app.Channel{Name: "Bench", PhoneNumber: "+4930123456"})
	if err != nil {
		b.Fatal(err)
	}
	at := time.Unix(1_749_000_000, 0)
	seq := 0
	group := func() []IngestItem {
		items := make([]IngestItem, benchGroupSize)
		for i := range items {
			seq++
			from := "4917" + strconv.Itoa(10_000_000+seq%1000)
			items[i] = IngestItem{ChannelID: c.ID, Batch: app.InboundBatch{
				Contacts: []app.Contact{{WAID: from, Name: "Customer"}},
				Messages: []app.Message{{WAMessageID: "wamid.bench" + strconv.Itoa(seq), From: from, Type: app.MsgText,
					RawType: "text", Text: "Hello, is the shop open tomorrow?", Timestamp: at.Add(time.Duration(seq/benchGroupSize) * time.Second)}},
			}}
		}
		return items
	}
	// Warm up: every customer exists, as in a running shop.
	for range 2000 / benchGroupSize {
		if _, errs := s.IngestBatches(ctx, group()); errs[0] != nil {
			b.Fatal(errs[0])
		}
	}
	events := 0
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		items := group()
		_, errs := s.IngestBatches(ctx, items)
		for _, err := range errs {
			if err != nil {
				b.Fatal(err)
			}
		}
		events += len(items)
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(events), "µs/event")
	b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/float64(events), "cpu-µs/event")
}

// cpuTime returns the CPU time (user and system) the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
