package persistence

import (
	"context"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// The owner's choice of how to receive survives closing and reopening the
// data folder; a new folder has made no choice yet.
func TestReceivingSettingsAreKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	s, err := Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	if rs, err := s.ReceivingSettings(ctx); err != nil || rs.Mode != app.ReceivingNotSet || rs.Domain != "" {
		t.Fatalf("a new folder's settings = %+v, %v; want none chosen", rs, err)
	}
	want := app.ReceivingSettings{Mode: app.ReceivingTunnel, Domain: "bakery.ngrok.app", UpdatedAt: time.Date(2026, 12, 3, 9, 0, 0, 0, time.UTC)}
	if err := s.SaveReceivingSettings(ctx, want); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.ReceivingSettings(ctx)
	if err != nil || got.Mode != want.Mode || got.Domain != want.Domain || !got.UpdatedAt.Equal(want.UpdatedAt) {
		t.Errorf("after reopening: %+v, %v; want %+v", got, err, want)
	}
}
