package persistence

import (
	"context"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// withMedia is an inbound message from waID carrying a file of kind with
// the media id mediaID.
func withMedia(waID, wamid, mediaID string, kind app.MessageType, at time.Time) app.Message {
	m := inbound(waID, wamid, "", at)
	m.Type, m.RawType, m.Media = kind, string(kind), &app.Media{ID: mediaID, MIMEType: "application/pdf"}
	return m
}

// TestAttachmentsAreQueuedWithTheirMessage: ingest queues every new
// customer's attachment in the same transaction, a retried webhook adds
// nothing, and the queue with its attempts survives closing Parley.
func TestAttachmentsAreQueuedWithTheirMessage(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	ch := addChannel(t, s, "Shop")
	batch := app.InboundBatch{Messages: []app.Message{
		withMedia("491", "w1", "m1", app.MsgDocument, baseTime),
		inbound("491", "w2", "just text", baseTime.Add(time.Second)),
		withMedia("492", "w3", "m3", app.MsgImage, baseTime.Add(2*time.Second)),
	}}
	stored := mustIngest(t, s, ch.ID, batch)
	mustIngest(t, s, ch.ID, batch) // WhatsApp delivers it again
	due, err := s.DueMediaDownloads(ctx, baseTime, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(due) != 2 || due[0].MessageID != stored[0].ID || due[1].MessageID != stored[2].ID {
		t.Fatalf("queued %+v, want the document and the photo once each", due)
	}
	if d := due[1]; d.ConversationID != stored[2].ConversationID || !d.SentAt.Equal(baseTime.Add(2*time.Second)) {
		t.Errorf("queued photo %+v, want its conversation and time", d)
	}
	if err := s.DeferMediaDownload(ctx, stored[0].ID, baseTime.Add(time.Minute), "offline"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetMediaPath(ctx, stored[2].ID, "/media/3.jpg"); err != nil {
		t.Fatal(err)
	}
	s.Close()

	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if due, _ := s.DueMediaDownloads(ctx, baseTime, 10); len(due) != 0 {
		t.Errorf("after reopening, due before its retry: %+v", due)
	}
	due, err = s.DueMediaDownloads(ctx, baseTime.Add(time.Minute), 10)
	if err != nil || len(due) != 1 || due[0].MessageID != stored[0].ID || due[0].Attempts != 1 {
		t.Fatalf("after reopening: %+v, %v; want the document, one attempt made", due, err)
	}
	if err := s.MediaDownloadLost(ctx, stored[0].ID, app.MediaExpired); err != nil {
		t.Fatal(err)
	}
	if m, _ := s.Message(ctx, stored[0].ID); m.Media == nil || m.Media.Lost != app.MediaExpired || m.Media.ID != "m1" {
		t.Errorf("lost document reads back as %+v", m.Media)
	}
	if due, _ := s.DueMediaDownloads(ctx, baseTime.Add(time.Hour), 10); len(due) != 0 {
		t.Errorf("a lost attachment is still queued: %+v", due)
	}
}
