package inbox

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// The owner attaches a photo with the text typed as its caption: it shows
// queued at once, goes out as an image, and the tick follows. A file
// WhatsApp does not take is explained above the field and nothing is
// sent.
func TestAttachingAPhotoSendsItWithTheCaption(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Can I see the cake?")
	v := sw.open(t, "Anna Schmidt")
	dir := t.TempDir()

	bad := filepath.Join(dir, "cake.exe")
	if err := os.WriteFile(bad, []byte("MZ"), 0o600); err != nil {
		t.Fatal(err)
	}
	v.composer.entry.SetText("Here it is")
	v.attachFiles([]string{bad})
	p := previewOf(t, v)
	want := "WhatsApp sends photos (JPEG, PNG) and documents (PDF, Word, Excel, PowerPoint, text); cake.exe is none of these."
	if !screentest.ShowsText(p.dialogContent(), want) || !p.send.Disabled() {
		t.Fatalf("a wrong file was not explained, or can be sent: %q", screentest.VisibleTexts(p.dialogContent()))
	}
	test.Tap(p.cancel)
	if v.filesPreview != nil || v.composer.entry.Text != "Here it is" || len(bubbles(v.content)) != 1 {
		t.Fatalf("Cancel left the preview open, lost the text %q or sent something", v.composer.entry.Text)
	}

	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 32, 32))); err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(dir, "cake.png")
	if err := os.WriteFile(photo, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	v.attachFiles([]string{photo})
	p = previewOf(t, v)
	if p.captions[0].Text != "Here it is" || p.files[0].thumb == nil {
		t.Fatalf("the preview offers caption %q, thumbnail %v", p.captions[0].Text, p.files[0].thumb != nil)
	}
	test.Tap(p.send)
	last := lastBubble(t, v.content)
	if m := last.Message(); m.Type != app.MsgImage || m.Text != "Here it is" || tick(last) != "queued" {
		t.Fatalf("after attaching, the newest bubble is %s %q with tick %q", m.Type, m.Text, tick(last))
	}
	if v.composer.entry.Text != "" {
		t.Error("the caption stayed in the field after the photo was queued")
	}
	sw.sendQueued()
	if got := tick(lastBubble(t, v.content)); got != "sent" {
		t.Fatalf("after sending the tick is %q", got)
	}
	sent := sw.Emu.Sent(screentest.WorldKey)
	if len(sent) != 1 || sent[0].Type != "image" || sent[0].Caption != "Here it is" || sent[0].MediaID == "" {
		t.Fatalf("WhatsApp got %+v", sent)
	}
}

// A photo attached just after the 24-hour window closed (the open
// conversation does not know yet) is refused like a text reply: the
// conversation switches to offering a template, and the caption stays in
// the field.
func TestAttachingAfterTheWindowClosedKeepsTheCaption(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Can I see the cake?")
	v := sw.open(t, "Anna Schmidt")
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 32, 32))); err != nil {
		t.Fatal(err)
	}
	photo := filepath.Join(t.TempDir(), "cake.png")
	if err := os.WriteFile(photo, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	sw.Clock.Advance(25 * time.Hour)
	v.composer.entry.SetText("Here it is")
	v.attachFiles([]string{photo})
	previewOf(t, v).captions[0].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn}) // Enter in the caption sends
	if !screentest.ShowsText(v.content, "Reply window closed") || !screentest.ShowsText(v.content, "Send a template") || v.composer.entry.Text != "Here it is" {
		t.Fatalf("after the window closed the conversation shows %q (field %q)", screentest.VisibleTexts(v.content), v.composer.entry.Text)
	}
	if sent := sw.Emu.Sent(screentest.WorldKey); len(sent) != 0 {
		t.Fatalf("WhatsApp got %+v", sent)
	}
}
