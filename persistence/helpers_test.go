package persistence

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// baseTime is a fixed instant the tests build timestamps from, in the
// local zone like the times the store returns.
var baseTime = time.Date(2025, 3, 14, 9, 30, 0, 0, time.UTC).Local()

// openTestStore opens a store in a fresh temporary directory and closes
// it when the test ends. Its clock reads baseTime plus one hour.
func openTestStore(t testing.TB) *Store {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	s.now = func() time.Time { return baseTime.Add(time.Hour) }
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// addChannel creates a channel named name.
func addChannel(t testing.TB, s *Store, name string) app.Channel {
	t.Helper()
	c, err := s.CreateChannel(context.Background(), app.Channel{Name: name, PhoneNumber: "+4930123456"})
	if err != nil {
		t.Fatalf("CreateChannel: %v", err)
	}
	return c
}

// inbound returns an inbound text message from waID.
func inbound(waID, wamid, text string, at time.Time) app.Message {
	return app.Message{WAMessageID: wamid, From: waID, Type: app.MsgText, RawType: "text", Text: text, Timestamp: at}
}

// textBatch returns a batch of n text messages from waID named name,
// with ids prefix-0 ... prefix-(n-1), one minute apart.
func textBatch(waID, name, prefix string, n int) app.InboundBatch {
	b := app.InboundBatch{Contacts: []app.Contact{{WAID: waID, Name: name}}}
	for i := range n {
		b.Messages = append(b.Messages, inbound(waID, fmt.Sprintf("%s-%d", prefix, i), fmt.Sprintf("message %d", i),
			baseTime.Add(time.Duration(i)*time.Minute)))
	}
	return b
}

// countRows returns the number of rows of table.
func countRows(t testing.TB, s *Store, table string) int {
	t.Helper()
	var n int
	if err := s.ro.QueryRow("SELECT COUNT(*) FROM " + table).Scan(&n); err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// mustIngest ingests b and fails the test on error.
func mustIngest(t testing.TB, s *Store, id app.ChannelID, b app.InboundBatch) []app.Message {
	t.Helper()
	ms, err := s.IngestBatch(context.Background(), id, b)
	if err != nil {
		t.Fatalf("IngestBatch: %v", err)
	}
	return ms
}
