package persistence

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func TestRichMessageRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	msgs := []app.Message{
		{WAMessageID: "wamid.img", From: "491", Type: app.MsgImage, RawType: "image", Text: "new arrivals", Timestamp: baseTime,
			ReplyTo: "wamid.prev", Forwarded: true,
			Media: &app.Media{ID: "m1", MIMEType: "image/jpeg", SHA256: "abc", Caption: "new arrivals", Size: 1234,
				URL: "https://lookaside.example/m1", Animated: false}},
		{WAMessageID: "wamid.loc", From: "491", Type: app.MsgLocation, RawType: "location", Timestamp: baseTime.Add(time.Second),
			Location: &app.Location{Latitude: 52.52, Longitude: 13.405, Name: "Shop", Address: "Hauptstr. 1", URL: "https://maps.example"}},
		{WAMessageID: "wamid.vcf", From: "491", Type: app.MsgContacts, RawType: "contacts", Timestamp: baseTime.Add(2 * time.Second),
			Contacts: []app.SharedContact{{Name: "Bob", Phones: []string{"+491234"}, Emails: []string{"bob@example.com"}}}},
		{WAMessageID: "wamid.btn", From: "491", Type: app.MsgButtonReply, RawType: "interactive", Text: "Yes", Payload: "confirm-1",
			Timestamp: baseTime.Add(3 * time.Second)},
		{WAMessageID: "wamid.odd", From: "491", Type: app.MsgUnsupported, RawType: "poll", Timestamp: baseTime.Add(4 * time.Second)},
	}
	inserted := mustIngest(t, s, c.ID, app.InboundBatch{Messages: msgs})
	got, err := s.Messages(ctx, inserted[0].ConversationID, 0, 10)
	if err != nil || len(got) != len(msgs) {
		t.Fatalf("Messages = %d, %v", len(got), err)
	}
	for i, m := range got {
		want := inserted[len(inserted)-1-i] // newest first
		if !reflect.DeepEqual(m, want) {
			t.Errorf("message %d\n got %+v\nwant %+v", i, m, want)
		}
	}
	conv, _ := s.Conversation(ctx, inserted[0].ConversationID)
	if conv.LastPreview != "A message Parley cannot show" {
		t.Errorf("preview = %q", conv.LastPreview)
	}

	if err := s.SetMediaPath(ctx, inserted[0].ID, "/data/media/m1.jpg"); err != nil {
		t.Fatal(err)
	}
	m, _ := s.Message(ctx, inserted[0].ID)
	if m.Media == nil || m.Media.LocalPath != "/data/media/m1.jpg" || m.Media.ID != "m1" {
		t.Errorf("media after SetMediaPath = %+v", m.Media)
	}
	if err := s.SetMediaPath(ctx, inserted[1].ID, "/x"); err == nil || errors.Is(err, app.ErrNotFound) {
		t.Errorf("SetMediaPath on a location = %v, want a no-attachment error", err)
	}
	if err := s.SetMediaPath(ctx, 999, "/x"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("SetMediaPath(999) = %v, want ErrNotFound", err)
	}
}

func TestMessagesPaging(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	ms := mustIngest(t, s, c.ID, textBatch("491", "Ann", "w", 120))
	mustIngest(t, s, c.ID, textBatch("492", "Bob", "other", 5)) // must not leak in
	conv := ms[0].ConversationID

	var seen []int64
	before := int64(0)
	for _, wantLen := range []int{50, 50, 20, 0} {
		page, err := s.Messages(ctx, conv, before, 50)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) != wantLen {
			t.Fatalf("page after %d has %d messages, want %d", before, len(page), wantLen)
		}
		for _, m := range page {
			if m.ConversationID != conv {
				t.Fatalf("message %d of another conversation", m.ID)
			}
			seen = append(seen, m.ID)
		}
		if len(page) > 0 {
			before = page[len(page)-1].ID
		}
	}
	for i := range seen {
		if want := ms[len(ms)-1-i].ID; seen[i] != want {
			t.Fatalf("position %d: id %d, want %d (newest first, no gaps or repeats)", i, seen[i], want)
		}
	}
	if page, _ := s.Messages(ctx, conv, 0, 0); len(page) != DefaultPageSize {
		t.Errorf("limit 0 gave %d messages, want %d", len(page), DefaultPageSize)
	}
}

// fillMessages adds n messages spread over convs conversations of channel
// id with one SQL statement.
func fillMessages(t testing.TB, s *Store, id app.ChannelID, convs, n int) {
	t.Helper()
	_, err := s.rw.Exec(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?1)
		INSERT INTO conversations (channel_id, wa_id) SELECT ?2, '49' || i FROM seq WHERE i < ?3`, n, id, convs)
	if err != nil {
		t.Fatal(err)
	}
	_, err = s.rw.Exec(`WITH RECURSIVE seq(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM seq WHERE i + 1 < ?1)
		INSERT INTO messages (channel_id, conversation_id, wa_message_id, direction, type, text, timestamp, state)
		SELECT ?2, (SELECT id FROM conversations WHERE channel_id = ?2 AND wa_id = '49' || (i % ?3)),
			'wamid.fill' || i, 'in', 'text', 'message ' || i, i, 'received' FROM seq`, n, id, convs)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.rw.Exec(`ANALYZE`); err != nil {
		t.Fatal(err)
	}
}

func TestMessagesPageUsesIndex(t *testing.T) {
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	fillMessages(t, s, c.ID, 20, 20000)
	rows, err := s.ro.Query(`EXPLAIN QUERY PLAN SELECT `+messageColumns+` FROM messages
		WHERE conversation_id = ? AND id < ? ORDER BY id DESC LIMIT ?`, 1, 15000, 50)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	joined := strings.Join(plan, "; ")
	if !strings.Contains(joined, "INDEX messages_conversation (conversation_id=? AND id<?)") || strings.Contains(joined, "TEMP B-TREE") {
		t.Errorf("query plan %q: want a range scan of messages_conversation without sorting", joined)
	}
}

// BenchmarkMessagesOlderPage reads a page from the middle of a 10,000-
// message conversation in a 200,000-message database.
func BenchmarkMessagesOlderPage(b *testing.B) {
	s := openTestStore(b)
	c := addChannel(b, s, "Shop")
	fillMessages(b, s, c.ID, 20, 200000)
	ctx := context.Background()
	var before int64
	if err := s.ro.QueryRow(`SELECT id FROM messages WHERE conversation_id = 1 ORDER BY id LIMIT 1 OFFSET 5000`).Scan(&before); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		page, err := s.Messages(ctx, 1, before, 50)
		if err != nil || len(page) != 50 {
			b.Fatalf("page = %d, %v", len(page), err)
		}
	}
}
