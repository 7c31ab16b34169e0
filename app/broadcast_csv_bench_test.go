package app_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/internal/testworld"
)

// benchCustomers gives the channel n conversations with customers
// 49151<8 digits> (0 ... n-1), each with one message at the world's
// start, and opts out every optOutEvery-th; it returns the channel.
func benchCustomers(b *testing.B, w *world, n, optOutEvery int) app.Channel {
	b.Helper()
	ch := w.tw.AddChannel(b)
	for start := 0; start < n; start += 500 {
		var batch app.InboundBatch
		for i := start; i < min(start+500, n); i++ {
			waID := fmt.Sprintf("49151%08d", i)
			batch.Contacts = append(batch.Contacts, app.Contact{WAID: waID, Name: "Customer " + waID})
			batch.Messages = append(batch.Messages, app.Message{WAMessageID: "wamid." + waID, From: waID, Type: app.MsgText,
				RawType: "text", Text: "Hello", Timestamp: testworld.Start.Add(time.Duration(i) * time.Second)})
		}
		ms, err := w.store.IngestBatch(w.ctx, ch.ID, batch)
		if err != nil {
			b.Fatal(err)
		}
		for j, m := range ms {
			if (start+j)%optOutEvery == 0 {
				if err := w.store.SetOptOut(w.ctx, m.ConversationID, testworld.Start); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	return ch
}

// benchCSV is a semicolon file of rows customers as Excel in Germany
// saves it: numbers in three notations, one row in 40 a duplicate of an
// earlier customer, one in 50 an invalid number.
func benchCSV(rows int) []byte {
	var b bytes.Buffer
	b.WriteString("Name;Telefon;Stadt;Gutschein\r\n")
	for i := range rows {
		var phone string
		switch {
		case i%50 == 49:
			phone = "0151 12"
		case i%40 == 39:
			phone = fmt.Sprintf("+49 151 %08d", i-20)
		case i%3 == 0:
			phone = fmt.Sprintf("+49 151 %08d", i)
		case i%3 == 1:
			phone = fmt.Sprintf("0151 %08d", i)
		default:
			phone = fmt.Sprintf("49151%08d", i)
		}
		fmt.Fprintf(&b, "Kundin %d;%s;Berlin;SOMMER%d\r\n", i, phone, i%100)
	}
	return b.Bytes()
}

// BenchmarkAudienceFromCSV reads, checks and deduplicates a 10,000-row
// CSV file for a channel with 2,000 conversations (one in 20 opted out),
// as creating a broadcast from a file does before storing it (the
// issue's limit for the whole create is 1 s). Beside it, in the same
// run, encoding/csv reads the same bytes into records: the raw cost of
// reading the file. It reports ms/audience, raw-ms/read and x-raw, and
// the CPU time of each (the numbers are checked on every processor; on a
// machine whose cores are busy the CPU time explains the wall time).
func BenchmarkAudienceFromCSV(b *testing.B) {
	const rows = 10_000
	w := buildWorld(b, false, nil)
	ch := benchCustomers(b, w, 2000, 20)
	file := benchCSV(rows)
	var a app.Audience
	cpu := testkit.ProcessCPU()
	for b.Loop() {
		var err error
		a, err = w.core.AudienceFromCSV(w.ctx, ch.ID, bytes.NewReader(file))
		if err != nil {
			b.Fatal(err)
		}
	}
	took, cpu := b.Elapsed()/time.Duration(b.N), (testkit.ProcessCPU()-cpu)/time.Duration(b.N)
	if a.Rows != rows || len(a.Invalid) != rows/50 || a.OptedOut == 0 || a.Duplicates == 0 ||
		len(a.Recipients)+len(a.Invalid)+a.Duplicates+a.OptedOut != rows {
		b.Fatalf("audience: %d rows, %d recipients, %d invalid, %d duplicates, %d opted out",
			a.Rows, len(a.Recipients), len(a.Invalid), a.Duplicates, a.OptedOut)
	}
	start, rawCPU := time.Now(), testkit.ProcessCPU()
	for range b.N {
		r := csv.NewReader(bytes.NewReader(file))
		r.Comma, r.FieldsPerRecord = ';', -1
		recs, err := r.ReadAll()
		if err != nil || len(recs) != rows+1 {
			b.Fatalf("encoding/csv: %d records, %v", len(recs), err)
		}
	}
	raw, rawCPU := time.Since(start)/time.Duration(b.N), (testkit.ProcessCPU()-rawCPU)/time.Duration(b.N)
	b.ReportMetric(float64(took.Nanoseconds())/1e6, "ms/audience")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/read")
	b.ReportMetric(float64(took)/float64(raw), "x-raw")
	b.ReportMetric(float64(cpu.Nanoseconds())/1e6, "cpu-ms/audience")
	b.ReportMetric(float64(rawCPU.Nanoseconds())/1e6, "raw-cpu-ms/read")
}

// BenchmarkAudienceRecent builds the audience of every customer who
// wrote in the last 30 days on a channel of 20,000 conversations (one in
// 20 opted out), beside the conversation list it filters (the Space's
// read, Conversations) in the same run. It reports ms/audience,
// raw-ms/list and x-raw.
func BenchmarkAudienceRecent(b *testing.B) {
	const convs = 20_000
	w := buildWorld(b, false, nil)
	ch := benchCustomers(b, w, convs, 20)
	for b.Loop() {
		a, err := w.core.AudienceRecent(w.ctx, ch.ID, 30)
		if err != nil || len(a.Recipients)+a.OptedOut != convs {
			b.Fatalf("audience of %d + %d opted out, %v", len(a.Recipients), a.OptedOut, err)
		}
	}
	took := b.Elapsed() / time.Duration(b.N)
	start := time.Now()
	for range b.N {
		if cvs, err := w.store.Conversations(w.ctx, ch.ID); err != nil || len(cvs) != convs {
			b.Fatalf("list of %d, %v", len(cvs), err)
		}
	}
	raw := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(took.Nanoseconds())/1e6, "ms/audience")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/list")
	b.ReportMetric(float64(took)/float64(raw), "x-raw")
}
