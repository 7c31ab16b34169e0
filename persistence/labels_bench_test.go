package persistence

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// BenchmarkConversationsWithLabels lists a channel of 2,000
// conversations, a third of them with two labels, 20 pinned and 100
// archived, as the Space does on each reload, and compares it with the
// list as it was read before labels (the same conversations and
// contacts, no labels, pins or archive) on the same read pool. It
// reports ms/list, raw-ms/list and x-raw, how many times that time the
// list takes now.
func BenchmarkConversationsWithLabels(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ch, err := s.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123"})
	if err != nil {
		b.Fatal(err)
	}
	labels, err := s.Labels(ctx)
	if err != nil {
		b.Fatal(err)
	}
	const convs = 2000
	for start := 0; start < convs; start += 500 {
		var batch app.InboundBatch
		for i := start; i < start+500; i++ {
			waID := fmt.Sprintf("49151%08d", i)
			batch.Contacts = append(batch.Contacts, app.Contact{WAID: waID, Name: "Customer " + waID})
			batch.Messages = append(batch.Messages, inbound(waID, "wamid."+waID, "Hello", baseTime.Add(time.Duration(i)*time.Second)))
		}
		ms, err := s.IngestBatch(ctx, ch.ID, batch)
		if err != nil {
			b.Fatal(err)
		}
		for j, m := range ms {
			i := start + j
			switch {
			case i%3 == 0:
				for _, l := range labels[:2] {
					if err := s.SetConversationLabel(ctx, m.ConversationID, l.ID, true); err != nil {
						b.Fatal(err)
					}
				}
			case i%100 == 1:
				if err := s.PinConversation(ctx, m.ConversationID, baseTime); err != nil {
					b.Fatal(err)
				}
			case i%20 == 2:
				if err := s.ArchiveConversation(ctx, m.ConversationID, baseTime); err != nil {
					b.Fatal(err)
				}
			}
		}
	}

	// The labelling above wrote ~1,500 small transactions: fold them
	// into the database, as SQLite's automatic checkpoint does over time,
	// so that the reads below do not all search the write-ahead log.
	if _, err := s.rw.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cs, err := s.Conversations(ctx, ch.ID)
		if err != nil || len(cs) != convs {
			b.Fatalf("Conversations = %d, %v", len(cs), err)
		}
	}
	list := b.Elapsed() / time.Duration(b.N)
	start := time.Now()
	for range b.N {
		benchListBeforeLabels(b, s, ch.ID, convs)
	}
	raw := time.Since(start) / time.Duration(b.N)
	b.ReportMetric(float64(list.Nanoseconds())/1e6, "ms/list")
	b.ReportMetric(float64(raw.Nanoseconds())/1e6, "raw-ms/list")
	b.ReportMetric(float64(list)/float64(raw), "x-raw")
}

// benchListBeforeLabels reads the list as Conversations did before
// labels, its rows left undecoded.
func benchListBeforeLabels(b *testing.B, s *Store, id app.ChannelID, want int) {
	rows, err := s.ro.Query(`SELECT v.id, v.channel_id, v.wa_id, COALESCE(k.name, ''), COALESCE(k.phone_name, ''),
		v.last_message_at, v.last_preview, v.unread, v.last_inbound_at FROM `+conversationFrom+`
		WHERE v.channel_id = ? ORDER BY v.last_message_at DESC, v.id DESC`, id)
	if err != nil {
		b.Fatal(err)
	}
	defer rows.Close()
	if n := rawRowCount(b, rows); n != want {
		b.Fatalf("raw list = %d rows, want %d", n, want)
	}
}
