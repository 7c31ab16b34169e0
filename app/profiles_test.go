package app_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

func TestProfileEditOfflineThenPushedWhenOnline(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetProfile(testKey, app.Profile{About: "Fresh bread", Vertical: "GROCERY"})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	if rec.SyncedAt.IsZero() || rec.Remote.About != "Fresh bread" {
		t.Fatalf("after sync: %+v", rec)
	}

	w.emu.SetOffline(true) // the network is gone
	edited := rec.Remote
	edited.About = "Fresh bread & cakes"
	res, err := w.core.SaveProfile(w.ctx, ch.ID, edited, nil)
	if err != nil {
		t.Fatalf("offline save must succeed locally: %v", err)
	}
	if !res.Pending || res.Message != app.PendingOfflineMessage {
		t.Fatalf("offline result = %+v", res)
	}
	rec, _ = w.core.Profile(w.ctx, ch.ID)
	if rec.Pending == nil || rec.Pending.Profile.About != "Fresh bread & cakes" {
		t.Fatalf("pending edit not kept: %+v", rec.Pending)
	}
	if w.emu.Profile(testKey).About != "Fresh bread" {
		t.Fatal("WhatsApp changed while offline")
	}

	w.emu.SetOffline(false) // back online
	pushed, err := w.core.PushPendingProfiles(w.ctx)
	if err != nil || pushed != 1 {
		t.Fatalf("push when online: %d, %v", pushed, err)
	}
	if w.emu.Profile(testKey).About != "Fresh bread & cakes" {
		t.Fatal("edit not on WhatsApp after the network returned")
	}
	rec, _ = w.core.Profile(w.ctx, ch.ID)
	if rec.Pending != nil || rec.Remote.About != "Fresh bread & cakes" {
		t.Fatalf("after push: pending=%+v remote=%+v", rec.Pending, rec.Remote)
	}
}

func TestProfileRejectedSaveKeepsEdit(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	// The key was revoked in the 360dialog hub: WhatsApp refuses the change.
	if err := persistence.NewKeyringSecrets().SetAPIKey(ch.ID, "REVOKED-123456789"); err != nil {
		t.Fatal(err)
	}
	_, err := w.core.SaveProfile(w.ctx, ch.ID, app.Profile{About: "Open 7-19", Email: "hello@shop.com"}, nil)
	if err == nil {
		t.Fatal("a rejected save must report an error")
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	if rec.Pending == nil || rec.Pending.Profile.Email != "hello@shop.com" || rec.Pending.State != app.EditRejected || !strings.Contains(rec.Pending.Reason, "API key") {
		t.Fatalf("rejected edit lost or unexplained: %+v", rec.Pending)
	}
}

func TestProfileValidationNamesTheField(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	_, err := w.core.SaveProfile(w.ctx, ch.ID, app.Profile{About: strings.Repeat("x", 150)}, nil)
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || verrs.For(app.FieldAbout) != "About can be at most 139 characters (now 150)." {
		t.Fatalf("got %v", err)
	}
	if rec, _ := w.core.Profile(w.ctx, ch.ID); rec.Pending != nil {
		t.Fatal("an invalid edit must not be stored as pending")
	}
}

func TestProfileConflictAsksOwner(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetProfile(testKey, app.Profile{About: "Bakery", Address: "Main St 1"})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	// Edited offline on the laptop...
	w.emu.SetOffline(true)
	if _, err := w.core.SaveProfile(w.ctx, ch.ID, app.Profile{About: "Bakery & café", Address: "Main St 1"}, nil); err != nil {
		t.Fatal(err)
	}
	w.emu.SetOffline(false)
	// ...and on WhatsApp by someone else meanwhile.
	w.emu.SetProfile(testKey, app.Profile{About: "Bakery since 1920", Address: "Main St 2"})

	res, err := w.core.SyncProfile(w.ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Conflicts) != 1 || res.Conflicts[0].Field != app.FieldAbout ||
		res.Conflicts[0].Local != "Bakery & café" || res.Conflicts[0].Remote != "Bakery since 1920" {
		t.Fatalf("conflicts = %+v", res.Conflicts)
	}
	if w.emu.Profile(testKey).About != "Bakery since 1920" {
		t.Fatal("a conflicting value was overwritten without asking")
	}
	// Background pushes leave a conflicted edit alone.
	if n, _ := w.core.PushPendingProfiles(w.ctx); n != 0 {
		t.Fatal("background push overwrote a conflict")
	}
	res, err = w.core.ResolveProfileConflicts(w.ctx, ch.ID, res.Conflicts, w.emu.Profile(testKey), map[string]bool{app.FieldAbout: true})
	if err != nil || !res.Pushed {
		t.Fatalf("resolve: %+v %v", res, err)
	}
	got := w.emu.Profile(testKey)
	if got.About != "Bakery & café" || got.Address != "Main St 2" {
		t.Fatalf("after resolving: %+v (the address changed only on WhatsApp must stay)", got)
	}
}
