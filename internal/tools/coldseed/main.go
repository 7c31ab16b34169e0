// Command coldseed fills a Parley data folder with a channel and many
// inbound messages, spread over many customers, through the store's own
// group-commit ingest (persistence IngestBatches), as webhooks would. The
// cold-start benchmark (scripts/coldstart.sh) starts Parley on it.
//
//	go run ./internal/tools/coldseed -data DIR [-messages 200000]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// Shape of the seeded data.
const (
	customers = 2_000 // conversations
	// WebhookToken and WebhookSecret let a load generator post webhooks
	// to the seeded channel (scripts/windowbench.sh): fixed, because the
	// folder is bench data served on loopback only.
	webhookToken  = "coldseed"
	webhookSecret = "coldseed-secret"
	payloadSize   = 1_000 // messages per webhook payload
	groupSize     = 20    // payloads per transaction
)

func main() {
	dir := flag.String("data", "", "data folder to fill (must not hold a database yet)")
	n := flag.Int("messages", 200_000, "number of inbound messages")
	flag.Parse()
	if *dir == "" || *n <= 0 {
		flag.Usage()
		os.Exit(2)
	}
	start := time.Now()
	if err := seed(context.Background(), *dir, *n); err != nil {
		fmt.Fprintln(os.Stderr, "coldseed:", err)
		os.Exit(1)
	}
	fmt.Printf("coldseed: %d messages from %d customers in %s (%s)\n", *n, min(*n, customers), *dir, time.Since(start).Round(time.Millisecond))
}

// seed stores n messages in a new database in dir.
func seed(ctx context.Context, dir string, n int) error {
	if _, err := os.Stat(dir + "/parley.db"); err == nil {
		return errors.New(dir + " already holds a database")
	}
	s, err := persistence.Open(ctx, dir)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer s.Close()
	ch, err := s.CreateChannel(ctx, app.Channel{Name: "Corner Shop", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog,
		WebhookToken: webhookToken, WebhookSecret: webhookSecret})
	if err != nil {
		return fmt.Errorf("create channel: %w", err)
	}
	t0 := time.Now().Add(-time.Duration(n) * time.Second)
	var items []persistence.IngestItem
	for first := 0; first < n; first += payloadSize {
		items = append(items, persistence.IngestItem{ChannelID: ch.ID, Batch: payload(first, min(first+payloadSize, n), t0)})
		if len(items) == groupSize || first+payloadSize >= n {
			if err := ingest(ctx, s, items); err != nil {
				return err
			}
			items = items[:0]
		}
	}
	return nil
}

// payload is one webhook payload with messages first..last-1, a second
// apart, every 7th a photo with a caption.
func payload(first, last int, t0 time.Time) app.InboundBatch {
	var b app.InboundBatch
	for i := first; i < last; i++ {
		from := "4917" + strconv.Itoa(10_000_000+i%customers)
		m := app.Message{
			WAMessageID: "wamid.cold" + strconv.Itoa(i), From: from, Type: app.MsgText, RawType: "text",
			Text:      "Hello, is the shop open tomorrow? I would like to pick up order #" + strconv.Itoa(i),
			Timestamp: t0.Add(time.Duration(i) * time.Second),
		}
		if i%7 == 0 {
			m.Type, m.RawType = app.MsgImage, "image"
			m.Media = &app.Media{ID: "media" + strconv.Itoa(i), MIMEType: "image/jpeg", SHA256: "abc", Caption: m.Text}
		}
		if i < customers {
			b.Contacts = append(b.Contacts, app.Contact{WAID: from, Name: "Customer " + strconv.Itoa(i)})
		}
		b.Messages = append(b.Messages, m)
	}
	return b
}

// ingest stores one group of payloads in one transaction.
func ingest(ctx context.Context, s *persistence.Store, items []persistence.IngestItem) error {
	_, errs := s.IngestBatches(ctx, items)
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("ingest: %w", err)
		}
	}
	return nil
}
