package inbox

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// When a customer writes STOP, the owner sees a strip saying since
// when; the template picker marks marketing templates as not for them
// and will not send one; "Allow again" lifts it.
func TestOptOutStripAndAllowAgain(t *testing.T) {
	sw := newSpaceWorld(t)
	for _, tpl := range []app.Template{
		{Name: "spring_sale", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateApproved, Body: "Spring sale: 20% off!"},
		{Name: "order_ready", Language: "en_US", Category: app.CategoryUtility, Status: app.TemplateApproved, Body: "Your order is ready."},
	} {
		if err := sw.Emu.AddTemplate(screentest.WorldKey, tpl); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := sw.Core.SyncTemplates(sw.Ctx, sw.ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	if v.optOut.content.Visible() {
		t.Fatal("the strip shows before the customer opted out")
	}

	sw.writes(t, annaWAID, "Anna Schmidt", "STOP")
	want := "Opted out of marketing since 24 Nov 2026 (they wrote STOP)"
	if !v.optOut.content.Visible() || !screentest.ShowsText(v.content, want) {
		t.Fatalf("after STOP the conversation shows %q", screentest.VisibleTexts(v.content))
	}

	test.Tap(screentest.Button(t, v.composer.content, "Template"))
	p := sw.picker(t)
	d := sw.topDialog(t)
	if !screentest.ShowsText(d, "English (US) · en_US · Marketing · not for this customer (opted out)") {
		t.Fatalf("the picker shows %q", screentest.VisibleTexts(d))
	}
	for i, tpl := range p.shown {
		if tpl.Name == "spring_sale" {
			p.list.Select(i)
		}
	}
	if !p.send.Disabled() || !screentest.ShowsText(d, "Anna Schmidt asked not to receive marketing messages on 24 Nov 2026 (they wrote STOP).") {
		t.Fatalf("choosing the marketing template: Send enabled %v, the dialog shows %q", !p.send.Disabled(), screentest.VisibleTexts(d))
	}
	for i, tpl := range p.shown {
		if tpl.Name == "order_ready" {
			p.list.Select(i)
		}
	}
	if p.send.Disabled() {
		t.Fatal("a utility template cannot be sent to an opted-out customer")
	}
	p.close()

	test.Tap(screentest.Button(t, v.content, textAllowAgain))
	if v.optOut.content.Visible() {
		t.Fatal("the strip stayed after Allow again")
	}
	if cv, _ := sw.Core.Conversation(sw.Ctx, v.conv.ID); cv.OptOut.Active() {
		t.Fatal("Allow again did not lift the opt-out")
	}
}

// The header's menu opts the customer out by hand.
func TestOwnerOptsOutFromTheHeaderMenu(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	v := sw.open(t, "Anna Schmidt")
	v.setOptedOut(true)
	if !screentest.ShowsText(v.content, "(by you)") {
		t.Fatalf("after the owner's opt-out the conversation shows %q", screentest.VisibleTexts(v.content))
	}
	test.Tap(v.side.more)
	top := sw.Window.Canvas().Overlays().Top()
	if top == nil || !strings.Contains(strings.Join(screentest.VisibleTexts(top), "|"), textAllowMarketing) {
		t.Fatal("the header menu does not offer to allow marketing again")
	}
}
