package screens

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

func TestTemplateReviewTitles(t *testing.T) {
	for _, c := range []struct {
		to   app.TemplateStatus
		want string
	}{
		{app.TemplateApproved, "Template approved"},
		{app.TemplateRejected, "Template rejected"},
		{app.TemplatePaused, "Template status changed"},
	} {
		if got := templateReviewTitle(c.to); got != c.want {
			t.Errorf("title for status %v = %q, want %q", c.to, got, c.want)
		}
	}
}

func TestTemplateReviewPostsNotificationAndRefreshesPage(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	watcher := cw.Core.NewBackground(app.BackgroundOptions{})
	cw.Emu.SetReviewOutcome(func(name string) (bool, string) { return name != "spring_sale", "INVALID_FORMAT" })
	cw.Clock.Advance(screentest.ReviewDelay)

	approved := app.TemplateChange{Name: "winter_sale", Language: "de", To: app.TemplateApproved}.Notice()
	test.AssertNotificationSent(t, fyne.NewNotification("Template approved", approved), func() { watcher.RunOnce(cw.Ctx) })
	if got := screentest.VisibleTexts(c); !listsTemplate(c, "winter_sale", "German · de", "Approved") {
		t.Errorf("the open page was not refreshed after the approval: %q", got)
	}

	// A template submitted later is rejected: the notification gives
	// WhatsApp's reason in plain words, as the list does.
	if err := cw.Emu.AddTemplate(screentest.WorldKey, app.Template{Name: "spring_sale", Language: "en_US", Category: app.CategoryMarketing,
		Status: app.TemplateSubmitted, Body: "Spring cakes are here!"}); err != nil {
		t.Fatal(err)
	}
	test.Tap(screentest.Button(t, c, "Sync Templates"))
	if got := screentest.VisibleTexts(c); !listsTemplate(c, "spring_sale", "English (US) · en_US", "Submitted") {
		t.Fatalf("the new submitted template is not listed: %q", got)
	}
	cw.Clock.Advance(screentest.ReviewDelay)
	reason := rejectedReasonOf(t, cw, "bad_promo") // the same code, in plain words
	rejected := app.TemplateChange{Name: "spring_sale", Language: "en_US", To: app.TemplateRejected, Reason: reason}.Notice()
	test.AssertNotificationSent(t, fyne.NewNotification("Template rejected", rejected), func() { watcher.RunOnce(cw.Ctx) })
	if got := screentest.VisibleTexts(c); !listsTemplate(c, "spring_sale", "English (US) · en_US", "Rejected") {
		t.Errorf("the open page was not refreshed after the rejection: %q", got)
	}

	// Nothing more to watch: no notification.
	test.AssertNotificationSent(t, nil, func() { watcher.RunOnce(cw.Ctx) })
}

func TestTemplateReviewNotifiesWithTemplatesPageClosed(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	test.Tap(screentest.Button(t, c, "Channels"))
	cw.Clock.Advance(screentest.ReviewDelay)
	approved := app.TemplateChange{Name: "winter_sale", Language: "de", To: app.TemplateApproved}.Notice()
	test.AssertNotificationSent(t, fyne.NewNotification("Template approved", approved), func() {
		cw.Core.NewBackground(app.BackgroundOptions{}).RunOnce(cw.Ctx)
	})
	if screentest.ShowsText(cw.Window.Content(), "Sync Templates") {
		t.Error("a review outcome brought the closed Templates page back")
	}
}

// rejectedReasonOf is the saved rejection reason of the template name.
func rejectedReasonOf(t *testing.T, cw *coreWorld, name string) string {
	t.Helper()
	chs, err := cw.Core.Channels(cw.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	list, err := cw.Core.Templates(cw.Ctx, chs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, tpl := range list.Templates {
		if tpl.Name == name {
			return tpl.RejectedReason
		}
	}
	t.Fatalf("no saved template %q", name)
	return ""
}

// TestTemplateWebhookNotifiesWithoutASync: WhatsApp pushes the approval
// of a template as a webhook. The owner is told at once and the open
// Templates page shows it, before any sync asks WhatsApp again.
func TestTemplateWebhookNotifiesWithoutASync(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	chs, err := cw.Core.Channels(cw.Ctx)
	if err != nil {
		t.Fatal(err)
	}
	cw.Receive(t, chs[0])
	cw.Clock.Advance(screentest.ReviewDelay)
	cw.Emu.Tick() // WhatsApp reviews winter_sale and sends the webhook

	approved := app.TemplateChange{Name: "winter_sale", Language: "de", To: app.TemplateApproved}.Notice()
	test.AssertNotificationSent(t, fyne.NewNotification("Template approved", approved), func() {
		if err := cw.Emu.Flush(cw.Ctx); err != nil {
			t.Fatal(err)
		}
	})
	if !listsTemplate(c, "winter_sale", "German · de", "Approved") {
		t.Errorf("the open page does not show the approval: %q", screentest.VisibleTexts(c))
	}
}
