package app_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
)

func addTemplates(t *testing.T, w *world, n int, status app.TemplateStatus) {
	t.Helper()
	for i := range n {
		err := w.emu.AddTemplate(testKey, app.Template{
			Name: fmt.Sprintf("offer_%03d", i), Language: "en_US", Category: app.CategoryMarketing,
			Status: status, Body: fmt.Sprintf("Hello {{1}}, offer %d", i), BodyExamples: []string{"Anna"},
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func TestSyncTemplatesAllPagesAndRemoteDeletes(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	addTemplates(t, w, 250, app.TemplateApproved) // the client pages 100 at a time
	var lastFetched, lastTotal int
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, func(f, total int) { lastFetched, lastTotal = f, total }); err != nil {
		t.Fatal(err)
	}
	list, _ := w.core.Templates(w.ctx, ch.ID)
	if len(list.Templates) != 250 || lastFetched != 250 || lastTotal != 250 {
		t.Fatalf("synced %d templates, progress %d/%d", len(list.Templates), lastFetched, lastTotal)
	}
	if !list.SyncedAt.Equal(w.clock.Now()) {
		t.Fatalf("last synced = %v, want %v", list.SyncedAt, w.clock.Now())
	}
	// Deleted on WhatsApp → gone locally after the next sync.
	p := dialog360.New(testKey, dialog360.WithBaseURL(w.server.URL))
	if err := p.DeleteTemplate(w.ctx, "offer_007"); err != nil {
		t.Fatal(err)
	}
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, _ = w.core.Templates(w.ctx, ch.ID)
	for _, tpl := range list.Templates {
		if tpl.Name == "offer_007" {
			t.Fatal("remotely deleted template still listed")
		}
	}
	if len(list.Templates) != 249 {
		t.Fatalf("%d templates after remote delete", len(list.Templates))
	}
}

func TestFailedSyncKeepsOldList(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	addTemplates(t, w, 150, app.TemplateApproved)
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	before, _ := w.core.Templates(w.ctx, ch.ID)
	if err := w.emu.AddTemplate(testKey, app.Template{Name: "late_one", Language: "de", Category: app.CategoryUtility, Body: "Hallo"}); err != nil {
		t.Fatal(err)
	}
	// The first page arrives, then the connection dies on the second.
	pages := 0
	ctx, cancel := context.WithCancel(w.ctx)
	defer cancel()
	_, err := w.core.SyncTemplates(ctx, ch.ID, func(fetched, total int) {
		pages++
		if pages == 1 {
			w.emu.SetOffline(true)
		}
	})
	w.emu.SetOffline(false)
	if err == nil {
		t.Fatal("a sync that broke half-way must fail")
	}
	after, _ := w.core.Templates(w.ctx, ch.ID)
	if len(after.Templates) != len(before.Templates) || !after.SyncedAt.Equal(before.SyncedAt) {
		t.Fatalf("half-way failure changed the local list: %d → %d", len(before.Templates), len(after.Templates))
	}
	// A cancelled sync leaves it intact too.
	cancelled, stop := context.WithCancel(w.ctx)
	_, err = w.core.SyncTemplates(cancelled, ch.ID, func(int, int) { stop() })
	if err == nil {
		t.Fatal("a cancelled sync must report it")
	}
	if after, _ := w.core.Templates(w.ctx, ch.ID); len(after.Templates) != len(before.Templates) {
		t.Fatal("cancelled sync changed the local list")
	}
}

func TestWatcherNoticesReviewOutcome(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetReviewDelay(time.Hour)
	w.emu.SetReviewOutcome(func(name string) (bool, string) {
		if strings.HasPrefix(name, "bad") {
			return false, "INVALID_FORMAT"
		}
		return true, ""
	})
	for _, name := range []string{"good_news", "bad_news"} {
		if err := w.emu.AddTemplate(testKey, app.Template{Name: name, Language: "en", Category: app.CategoryUtility,
			Status: app.TemplateSubmitted, Body: "Your order is ready"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	var notices []string
	outcomes := map[string]app.TemplateStatus{}
	cancel := w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventTemplatesChanged && e.Template != nil {
			notices = append(notices, e.Template.Notice())
			outcomes[e.Template.Name] = e.Template.To
		}
	})
	defer cancel()
	bg := w.core.NewBackground(app.BackgroundOptions{})
	bg.RunOnce(w.ctx)
	if len(notices) != 0 {
		t.Fatalf("notified before review finished: %v", notices)
	}
	w.clock.Advance(2 * time.Hour)
	w.emu.Tick()
	bg.RunOnce(w.ctx)
	joined := strings.Join(notices, "\n")
	if len(notices) != 2 || !strings.Contains(joined, `"good_news" (English · en) was approved`) ||
		!strings.Contains(joined, `"bad_news" (English · en) was rejected`) {
		t.Fatalf("notices = %q", notices)
	}
	if outcomes["good_news"] != app.TemplateApproved || outcomes["bad_news"] != app.TemplateRejected {
		t.Errorf("the events carry the outcomes %v, want good_news approved and bad_news rejected", outcomes)
	}
	list, _ := w.core.Templates(w.ctx, ch.ID)
	for _, tpl := range list.Templates {
		if tpl.Name == "bad_news" && (tpl.Status != app.TemplateRejected || tpl.RejectedReason == "") {
			t.Fatalf("rejected template without reason: %+v", tpl)
		}
	}
	// Nothing submitted any more: the watcher stays quiet.
	if waiting, _ := w.core.HasSubmittedTemplates(w.ctx, ch.ID); waiting {
		t.Fatal("still waiting for review")
	}
}

func TestDeleteTemplateEverywhere(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	addTemplates(t, w, 3, app.TemplateApproved)
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	if err := w.core.DeleteTemplate(w.ctx, ch.ID, "offer_001"); err != nil {
		t.Fatal(err)
	}
	for _, tpl := range w.emu.Templates(testKey) {
		if tpl.Name == "offer_001" {
			t.Fatal("still on WhatsApp")
		}
	}
	list, _ := w.core.Templates(w.ctx, ch.ID)
	if len(list.Templates) != 2 {
		t.Fatalf("%d left locally", len(list.Templates))
	}
}
