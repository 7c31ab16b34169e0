package templates

import (
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// heldRunner keeps background work until the test lets it run, so a
// test can act while the work is still under way.
type heldRunner struct{ held []func() }

func (h *heldRunner) run(work func()) { h.held = append(h.held, work) }

// finish runs every held job, including jobs they start.
func (h *heldRunner) finish() {
	for len(h.held) > 0 {
		work := h.held[0]
		h.held = h.held[1:]
		work()
	}
}

func TestTemplatesFailedSyncKeepsList(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	before := listedTemplates(c)
	wantSynced := "Last synced: " + templateTime(cw.Clock.Now())
	if err := cw.Emu.AddTemplate(screentest.WorldKey, app.Template{Name: "new_hours", Language: "en_US", Category: app.CategoryUtility, Body: "We now open at 7."}); err != nil {
		t.Fatal(err)
	}
	cw.Emu.SetOffline(true)
	cw.Clock.Advance(time.Hour)

	test.Tap(screentest.Button(t, c, "Sync Templates"))
	if !screentest.ShowsText(c, "Sync failed. Parley could not reach 360dialog. Check your internet connection. Your list is as it was.") {
		t.Errorf("a failed sync is not explained; the page shows %q", screentest.VisibleTexts(c))
	}
	if got := listedTemplates(c); !slices.Equal(got, before) {
		t.Errorf("a failed sync changed the list to %q, want %q", got, before)
	}
	if !screentest.ShowsText(c, wantSynced) {
		t.Errorf("a failed sync changed the last-synced time; the page shows %q", screentest.VisibleTexts(c))
	}
	if screentest.Button(t, c, "Sync Templates").Disabled() {
		t.Error("Sync Templates stays disabled after a failed sync")
	}

	cw.Emu.SetOffline(false)
	test.Tap(screentest.Button(t, c, "Sync Templates"))
	if got := listedTemplates(c); len(got) != len(before)+1 || !screentest.ShowsText(c, "Synced: 6 templates from WhatsApp.") {
		t.Errorf("the sync after coming back online lists %q", got)
	}
}

func TestTemplatesCancelSyncKeepsList(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	before := listedTemplates(c)
	if err := cw.Emu.AddTemplate(screentest.WorldKey, app.Template{Name: "new_hours", Language: "en_US", Category: app.CategoryUtility, Body: "We now open at 7."}); err != nil {
		t.Fatal(err)
	}
	held := &heldRunner{}
	cw.run = held.run
	test.Tap(screentest.Button(t, c, "Channels"))
	c = openTemplatesOf(t, cw)
	held.finish() // the page reads the saved list

	test.Tap(screentest.Button(t, c, "Sync Templates"))
	for _, want := range []string{"Contacting WhatsApp…", "Cancel"} {
		if !screentest.ShowsText(c, want) {
			t.Errorf("a running sync does not show %q; the page shows %q", want, screentest.VisibleTexts(c))
		}
	}
	if !screentest.Button(t, c, "Sync Templates").Disabled() {
		t.Error("Sync Templates can be pressed again while a sync runs")
	}
	test.Tap(screentest.Button(t, c, "Cancel"))
	if !screentest.ShowsText(c, "Cancelling…") {
		t.Errorf("Cancel gives no sign; the page shows %q", screentest.VisibleTexts(c))
	}
	held.finish()

	if !screentest.ShowsText(c, "Sync cancelled. Your list is as it was.") {
		t.Errorf("a cancelled sync is not explained; the page shows %q", screentest.VisibleTexts(c))
	}
	if got := listedTemplates(c); !slices.Equal(got, before) {
		t.Errorf("a cancelled sync changed the list to %q, want %q", got, before)
	}
	if screentest.ShowsText(c, "Cancelling…") || screentest.Button(t, c, "Sync Templates").Disabled() {
		t.Errorf("after cancelling the page is still busy: %q", screentest.VisibleTexts(c))
	}
	chs, err := cw.Core.Channels(cw.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	saved, err := cw.Core.Templates(cw.Ctx, chs[0].ID)
	if err != nil || len(saved.Templates) != len(before) {
		t.Errorf("a cancelled sync changed the saved copy: %d templates, %v", len(saved.Templates), err)
	}
}
