package persistence

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/parley-app/parley/app"
)

func TestProfileRecordLifecycle(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")

	rec, err := s.ProfileRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if rec.ChannelID != c.ID || !rec.SyncedAt.IsZero() || rec.Pending != nil || !reflect.DeepEqual(rec.Remote, app.Profile{}) {
		t.Fatalf("never-synced record = %+v, want zero with ChannelID", rec)
	}

	remote := app.Profile{About: "Fresh bread daily", Address: "Hauptstr. 1", Description: "Family bakery",
		Email: "hi@bakery.example", Vertical: "RESTAURANT", Websites: []string{"https://a.example", "https://b.example"},
		PhotoURL: "https://cdn.example/p.jpg"}
	if err := s.SaveRemoteProfile(ctx, c.ID, remote, baseTime); err != nil {
		t.Fatal(err)
	}
	edit := app.ProfileEdit{
		Profile: func() app.Profile { p := remote; p.About = "Bread and cake"; return p }(),
		Base:    remote, Photo: []byte{0xff, 0xd8, 0xff, 0x00, 0x01}, PhotoMIME: "image/jpeg",
		EditedAt: baseTime.Add(5e9), State: app.EditRejected, Reason: "The API key was revoked.", ReasonCode: 131031,
	}
	if err := s.SavePendingProfile(ctx, c.ID, edit); err != nil {
		t.Fatal(err)
	}
	// A later sync must keep the pending edit.
	remote.Address = "Hauptstr. 2"
	if err := s.SaveRemoteProfile(ctx, c.ID, remote, baseTime.Add(60e9)); err != nil {
		t.Fatal(err)
	}
	rec, err = s.ProfileRecord(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(rec.Remote, remote) || !rec.SyncedAt.Equal(baseTime.Add(60e9)) {
		t.Errorf("remote = %+v at %v, want %+v at %v", rec.Remote, rec.SyncedAt, remote, baseTime.Add(60e9))
	}
	if rec.Pending == nil {
		t.Fatal("pending edit lost by a sync")
	}
	p := rec.Pending
	if !reflect.DeepEqual(p.Profile, edit.Profile) || !reflect.DeepEqual(p.Base, edit.Base) ||
		!bytes.Equal(p.Photo, edit.Photo) || p.PhotoMIME != "image/jpeg" || !p.EditedAt.Equal(edit.EditedAt) ||
		p.State != edit.State || p.Reason != edit.Reason || p.ReasonCode != edit.ReasonCode {
		t.Errorf("pending = %+v, want %+v", *p, edit)
	}

	if err := s.ClearPendingProfile(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	rec, _ = s.ProfileRecord(ctx, c.ID)
	if rec.Pending != nil || rec.Remote.Address != "Hauptstr. 2" {
		t.Errorf("after clear: %+v", rec)
	}
}

func TestPendingProfileWithoutPhotoOrSync(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	if err := s.SavePendingProfile(ctx, c.ID, app.ProfileEdit{Profile: app.Profile{About: "offline edit"}}); err != nil {
		t.Fatal(err)
	}
	rec, err := s.ProfileRecord(ctx, c.ID)
	if err != nil || rec.Pending == nil || rec.Pending.Photo != nil || rec.Pending.Profile.About != "offline edit" || !rec.SyncedAt.IsZero() {
		t.Errorf("record = %+v, %v", rec, err)
	}
}

func TestProfileOfMissingChannel(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	if _, err := s.ProfileRecord(ctx, 42); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("ProfileRecord = %v, want ErrNotFound", err)
	}
	if err := s.SaveRemoteProfile(ctx, 42, app.Profile{}, baseTime); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("SaveRemoteProfile = %v, want ErrNotFound", err)
	}
	if err := s.SavePendingProfile(ctx, 42, app.ProfileEdit{}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("SavePendingProfile = %v, want ErrNotFound", err)
	}
}

func TestProfileKeepsNoWebsitesApartFromEmptyList(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	for _, sites := range [][]string{nil, {}} {
		if err := s.SaveRemoteProfile(ctx, c.ID, app.Profile{Websites: sites}, baseTime); err != nil {
			t.Fatal(err)
		}
		rec, _ := s.ProfileRecord(ctx, c.ID)
		if (rec.Remote.Websites == nil) != (sites == nil) || len(rec.Remote.Websites) != 0 {
			t.Errorf("websites %#v came back as %#v", sites, rec.Remote.Websites)
		}
	}
}

func TestConflictedProfileEditIsRemembered(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	edit := app.ProfileEdit{Profile: app.Profile{About: "Ours"}, Base: app.Profile{About: "Before"},
		State: app.EditConflicted}
	if err := s.SavePendingProfile(ctx, c.ID, edit); err != nil {
		t.Fatal(err)
	}
	rec, err := s.ProfileRecord(ctx, c.ID)
	if err != nil || rec.Pending == nil || rec.Pending.State != app.EditConflicted {
		t.Fatalf("pending = %+v, %v; want it marked as waiting for the owner's choice", rec.Pending, err)
	}
	edit.State = app.EditPending
	if err := s.SavePendingProfile(ctx, c.ID, edit); err != nil {
		t.Fatal(err)
	}
	if rec, _ = s.ProfileRecord(ctx, c.ID); rec.Pending.State != app.EditPending {
		t.Error("the mark stayed after the owner chose")
	}
}

// TestEveryProfileEditStateIsKept stores an edit in each state and reads
// the same state back, with its reason, and an edit cleared and saved
// again starts over as pending.
func TestEveryProfileEditStateIsKept(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	for _, st := range []app.ProfileEditState{app.EditPending, app.EditOffline, app.EditRejected, app.EditFailed, app.EditConflicted} {
		edit := app.ProfileEdit{Profile: app.Profile{About: "Ours"}, State: st, Reason: fmt.Sprint("reason ", st)}
		if err := s.SavePendingProfile(ctx, c.ID, edit); err != nil {
			t.Fatal(err)
		}
		rec, err := s.ProfileRecord(ctx, c.ID)
		if err != nil || rec.Pending == nil || rec.Pending.State != st || rec.Pending.Reason != edit.Reason {
			t.Errorf("saved in state %d: read back %+v, %v", st, rec.Pending, err)
		}
	}
	if err := s.SavePendingProfile(ctx, c.ID, app.ProfileEdit{State: app.ProfileEditState(99)}); err == nil {
		t.Error("an unknown state was stored")
	}
	if err := s.ClearPendingProfile(ctx, c.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SavePendingProfile(ctx, c.ID, app.ProfileEdit{Profile: app.Profile{About: "Again"}}); err != nil {
		t.Fatal(err)
	}
	if rec, _ := s.ProfileRecord(ctx, c.ID); rec.Pending == nil || rec.Pending.State != app.EditPending || rec.Pending.Reason != "" {
		t.Errorf("a new edit after a clear: %+v; want pending with no reason", rec.Pending)
	}
}
