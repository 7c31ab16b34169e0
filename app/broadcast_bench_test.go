package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// BenchmarkCreateBroadcast creates a broadcast to 10,000 customers who
// never wrote, from a checked audience (as a CSV import gives it): the
// plan's checks of every recipient's values, each recipient's message
// and the one transaction that stores them all. It reports ms/create and
// x-target, the time against the 1 s the issue allows (below 1 passes);
// BenchmarkCreateBroadcast in persistence compares the store's part with
// a raw write.
func BenchmarkCreateBroadcast(b *testing.B) {
	const recipients = 10_000
	w := buildBroadcastWorld(b, nil)
	if err := w.emu.QualityChanges(testKey, "GREEN", "TIER_UNLIMITED"); err != nil {
		b.Fatal(err)
	}
	w.statuses(b)
	round := 0
	for b.Loop() {
		b.StopTimer()
		a := audience(recipients)
		for i := range a.Recipients {
			a.Recipients[i].WAID = fmt.Sprintf("%d%s", round, a.Recipients[i].WAID)
		}
		round++
		b.StartTimer()
		if _, err := w.core.CreateBroadcast(w.ctx, w.draft(a)); err != nil {
			b.Fatal(err)
		}
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(per.Nanoseconds())/1e6, "ms/create")
	b.ReportMetric(per.Seconds()/1, "x-target")
}

// BenchmarkBroadcastDrain sends a broadcast into the emulator answering
// after 20 ms, through the running outbox and broadcast runner.
//
// limit=80: 2,000 recipients at WhatsApp's default 80 messages/s per
// number, with a messaging limit of 10,000 a day. It reports msgs/s and
// x-limit (the rate reached against the limit; the issue asks ≥ 0.95),
// and fails if any one second saw more sends than the limit or anyone got
// it twice. Its baseline, in the same run, is 2,000 plain replies
// drained by the outbox alone (raw-msgs/s); x-raw is the broadcast's rate
// against it.
//
// tier=1000: 1,500 recipients with a messaging limit of 1,000 customers a
// day, at 1,000 messages/s. It reports sent-day1 (must be exactly 1,000:
// x-tier = 1), waiting-day1 (500) and, once the clock moved a day on,
// sent-day2; it fails otherwise.
func BenchmarkBroadcastDrain(b *testing.B) {
	b.Run("limit=80", func(b *testing.B) {
		const recipients, limit = 2_000, 80
		var rate, raw float64
		for b.Loop() {
			b.StopTimer()
			sends := &sendClock{}
			w := buildBroadcastWorld(b, sends.wrap)
			if err := w.emu.QualityChanges(testKey, "GREEN", "TIER_10K"); err != nil {
				b.Fatal(err)
			}
			w.statuses(b)
			w.emu.SetLatency(20 * time.Millisecond)
			bc, err := w.core.CreateBroadcast(w.ctx, w.draft(audience(recipients)))
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			start := time.Now()
			stop := w.run(b, limit)
			w.waitFor(b, "every send", func() bool { return sends.count() >= recipients })
			took := time.Since(start)
			b.StopTimer()
			stop()
			if most, over := sends.overLimit(limit); over {
				b.Fatalf("%d sends within one second, over the limit of %d", most, limit)
			}
			checkOnce(b, w, recipients)
			if got := w.totals(b, bc.ID).Totals; got.Waiting+got.Sending != 0 {
				b.Fatalf("left: %+v", got)
			}
			rate = recipients / took.Seconds()

			// The baseline in the same run: as many plain replies drained
			// by the outbox alone, at the same limit and latency.
			l := newOutboxLoad(b, 200, 20*time.Millisecond)
			l.queue(b, recipients)
			raw = recipients / l.runUntilSent(b, app.OutboxOptions{Rate: limit, Workers: 8}, recipients, 10*time.Minute).Seconds()
			b.StartTimer()
		}
		b.ReportMetric(rate, "msgs/s")
		b.ReportMetric(rate/limit, "x-limit")
		b.ReportMetric(raw, "raw-msgs/s")
		b.ReportMetric(rate/raw, "x-raw")
	})
	b.Run("tier=1000", func(b *testing.B) {
		const recipients, tier = 1_500, 1_000
		var day1, waiting, day2 int
		for b.Loop() {
			w := buildBroadcastWorld(b, nil)
			if err := w.emu.QualityChanges(testKey, "GREEN", "TIER_1K"); err != nil {
				b.Fatal(err)
			}
			w.statuses(b)
			d := w.draft(audience(recipients))
			d.SpreadOverDays = true
			bc, err := w.core.CreateBroadcast(w.ctx, d)
			if err != nil {
				b.Fatal(err)
			}
			stop := w.run(b, 1000)
			w.waitFor(b, "the first day's sends", func() bool {
				t := w.totals(b, bc.ID).Totals
				return t.Sending == 0 && t.Waiting < recipients && len(w.emu.Sent(testKey)) >= tier
			})
			day1, waiting = len(w.emu.Sent(testKey)), w.totals(b, bc.ID).Totals.Waiting
			if day1 != tier || waiting != recipients-tier {
				b.Fatalf("first day: %d sent, %d waiting; want %d and %d", day1, waiting, tier, recipients-tier)
			}
			w.clock.Advance(24*time.Hour + time.Second)
			w.waitFor(b, "the broadcast to be done", func() bool { return w.totals(b, bc.ID).State == app.BroadcastDone })
			stop()
			day2 = len(w.emu.Sent(testKey)) - day1
			checkOnce(b, w, recipients)
		}
		b.ReportMetric(float64(day1), "sent-day1")
		b.ReportMetric(float64(day1)/tier, "x-tier")
		b.ReportMetric(float64(waiting), "waiting-day1")
		b.ReportMetric(float64(day2), "sent-day2")
	})
}

