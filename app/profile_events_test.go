package app_test

import (
	"testing"

	"github.com/parley-app/parley/app"
)

// TestPushedProfileIsAnnounced: when an edit kept on this laptop goes
// live on WhatsApp in the background, the profile page is told so by a
// typed field, not by a sentence; a failed push is announced without it.
func TestPushedProfileIsAnnounced(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	var events []app.Event
	cancel := w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventProfileChanged {
			events = append(events, e)
		}
	})
	defer cancel()

	w.emu.SetOffline(true)
	edited := rec.Remote
	edited.About = "Fresh bread & cakes"
	if _, err := w.core.SaveProfile(w.ctx, ch.ID, edited, nil); err != nil {
		t.Fatal(err)
	}
	if len(events) == 0 || events[len(events)-1].ProfilePushed {
		t.Fatalf("an edit kept offline was announced as pushed: %+v", events)
	}
	events = nil
	w.emu.SetOffline(false)
	if n, err := w.core.PushPendingProfiles(w.ctx); err != nil || n != 1 {
		t.Fatalf("push: %d, %v", n, err)
	}
	if len(events) != 1 || !events[0].ProfilePushed || events[0].ChannelID != ch.ID {
		t.Errorf("after the push the events were %+v, want one saying the edit is live", events)
	}
}
