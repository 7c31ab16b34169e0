package app_test

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func fullTemplate(t *testing.T) app.Template {
	t.Helper()
	var img bytes.Buffer
	if err := png.Encode(&img, image.NewRGBA(image.Rect(0, 0, 400, 300))); err != nil {
		t.Fatal(err)
	}
	return app.Template{
		Name: "order_ready", Language: "en_US", Category: app.CategoryUtility,
		Header:       app.TemplateHeader{Format: app.HeaderImage, Media: img.Bytes(), MediaName: "bread.png", MediaMIME: "image/png"},
		Body:         "Hello {{1}}, your order *{{2}}* is ready for pickup.",
		BodyExamples: []string{"Anna", "#123"},
		Footer:       "Bäckerei Müller",
		Buttons: []app.TemplateButton{
			{Type: app.ButtonURL, Text: "Track order", URL: "https://shop.example/t/{{1}}", Example: "123"},
			{Type: app.ButtonPhone, Text: "Call us", Phone: "+4930123456"},
		},
		Variables: []app.Variable{{Source: app.VarContactName}, {Source: app.VarTyped}},
	}
}

func TestSubmitTemplateThenApproved(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetReviewDelay(10 * time.Minute)
	res, err := w.core.SubmitTemplate(w.ctx, ch.ID, fullTemplate(t))
	if err != nil {
		t.Fatal(err)
	}
	if res.Draft || res.Template.Status != app.TemplateSubmitted || !strings.Contains(res.Message, "was submitted") {
		t.Fatalf("result = %+v", res)
	}
	list, _ := w.core.Templates(w.ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateSubmitted {
		t.Fatalf("local list after submit: %+v", list.Templates)
	}
	if v := list.Templates[0].Variables; len(v) != 2 || v[0].Source != app.VarContactName {
		t.Fatalf("dynamic variables not kept: %+v", v)
	}
	remote := w.emu.Templates(testKey)
	if len(remote) != 1 || remote[0].Header.Format != app.HeaderImage || len(remote[0].Buttons) != 2 {
		t.Fatalf("on WhatsApp: %+v", remote)
	}
	w.clock.Advance(time.Hour)
	w.emu.Tick()
	w.core.NewBackground(app.BackgroundOptions{}).RunOnce(w.ctx)
	list, _ = w.core.Templates(w.ctx, ch.ID)
	if list.Templates[0].Status != app.TemplateApproved {
		t.Fatalf("after review: %s", list.Templates[0].Status)
	}
}

func TestSubmitOfflineKeepsDraft(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetOffline(true)
	res, err := w.core.SubmitTemplate(w.ctx, ch.ID, fullTemplate(t))
	if err != nil || !res.Draft || res.Message != app.DraftSavedOfflineMessage {
		t.Fatalf("offline submit: %+v %v", res, err)
	}
	list, _ := w.core.Templates(w.ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateDraft || len(list.Templates[0].Header.Media) == 0 {
		t.Fatalf("draft not kept with its media: %+v", list.Templates)
	}
	// A sync while the draft waits must not drop it.
	w.emu.SetOffline(false)
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, _ = w.core.Templates(w.ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateDraft {
		t.Fatalf("sync dropped the draft: %+v", list.Templates)
	}
	if _, err := w.core.SubmitTemplate(w.ctx, ch.ID, list.Templates[0]); err != nil {
		t.Fatal(err)
	}
	if len(w.emu.Templates(testKey)) != 1 {
		t.Fatal("draft not submitted once online")
	}
}

func TestSubmitRejectedKeepsDraftWithReason(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	// The name exists on WhatsApp but this laptop never synced it.
	tpl := fullTemplate(t)
	if err := w.emu.AddTemplate(testKey, app.Template{Name: tpl.Name, Language: tpl.Language, Category: app.CategoryUtility, Body: "Hi"}); err != nil {
		t.Fatal(err)
	}
	_, err := w.core.SubmitTemplate(w.ctx, ch.ID, tpl)
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) || !strings.Contains(verrs.For(app.FieldForm), "WhatsApp did not accept the template") {
		t.Fatalf("rejection: %v", err)
	}
	list, _ := w.core.Templates(w.ctx, ch.ID)
	if len(list.Templates) != 1 || list.Templates[0].Status != app.TemplateDraft {
		t.Fatalf("draft lost after rejection: %+v", list.Templates)
	}
	// Invalid templates never leave the laptop.
	bad := fullTemplate(t)
	bad.Name = "Order Ready"
	if _, err := w.core.SubmitTemplate(w.ctx, ch.ID, bad); !errors.As(err, &verrs) || verrs.For(app.FieldTemplateName) == "" {
		t.Fatalf("invalid name accepted: %v", err)
	}
}

func TestDuplicateTemplate(t *testing.T) {
	d := app.DuplicateTemplate(app.Template{Name: "promo", ID: "x", Status: app.TemplateApproved, Buttons: []app.TemplateButton{{Text: "a"}}})
	if d.Name != "promo_copy" || d.ID != "" || d.Status != app.TemplateDraft {
		t.Fatalf("duplicate = %+v", d)
	}
}
