package persistence

import (
	"context"
	"database/sql"
	"strconv"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// Sizes of the conversation-open benchmark (issue 9): a conversation of
// 10,000 messages in a database of 200,000.
const (
	benchTotalMessages = 200_000
	benchConvMessages  = 10_000
	benchOtherConvs    = 1_999
	benchSeedItem      = 1_000 // messages per payload while seeding
)

// benchCustomer is the customer whose conversation is opened.
const benchCustomer = "4915100000000"

// BenchmarkConversationOpen opens a conversation of 10,000 messages in a
// database of 200,000 (first page of 50, newest first, as the Space does)
// and compares it with bare queries of the same page on the same read
// pool. It reports ms/open; x-raw is how many times the time of a bare
// query of the page's ids one open takes (index only), x-rawrows the same
// against a bare query of the page's full rows left undecoded (what the
// store adds by turning rows into messages).
func BenchmarkConversationOpen(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	convID := benchSeedConversation(b, s)

	for b.Loop() {
		page, err := s.Messages(ctx, convID, 0, DefaultPageSize)
		if err != nil || len(page) != DefaultPageSize {
			b.Fatalf("first page = %d messages, %v", len(page), err)
		}
	}
	open := b.Elapsed() / time.Duration(b.N)

	start := time.Now()
	for range b.N {
		benchRawPage(b, s, convID)
	}
	raw := time.Since(start) / time.Duration(b.N)
	start = time.Now()
	for range b.N {
		benchRawRows(b, s, convID)
	}
	rawRows := time.Since(start) / time.Duration(b.N)

	b.ReportMetric(float64(open.Nanoseconds())/1e6, "ms/open")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/open")
	b.ReportMetric(float64(open)/float64(raw), "x-raw")
	b.ReportMetric(float64(open)/float64(rawRows), "x-rawrows")
}

// benchRawRows reads the first page's full rows without decoding them.
func benchRawRows(b *testing.B, s *Store, convID int64) {
	rows, err := s.ro.Query(`SELECT `+messageColumns+` FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?`,
		convID, DefaultPageSize)
	if err != nil {
		b.Fatal(err)
	}
	n := rawRowCount(b, rows)
	if err := rows.Close(); err != nil || n != DefaultPageSize {
		b.Fatalf("raw rows = %d, %v", n, err)
	}
}

// rawRowCount reads every row of rows without decoding it (the raw
// baseline of a list) and returns how many there were.
func rawRowCount(b *testing.B, rows *sql.Rows) int {
	names, err := rows.Columns()
	if err != nil {
		b.Fatal(err)
	}
	cols := make([]sql.RawBytes, len(names))
	dest := make([]any, len(cols))
	for i := range cols {
		dest[i] = &cols[i]
	}
	n := 0
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Err(); err != nil {
		b.Fatal(err)
	}
	return n
}

// benchRawPage reads the ids of the first page with the bare query.
func benchRawPage(b *testing.B, s *Store, convID int64) {
	rows, err := s.ro.Query(`SELECT id FROM messages WHERE conversation_id = ? ORDER BY id DESC LIMIT ?`, convID, DefaultPageSize)
	if err != nil {
		b.Fatal(err)
	}
	n := 0
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if err := rows.Close(); err != nil || n != DefaultPageSize {
		b.Fatalf("raw page = %d ids, %v", n, err)
	}
}

// benchSeedConversation fills s with benchTotalMessages inbound messages
// in one transaction through IngestBatches, every 20th from
// benchCustomer, the others from benchOtherConvs customers; every 7th
// is a photo with a caption. It returns benchCustomer's conversation.
func benchSeedConversation(b *testing.B, s *Store) int64 {
	b.Helper()
	ctx := context.Background()
	c, err := s.CreateChannel(ctx, app.Channel{Name: "Bench", PhoneNumber: "+4930123456"})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Unix(1_700_000_000, 0)
	items := make([]IngestItem, 0, benchTotalMessages/benchSeedItem)
	for first := 0; first < benchTotalMessages; first += benchSeedItem {
		var batch app.InboundBatch
		for i := first; i < first+benchSeedItem; i++ {
			from := benchCustomer
			if i%(benchTotalMessages/benchConvMessages) != 0 {
				from = "4917" + strconv.Itoa(10_000_000+i%benchOtherConvs)
			}
			m := app.Message{WAMessageID: "wamid.seed" + strconv.Itoa(i), From: from, Type: app.MsgText,
				RawType: "text", Text: "Hello, is the shop open tomorrow? #" + strconv.Itoa(i),
				Timestamp: start.Add(time.Duration(i) * time.Second)}
			if i%7 == 0 {
				m.Type, m.RawType = app.MsgImage, "image"
				m.Media = &app.Media{ID: "media" + strconv.Itoa(i), MIMEType: "image/jpeg", SHA256: "abc", Caption: m.Text}
			}
			batch.Messages = append(batch.Messages, m)
		}
		items = append(items, IngestItem{ChannelID: c.ID, Batch: batch})
	}
	_, errs := s.IngestBatches(ctx, items)
	for _, err := range errs {
		if err != nil {
			b.Fatal(err)
		}
	}
	var convID int64
	var total, inConv int
	if err := s.ro.QueryRow(`SELECT id FROM conversations WHERE channel_id = ? AND wa_id = ?`, c.ID, benchCustomer).Scan(&convID); err != nil {
		b.Fatal(err)
	}
	if err := s.ro.QueryRow(`SELECT COUNT(*), COUNT(*) FILTER (WHERE conversation_id = ?) FROM messages`, convID).Scan(&total, &inConv); err != nil {
		b.Fatal(err)
	}
	if total != benchTotalMessages || inConv != benchConvMessages {
		b.Fatalf("seeded %d messages, %d in the conversation; want %d and %d", total, inConv, benchTotalMessages, benchConvMessages)
	}
	return convID
}
