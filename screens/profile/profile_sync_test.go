package profile

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
	"github.com/parley-app/parley/screens/screentest"
)

func TestProfileOfflineSaveIsPendingSurvivesReopeningAndGoesLive(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, bakery)

	cw.Emu.SetOffline(true) // the laptop lost its network
	retype(p.form.about.entry, "Fresh bread, now with cakes")
	test.Tap(screentest.Button(t, p.content, "Save"))
	pageShows(t, p, "Pending — will sync when online", app.PendingOfflineMessage, "Changed on "+profileWhen(cw.Clock.Now())+": About.")
	pageHides(t, p, "not saved yet")
	if cw.Emu.Profile(screentest.WorldKey).About != bakery.About {
		t.Fatal("WhatsApp changed while offline")
	}

	// Parley is closed and opened again: the edit is still there.
	test.Tap(screentest.Button(t, p.content, "Channels"))
	p = reopenProfilePage(t, cw, ch)
	if p.form.about.entry.Text != "Fresh bread, now with cakes" {
		t.Fatalf("reopened page shows About %q, not the pending edit", p.form.about.entry.Text)
	}
	pageShows(t, p, "Pending — will sync when online")

	// The network returns and the background loop pushes the edit.
	cw.Emu.SetOffline(false)
	if n, err := cw.Core.PushPendingProfiles(cw.Ctx); n != 1 || err != nil {
		t.Fatalf("push: %d, %v", n, err)
	}
	if cw.Emu.Profile(screentest.WorldKey).About != "Fresh bread, now with cakes" {
		t.Fatal("the pending edit did not reach WhatsApp")
	}
	pageShows(t, p, "Your profile changes are live on WhatsApp")
	pageHides(t, p, "Pending")
	if p.form.about.entry.Text != "Fresh bread, now with cakes" {
		t.Errorf("after the push About shows %q", p.form.about.entry.Text)
	}
}

func TestProfileRejectedSaveKeepsTheEditAndSaysWhy(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, bakery)
	// The key was revoked in the 360dialog hub meanwhile.
	if err := persistence.NewKeyringSecrets().SetAPIKey(ch.ID, "REVOKED-123456789"); err != nil {
		t.Fatal(err)
	}
	retype(p.form.email.entry, "bestellung@baeckerei-mueller.de")
	test.Tap(screentest.Button(t, p.content, "Save"))

	pageShows(t, p, "WhatsApp did not accept your changes", "Your changes to Email", "When the problem is fixed, press Save again")
	rec, _ := cw.Core.Profile(cw.Ctx, ch.ID)
	if rec.Pending == nil || rec.Pending.State != app.EditRejected || !screentest.ShowsText(p.content, rec.Pending.Reason) || !strings.Contains(rec.Pending.Reason, "API key") {
		t.Fatalf("the reason is not shown: pending %+v; the page shows %q", rec.Pending, screentest.VisibleTexts(p.content))
	}
	if p.form.email.entry.Text != "bestellung@baeckerei-mueller.de" {
		t.Errorf("the edit was lost: Email shows %q", p.form.email.entry.Text)
	}
	if cw.Emu.Profile(screentest.WorldKey).Email != bakery.Email {
		t.Error("a rejected change reached WhatsApp")
	}
	test.Tap(screentest.Button(t, p.content, "Channels"))
	p = reopenProfilePage(t, cw, ch)
	if p.form.email.entry.Text != "bestellung@baeckerei-mueller.de" {
		t.Errorf("after reopening Email shows %q", p.form.email.entry.Text)
	}
	pageShows(t, p, "WhatsApp did not accept your changes")
}

func TestProfileConflictShowsBothValuesAndPushesTheChoice(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, app.Profile{About: "Bakery", Address: "Main St 1", Email: "old@bakery.de"})

	cw.Emu.SetOffline(true)
	retype(p.form.about.entry, "Bakery & café")
	retype(p.form.email.entry, "new@bakery.de")
	test.Tap(screentest.Button(t, p.content, "Save"))
	cw.Emu.SetOffline(false)
	// Meanwhile someone changed the profile on WhatsApp.
	cw.Emu.SetProfile(screentest.WorldKey, app.Profile{About: "Bakery since 1920", Address: "Main St 2", Email: "shop@bakery.de"})

	test.Tap(screentest.Button(t, p.content, "Sync Profile"))
	pageShows(t, p, "Your profile was also changed on WhatsApp", "Choose which value to keep",
		conflictLocalCaption, conflictRemoteCaption, "Bakery & café", "Bakery since 1920", "new@bakery.de", "shop@bakery.de")
	if got := cw.Emu.Profile(screentest.WorldKey); got.About != "Bakery since 1920" || got.Email != "shop@bakery.de" {
		t.Fatalf("WhatsApp was overwritten without asking: %+v", got)
	}
	apply := screentest.Button(t, p.content, "Apply my choices")
	if !apply.Disabled() {
		t.Error("choices can be applied before every field has one")
	}
	tapChoice(t, p, conflictLocalCaption, "Bakery & café")
	tapChoice(t, p, conflictRemoteCaption, "shop@bakery.de")
	if apply.Disabled() {
		t.Fatal("Apply stays disabled after choosing for every field")
	}
	test.Tap(apply)

	got := cw.Emu.Profile(screentest.WorldKey)
	if got.About != "Bakery & café" || got.Email != "shop@bakery.de" || got.Address != "Main St 2" {
		t.Fatalf("after applying, WhatsApp has %+v", got)
	}
	if p.form.about.entry.Text != "Bakery & café" || p.form.email.entry.Text != "shop@bakery.de" || p.form.address.entry.Text != "Main St 2" {
		t.Errorf("the fields show %q / %q / %q", p.form.about.entry.Text, p.form.email.entry.Text, p.form.address.entry.Text)
	}
	pageShows(t, p, "Your profile changes are live on WhatsApp")
	pageHides(t, p, "Choose which value to keep", "Pending")
}

