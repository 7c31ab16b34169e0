package persistence

import (
	"context"
	"fmt"
	"strconv"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testkit"
)

// BenchmarkIngestGroups stores groups of one-message payloads (each with
// its contact's profile, from 1,000 customers who all wrote before) the
// way the receiver's writer does, 1, 4, 8 and 16 payloads per group
// commit (the receiver commits about 8 under load). It reports the
// store's time per event without HTTP, and its CPU time per event, which
// includes the background checkpoints. Each group's messages are a second
// newer than the last group's, so conversations and contacts really move
// forward.
func BenchmarkIngestGroups(b *testing.B) {
	for _, n := range []int{1, 4, 8, 16} {
		b.Run(fmt.Sprintf("payloads=%d", n), func(b *testing.B) { benchIngestGroups(b, n) })
	}
}

// benchIngestGroups runs BenchmarkIngestGroups with groups of payloads.
func benchIngestGroups(b *testing.B, payloads int) {
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
		items := make([]IngestItem, payloads)
		for i := range items {
			seq++
			from := "4917" + strconv.Itoa(10_000_000+seq%1000)
			items[i] = IngestItem{ChannelID: c.ID, Batch: app.InboundBatch{
				Contacts: []app.Contact{{WAID: from, Name: "Customer"}},
				Messages: []app.Message{{WAMessageID: "wamid.bench" + strconv.Itoa(seq), From: from, Type: app.MsgText,
					RawType: "text", Text: "Hello, is the shop open tomorrow?", Timestamp: at.Add(time.Duration(seq/payloads) * time.Second)}},
			}}
		}
		return items
	}
	// Warm up: every customer exists, as in a running shop.
	for range 2000 / payloads {
		if _, errs := s.IngestBatches(ctx, group()); errs[0] != nil {
			b.Fatal(errs[0])
		}
	}
	events := 0
	cpu := testkit.ProcessCPU()
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
	cpu = testkit.ProcessCPU() - cpu
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(events), "µs/event")
	if cpu > 0 { // where the process's CPU time can be read
		b.ReportMetric(float64(cpu.Microseconds())/float64(events), "cpu-µs/event")
	}
}
