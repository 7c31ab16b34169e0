package persistence

import (
	"context"
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// fullTemplate uses every part of a template.
func fullTemplate() app.Template {
	return app.Template{
		ID: "1234567890", Name: "order_ready", Language: "en_US", Category: app.CategoryUtility,
		Status: app.TemplateApproved,
		Header: app.TemplateHeader{Format: app.HeaderText, Text: "Order {{1}}", Example: "#1001"},
		Body:   "Hi {{1}}, your order {{2}} is *ready*.", BodyExamples: []string{"Ann", "#1001"},
		Footer: "Reply STOP to opt out",
		Buttons: []app.TemplateButton{
			{Type: app.ButtonURL, Text: "Track", URL: "https://shop.example/t/{{1}}", Example: "1001"},
			{Type: app.ButtonPhone, Text: "Call us", Phone: "+4930123456"},
		},
		ModifiedAt: baseTime,
	}
}

func TestTemplateSyncKeepsDraftsAndBindings(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")

	if at, err := s.TemplatesSyncedAt(ctx, c.ID); err != nil || !at.IsZero() {
		t.Fatalf("TemplatesSyncedAt before sync = %v, %v; want zero", at, err)
	}
	full := fullTemplate()
	stale := app.Template{Name: "old_promo", Language: "de", Status: app.TemplateApproved, Body: "Sale"}
	if err := s.ReplaceTemplates(ctx, c.ID, []app.Template{full, stale}, baseTime); err != nil {
		t.Fatal(err)
	}
	// The owner binds variables locally and writes a draft.
	bound := full
	bound.Variables = []app.Variable{{Source: app.VarContactName}, {Source: app.VarFixed, Value: "#42"}}
	if err := s.UpsertTemplate(ctx, c.ID, bound); err != nil {
		t.Fatal(err)
	}
	draft := app.Template{Name: "welcome", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateDraft,
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: []byte{1, 2, 3}, MediaName: "shop.png", MediaMIME: "image/png"},
		Body:   "Welcome!"}
	if err := s.UpsertTemplate(ctx, c.ID, draft); err != nil {
		t.Fatal(err)
	}

	// The next sync no longer lists old_promo and has no bindings.
	synced := full
	synced.Status = app.TemplatePaused
	if err := s.ReplaceTemplates(ctx, c.ID, []app.Template{synced}, baseTime.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	ts, err := s.Templates(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ts) != 2 || ts[0].Name != "order_ready" || ts[1].Name != "welcome" {
		t.Fatalf("Templates = %+v; want order_ready and the draft welcome", ts)
	}
	want := synced
	want.Variables = bound.Variables
	if !reflect.DeepEqual(ts[0], want) {
		t.Errorf("synced template\n got %+v\nwant %+v", ts[0], want)
	}
	if !reflect.DeepEqual(ts[1], draft) {
		t.Errorf("draft\n got %+v\nwant %+v", ts[1], draft)
	}
	if at, _ := s.TemplatesSyncedAt(ctx, c.ID); !at.Equal(baseTime.Add(time.Hour)) {
		t.Errorf("TemplatesSyncedAt = %v, want %v", at, baseTime.Add(time.Hour))
	}
}

func TestSyncedTemplateReplacesDraftOfSameName(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	draft := app.Template{Name: "order_ready", Language: "en_US", Status: app.TemplateDraft, Body: "draft body"}
	if err := s.UpsertTemplate(ctx, c.ID, draft); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceTemplates(ctx, c.ID, []app.Template{fullTemplate()}, baseTime); err != nil {
		t.Fatal(err)
	}
	// A second sync without it removes it: it is no draft any more.
	if err := s.ReplaceTemplates(ctx, c.ID, nil, baseTime); err != nil {
		t.Fatal(err)
	}
	if ts, _ := s.Templates(ctx, c.ID); len(ts) != 0 {
		t.Errorf("Templates = %+v, want none", ts)
	}
}

func TestDeleteTemplate(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	if err := s.UpsertTemplate(ctx, c.ID, fullTemplate()); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteTemplate(ctx, c.ID, "order_ready", "de"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("delete other language = %v, want ErrNotFound", err)
	}
	if err := s.DeleteTemplate(ctx, c.ID, "order_ready", "en_US"); err != nil {
		t.Fatal(err)
	}
	if ts, _ := s.Templates(ctx, c.ID); len(ts) != 0 {
		t.Errorf("Templates after delete = %+v", ts)
	}
	if err := s.UpsertTemplate(ctx, 999, fullTemplate()); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("UpsertTemplate on missing channel = %v, want ErrNotFound", err)
	}
}