// checkOnce fails unless each of the first n audience members got the
// broadcast exactly once.
func checkOnce(tb testing.TB, w *bcWorld, n int) {
	tb.Helper()
	sent := w.sentTo()
	for i := range n {
		if sent[bcNumber(i)] != 1 {
			tb.Fatalf("%s got it %d times", bcNumber(i), sent[bcNumber(i)])
		}
	}
}

// BenchmarkBroadcastFromCSV is the whole of what the owner waits for
// when starting a broadcast from a file of 10,000 customers who never
// wrote: reading, checking and deduplicating the file
// (AudienceFromCSV), then checking the draft and storing the broadcast
// with its 10,000 messages (CreateBroadcast). The issue allows 1 s:
// x-target is the time against it (below 1 passes). Beside it, in the
// same run, encoding/csv reads the same bytes (raw-ms/read): the least
// any import costs.
func BenchmarkBroadcastFromCSV(b *testing.B) {
	const rows = 10_000
	w := buildBroadcastWorld(b, nil)
	if err := w.emu.QualityChanges(testKey, "GREEN", "TIER_UNLIMITED"); err != nil {
		b.Fatal(err)
	}
	w.statuses(b)
	// Each round's customers are new (a mobile prefix of their own), as
	// a new file of customers who never wrote would be.
	prefixes := []string{"151", "152", "155", "157", "159", "160", "162", "163", "170", "171", "172", "173", "174", "175", "176", "177", "178", "179"}
	file := func(round int) []byte {
		var buf bytes.Buffer
		buf.WriteString("Name;Telefon\r\n")
		for i := range rows {
			fmt.Fprintf(&buf, "Kundin %d;0%s %08d\r\n", i, prefixes[round%len(prefixes)], i)
		}
		return buf.Bytes()
	}
	round, last := 0, file(0)
	for b.Loop() {
		b.StopTimer()
		last = file(round)
		round++
		b.StartTimer()
		a, err := w.core.AudienceFromCSV(w.ctx, w.ch.ID, bytes.NewReader(last))
		if err != nil {
			b.Fatal(err)
		}
		d := w.draft(a)
		d.Body = []app.ValueMapping{{Source: app.ValueColumn, Column: "Name"}}
		bc, err := w.core.CreateBroadcast(w.ctx, d)
		if err != nil {
			b.Fatal(err)
		}
		if round == 1 && (len(a.Recipients) != rows || bc.Totals.Recipients != rows) {
			b.Fatalf("%d recipients read, %d stored, want %d", len(a.Recipients), bc.Totals.Recipients, rows)
		}
	}
	per := b.Elapsed() / time.Duration(b.N)
	start := time.Now()
	for range b.N {
		r := csv.NewReader(bytes.NewReader(last))
		r.Comma = ';'
		if recs, err := r.ReadAll(); err != nil || len(recs) != rows+1 {
			b.Fatalf("encoding/csv: %d records, %v", len(recs), err)
		}
	}
	raw := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(per.Nanoseconds())/1e6, "ms/broadcast")
	b.ReportMetric(per.Seconds()/1, "x-target")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/read")
}
