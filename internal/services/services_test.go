package services

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// A photo a customer sent must be downloadable from the window and the
// headless mode alike: the core they share keeps attachments in the data
// folder instead of refusing for want of a folder.
func TestNewCoreKeepsAttachmentsInTheDataFolder(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	store, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ch, err := store.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123456"})
	if err != nil {
		t.Fatal(err)
	}
	photo := app.Message{WAMessageID: "wamid.photo", From: "4917612345678", Type: app.MsgImage, RawType: "image",
		Timestamp: time.Now(), Media: &app.Media{ID: "media-1", MIMEType: "image/jpeg"}}
	results, errs := store.IngestBatches(ctx, []app.IngestItem{{ChannelID: ch.ID, Batch: app.InboundBatch{Messages: []app.Message{photo}}}})
	if errs[0] != nil || len(results[0]) != 1 {
		t.Fatalf("store the photo: %v (%d stored)", errs[0], len(results[0]))
	}

	core := NewCore(store, dir, nil)
	_, err = core.DownloadMedia(ctx, results[0][0].ID)
	if errors.Is(err, app.ErrNoMediaDir) {
		t.Fatalf("the core has no folder for attachments: %v", err)
	}
	if got, want := MediaDir(dir), dir+"/media"; got != want {
		t.Errorf("MediaDir = %q, want %q", got, want)
	}
}
