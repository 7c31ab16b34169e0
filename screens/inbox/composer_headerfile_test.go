package inbox

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// A template with a photo header asks for the photo: Send without one
// says so at the field, a chosen photo goes out uploaded (not the review
// sample), and the next time, in a new conversation too, the same photo
// is offered.
func TestPhotoHeaderTemplateAsksForThePhoto(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Any offers this week?")
	var sample, flyer bytes.Buffer
	for b, n := range map[*bytes.Buffer]int{&sample: 4, &flyer: 24} {
		if err := png.Encode(b, image.NewGray(image.Rect(0, 0, n, n))); err != nil {
			t.Fatal(err)
		}
	}
	tpl := app.Template{Name: "spring_sale", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Body:   "Spring sale: 20% off everything!",
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: sample.Bytes(), MediaName: "sample.png", MediaMIME: "image/png"}}
	if err := sw.Emu.AddTemplate(screentest.WorldKey, tpl); err != nil {
		t.Fatal(err)
	}
	if _, err := sw.Core.SyncTemplates(sw.Ctx, sw.ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	sw.Clock.Advance(25 * time.Hour)
	v := sw.open(t, "Anna Schmidt")
	test.Tap(screentest.Button(t, v.composer.content, "Send a template"))
	d := sw.topDialog(t)
	p := sw.picker(t)
	p.list.Select(0)
	if !screentest.ShowsText(d, "Header photo") || !screentest.ShowsText(d, "No file chosen") || p.form.file == nil {
		t.Fatalf("the template's form shows %q", screentest.VisibleTexts(d))
	}
	test.Tap(p.send)
	if sw.Window.Canvas().Overlays().Top() == nil || !screentest.ShowsText(p.form.file.content, "Choose the photo to send in the header.") {
		t.Fatalf("Send without a photo: the field shows %q", screentest.VisibleTexts(p.form.file.content))
	}
	if len(sw.Emu.Sent(screentest.WorldKey)) != 0 {
		t.Fatal("something was sent without a photo")
	}

	path := filepath.Join(t.TempDir(), "flyer.png")
	if err := os.WriteFile(path, flyer.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	p.chooseHeaderFile(path)
	if !screentest.ShowsText(p.form.file.content, "flyer.png") || screentest.ShowsText(p.form.file.content, "Choose the photo") {
		t.Fatalf("after choosing the field shows %q", screentest.VisibleTexts(p.form.file.content))
	}
	test.Tap(p.send)
	if sw.Window.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", screentest.VisibleTexts(d))
	}
	if got := tick(lastBubble(t, v.content)); got != "queued" {
		t.Fatalf("the template's tick is %q", got)
	}
	sw.sendQueued()
	if got := tick(lastBubble(t, v.content)); got != "sent" {
		t.Fatalf("after sending the tick is %q", got)
	}
	sent := sw.Emu.Sent(screentest.WorldKey)
	if len(sent) != 1 || sent[0].Template == nil || sent[0].Template.HeaderMediaID == "" || sent[0].Template.HeaderMediaLink != "" {
		t.Fatalf("WhatsApp got %+v", sent)
	}
	if up, ok := sw.Emu.Media(screentest.WorldKey, sent[0].Template.HeaderMediaID); !ok || !bytes.Equal(up.Data, flyer.Bytes()) {
		t.Fatal("the header does not carry the chosen photo")
	}

	// A new conversation with the same template offers the flyer again.
	test.Tap(screentest.Button(t, sw.shell.space.Content, "New conversation"))
	d = sw.topDialog(t)
	p = sw.inbox().picker // the conversation's own picker is closed
	p.list.Select(0)
	if p.form.file == nil || !screentest.ShowsText(p.form.file.content, "flyer.png") || !screentest.ShowsText(p.form.file.content, "sent last time") {
		t.Fatalf("the new conversation's form shows %q", screentest.VisibleTexts(d))
	}
	test.Type(p.number, "+49 170 5550123")
	test.Tap(p.send)
	if sw.Window.Canvas().Overlays().Top() != nil {
		t.Fatalf("the dialog stayed open: %q", screentest.VisibleTexts(d))
	}
	sw.sendQueued()
	sent = sw.Emu.Sent(screentest.WorldKey)
	if len(sent) != 2 || sent[1].To != "491705550123" || sent[1].Template.HeaderMediaID == "" {
		t.Fatalf("WhatsApp got %+v", sent)
	}
	if up, ok := sw.Emu.Media(screentest.WorldKey, sent[1].Template.HeaderMediaID); !ok || !bytes.Equal(up.Data, flyer.Bytes()) {
		t.Fatal("the new conversation's header does not carry the flyer")
	}
}
