package app_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/parley-app/parley/app"
)

func TestCheckProfileConflictsShowsBothValuesAndTheRemote(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetProfile(testKey, app.Profile{About: "Bakery", Address: "Main St 1"})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if check, err := w.core.CheckProfileConflicts(w.ctx, ch.ID); err != nil || len(check.Conflicts) != 0 {
		t.Fatalf("without an edit: %+v, %v", check, err)
	}
	w.emu.SetOffline(true)
	if _, err := w.core.SaveProfile(w.ctx, ch.ID, app.Profile{About: "Bakery & café", Address: "Main St 1"}, nil); err != nil {
		t.Fatal(err)
	}
	w.emu.SetOffline(false)
	w.emu.SetProfile(testKey, app.Profile{About: "Bakery since 1920", Address: "Main St 2"})

	check, err := w.core.CheckProfileConflicts(w.ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(check.Conflicts) != 1 || check.Conflicts[0].Local != "Bakery & café" || check.Conflicts[0].Remote != "Bakery since 1920" {
		t.Fatalf("conflicts = %+v", check.Conflicts)
	}
	if check.Remote.Address != "Main St 2" {
		t.Fatalf("the check must carry WhatsApp's current profile, got %+v", check.Remote)
	}
	if w.emu.Profile(testKey).About != "Bakery since 1920" {
		t.Fatal("checking changed WhatsApp")
	}
	res, err := w.core.ResolveProfileConflicts(w.ctx, ch.ID, check.Conflicts, check.Remote, map[string]bool{app.FieldAbout: false})
	if err != nil || !res.Pushed {
		t.Fatalf("resolve: %+v, %v", res, err)
	}
	if got := w.emu.Profile(testKey); got.About != "Bakery since 1920" || got.Address != "Main St 2" {
		t.Fatalf("after keeping WhatsApp's values: %+v", got)
	}
}

func TestProfilePhotoComesFromPendingEditThenFromWhatsApp(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	if data, err := w.core.ProfilePhoto(w.ctx, ch.ID); err != nil || data != nil {
		t.Fatalf("no photo yet: %d bytes, %v", len(data), err)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 640, 640))); err != nil {
		t.Fatal(err)
	}
	photo := buf.Bytes()

	w.emu.SetOffline(true)
	if _, err := w.core.SaveProfile(w.ctx, ch.ID, app.Profile{About: "Hello! We answer on WhatsApp."}, &app.PhotoChange{Data: photo, MIME: "image/png"}); err != nil {
		t.Fatal(err)
	}
	if data, err := w.core.ProfilePhoto(w.ctx, ch.ID); err != nil || !bytes.Equal(data, photo) {
		t.Fatalf("pending photo: %d bytes, %v", len(data), err)
	}
	w.emu.SetOffline(false)
	if n, err := w.core.PushPendingProfiles(w.ctx); n != 1 || err != nil {
		t.Fatalf("push: %d, %v", n, err)
	}
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	data, err := w.core.ProfilePhoto(w.ctx, ch.ID)
	if err != nil || !bytes.Equal(data, photo) {
		t.Fatalf("photo from WhatsApp: %d bytes, %v", len(data), err)
	}
}

func TestStoredConflictedEditAwaitsChoice(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetProfile(testKey, app.Profile{About: "Bakery"})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	w.emu.SetOffline(true)
	if _, err := w.core.SaveProfile(w.ctx, ch.ID, app.Profile{About: "Bakery & café"}, nil); err != nil {
		t.Fatal(err)
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	if rec.Pending.AwaitsChoice() || rec.Pending.State != app.EditOffline {
		t.Fatalf("an edit waiting only for the network: %+v; want it offline, not a conflict", rec.Pending)
	}
	w.emu.SetOffline(false)
	w.emu.SetProfile(testKey, app.Profile{About: "Bakery since 1920"})
	if res, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil || len(res.Conflicts) != 1 {
		t.Fatalf("sync: %+v, %v", res, err)
	}
	// Read back from the store, as a page opened later does.
	rec, _ = w.core.Profile(w.ctx, ch.ID)
	if !rec.Pending.AwaitsChoice() || rec.Pending.State != app.EditConflicted {
		t.Fatalf("a stored conflicted edit does not await the owner's choice: %+v", rec.Pending)
	}
}