func TestTemplateEventsUpdateStatus(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	c := addChannel(t, s, "Shop")
	submitted := fullTemplate()
	submitted.Status = app.TemplateSubmitted
	other := app.Template{ID: "555", Name: "promo", Language: "de", Status: app.TemplateSubmitted, Body: "x"}
	draft := app.Template{Name: "promo", Language: "en", Status: app.TemplateDraft, Body: "y"}
	if err := s.ReplaceTemplates(ctx, c.ID, []app.Template{submitted, other}, baseTime); err != nil {
		t.Fatal(err)
	}
	if err := s.UpsertTemplate(ctx, c.ID, draft); err != nil {
		t.Fatal(err)
	}
	mustIngest(t, s, c.ID, app.InboundBatch{Templates: []app.TemplateEvent{
		{TemplateID: "1234567890", Name: "order_ready", Language: "en_US", Event: "REJECTED", Reason: "INVALID_FORMAT"},
		{TemplateID: "555", Name: "promo", Event: "APPROVED", Reason: "NONE"},
		{Name: "not_stored", Language: "en", Event: "APPROVED"},
	}})
	ts, _ := s.Templates(ctx, c.ID)
	got := map[string]app.Template{}
	for _, tm := range ts {
		got[tm.Name+"/"+tm.Language] = tm
	}
	if tm := got["order_ready/en_US"]; tm.Status != app.TemplateRejected || tm.RejectedReason != "INVALID_FORMAT" {
		t.Errorf("order_ready = %s %q, want rejected with reason", tm.Status, tm.RejectedReason)
	}
	if tm := got["promo/de"]; tm.Status != app.TemplateApproved || tm.RejectedReason != "" {
		t.Errorf("promo/de = %s %q, want approved", tm.Status, tm.RejectedReason)
	}
	if tm := got["promo/en"]; tm.Status != app.TemplateDraft {
		t.Errorf("draft promo/en = %s, want untouched draft", tm.Status)
	}
	evs, err := s.ProviderEvents(ctx, c.ID, 0)
	if err != nil || len(evs) != 3 || evs[0].Kind != EventTemplate || evs[2].Detail != "order_ready (en_US): INVALID_FORMAT" {
		t.Errorf("recorded template events = %+v, %v", evs, err)
	}
}

// The file last sent in a template's media header is kept per template
// and language, replaced by the next one, kept across a template sync,
// and goes with its channel.
func TestTemplateHeaderFileIsRemembered(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	ch := addChannel(t, s, "Shop")
	if f, err := s.TemplateHeaderFile(ctx, ch.ID, "offer", "en"); err != nil || f != (app.HeaderFile{}) {
		t.Fatalf("before any send: %+v, %v", f, err)
	}
	first := app.HeaderFile{Path: "/media/sent/01-spring.png", Name: "spring.png"}
	second := app.HeaderFile{Path: "/media/sent/02-summer.png", Name: "summer.png"}
	for _, f := range []app.HeaderFile{first, second} {
		if err := s.SetTemplateHeaderFile(ctx, ch.ID, "offer", "en", f); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.SetTemplateHeaderFile(ctx, ch.ID, "offer", "de", first); err != nil {
		t.Fatal(err)
	}
	if err := s.ReplaceTemplates(ctx, ch.ID, nil, baseTime); err != nil {
		t.Fatal(err)
	}
	if f, err := s.TemplateHeaderFile(ctx, ch.ID, "offer", "en"); err != nil || f != second {
		t.Fatalf("English: %+v, %v; want %+v", f, err, second)
	}
	if f, err := s.TemplateHeaderFile(ctx, ch.ID, "offer", "de"); err != nil || f != first {
		t.Fatalf("German: %+v, %v; want %+v", f, err, first)
	}
	if err := s.DeleteChannel(ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	if f, err := s.TemplateHeaderFile(ctx, ch.ID, "offer", "en"); err != nil || f != (app.HeaderFile{}) {
		t.Fatalf("after removing the channel: %+v, %v", f, err)
	}
	if err := s.SetTemplateHeaderFile(ctx, ch.ID, "offer", "en", first); !errors.Is(err, app.ErrNotFound) {
		t.Fatalf("remembering for a removed channel: %v", err)
	}
}