func TestProfileConflictIsShownAgainOnReopening(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, app.Profile{About: "Bakery"})
	cw.Emu.SetOffline(true)
	retype(p.form.about.entry, "Bakery & café")
	test.Tap(screentest.Button(t, p.content, "Save"))
	cw.Emu.SetOffline(false)
	cw.Emu.SetProfile(screentest.WorldKey, app.Profile{About: "Bakery since 1920"})
	test.Tap(screentest.Button(t, p.content, "Sync Profile"))
	test.Tap(screentest.Button(t, p.content, "Channels"))

	p = reopenProfilePage(t, cw, ch)
	pageShows(t, p, "Choose which value to keep", "Bakery & café", "Bakery since 1920")
	test.Tap(screentest.Button(t, p.content, "Use all from WhatsApp"))
	test.Tap(screentest.Button(t, p.content, "Apply my choices"))
	if got := cw.Emu.Profile(screentest.WorldKey).About; got != "Bakery since 1920" {
		t.Errorf("WhatsApp has About %q", got)
	}
	if p.form.about.entry.Text != "Bakery since 1920" {
		t.Errorf("the field shows %q", p.form.about.entry.Text)
	}
}

func TestProfileSyncOfflineSaysSoAndKeepsTheFields(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)
	cw.Emu.SetOffline(true)
	test.Tap(screentest.Button(t, p.content, "Sync Profile"))
	pageShows(t, p, "Parley could not reach WhatsApp", "Last synced: "+profileWhen(cw.Clock.Now()))
	if p.form.about.entry.Text != bakery.About {
		t.Errorf("a failed sync changed About to %q", p.form.about.entry.Text)
	}
	if screentest.Button(t, p.content, "Sync Profile").Disabled() || screentest.Button(t, p.content, "Save").Disabled() {
		t.Error("the buttons stay disabled after a failed sync")
	}
}

// TestProfilePageStopsListeningWhenLeftThroughTheNavigation: after the
// owner leaves the page through the sidebar, a profile change made
// elsewhere is not read for the page that is gone.
func TestProfilePageStopsListeningWhenLeftThroughTheNavigation(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)
	cw.Nav.Show(widget.NewLabel("Space")) // the owner clicks Space in the navigation
	changed := bakery
	changed.About = "Now also open on Sundays"
	cw.Emu.SetProfile(screentest.WorldKey, changed)
	if _, err := cw.Core.SyncProfile(cw.Ctx, p.ch.ID); err != nil {
		t.Fatal(err)
	}
	if got := p.form.about.entry.Text; got != bakery.About {
		t.Errorf("the page left behind read the profile again: About shows %q", got)
	}
}

func TestProfileSaveWithoutAPIKeyKeepsTheEditAndSaysWhatToDo(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, bakery)
	if err := persistence.NewKeyringSecrets().DeleteAPIKey(ch.ID); err != nil {
		t.Fatal(err)
	}
	retype(p.form.about.entry, "Fresh bread, Sundays too")
	test.Tap(screentest.Button(t, p.content, "Save"))
	pageShows(t, p, "Your changes are saved on this laptop but could not be sent", "Open Configure and enter the key")
	pageHides(t, p, "will sync when online")
	if rec, _ := cw.Core.Profile(cw.Ctx, ch.ID); rec.Pending == nil || rec.Pending.Profile.About != "Fresh bread, Sundays too" {
		t.Fatalf("the edit was not kept: %+v", rec.Pending)
	}
}

// TestProfilePageShowsTheEditsState: the banner follows the stored state
// of a pending edit, whatever its reason says: an edit that failed on
// this computer is not told as refused by WhatsApp, and one that waits
// for the network asks nothing of the owner.
func TestProfilePageShowsTheEditsState(t *testing.T) {
	tests := []struct {
		state        app.ProfileEditState
		reason       string
		title, hides string
	}{
		{app.EditOffline, "", "Pending — will sync when online", "press Save again"},
		{app.EditRejected, "The API key is wrong or was revoked.", "WhatsApp did not accept your changes", "Pending"},
		{app.EditFailed, "The data folder is read-only.", "Your changes could not be sent to WhatsApp", "WhatsApp did not accept"},
	}
	for _, tt := range tests {
		cw := newCoreWorld(t)
		_, ch := syncedProfilePage(t, cw, bakery)
		edited := bakery
		edited.About = "Fresh bread, now with cakes"
		edit := app.ProfileEdit{Profile: edited, Base: bakery, EditedAt: cw.Clock.Now(), State: tt.state, Reason: tt.reason}
		if err := cw.Store.SavePendingProfile(cw.Ctx, ch.ID, edit); err != nil {
			t.Fatal(err)
		}
		cw.Nav.Show(widget.NewLabel("Channels")) // the owner leaves the page
		p := reopenProfilePage(t, cw, ch)
		if p.banner.title.Text != tt.title {
			t.Errorf("an edit in state %d: the banner says %q, want %q", tt.state, p.banner.title.Text, tt.title)
		}
		if tt.reason != "" {
			pageShows(t, p, tt.reason, "Your changes to About")
		}
		pageHides(t, p, tt.hides)
	}
}
