package app_test

import (
	"bytes"
	"errors"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// pngBytes is a small real PNG.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// writeFile writes data to name in dir and returns its path.
func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestAttachmentsAreCheckedBeforeUpload(t *testing.T) {
	w := newWorld(t)
	dir := t.TempDir()
	ok := map[string]app.MessageType{
		writeFile(t, dir, "cake.png", pngBytes(t)):                  app.MsgImage,
		writeFile(t, dir, "Menu.PDF", []byte("%PDF-1.4 menu")):      app.MsgDocument,
		writeFile(t, dir, "hours.txt", []byte("Mon-Fri 7-18")):      app.MsgDocument,
		writeFile(t, dir, "big.pdf", make([]byte, 6<<20)):           app.MsgDocument,
		writeFile(t, dir, "prices.xlsx", []byte("PK\x03\x04 xlsx")): app.MsgDocument,
	}
	for path, kind := range ok {
		info, err := w.core.CheckAttachment(path)
		if err != nil || info.Kind != kind {
			t.Errorf("%s: %v (%s), want a %s", filepath.Base(path), err, info.Kind, kind)
		}
	}
	bad := map[string]string{
		writeFile(t, dir, "photo.png", []byte("not a picture at all")):                          "photo.png is not a real PNG photo. Save it again as JPEG or PNG.",
		writeFile(t, dir, "setup.exe", []byte("MZ")):                                            "WhatsApp sends photos (JPEG, PNG) and documents (PDF, Word, Excel, PowerPoint, text); setup.exe is none of these.",
		writeFile(t, dir, "empty.pdf", nil):                                                     "empty.pdf is empty.",
		writeFile(t, dir, "cake\u202Egnp.exe", []byte("MZ")):                                    "PowerPoint, text); cakegnp.exe is none of these.",
		writeFile(t, dir, "bomb.png", append(bombPNG(t, 30000, 30000), make([]byte, 6<<20)...)): "bomb.png has 30000×30000 pixels; Parley scales down photos of up to 40 megapixels.",
		writeFile(t, dir, "tiny-bomb.png", bombPNG(t, 30000, 30000)):                            "tiny-bomb.png has 30000×30000 pixels, more than a phone can show (at most 40 megapixels).",
		sparseFile(t, dir, "huge.pdf", 101<<20):                                                 "WhatsApp takes a document of at most 100.0 MB; huge.pdf has 101.0 MB.",
		sparseFile(t, dir, "giant.jpg", 101<<20, jpegBytes(t, 8, 8)...):                         "WhatsApp takes a photo of at most 5.0 MB, and Parley scales down photos of up to 100.0 MB; giant.jpg has 101.0 MB.",
		filepath.Join(dir, "gone.jpg"):                                                          "Parley cannot open gone.jpg. Check that the file still exists.",
		dir:                                                                                     "is a folder. Choose a photo or a document.",
	}
	for path, want := range bad {
		_, err := w.core.CheckAttachment(path)
		var verrs app.ValidationErrors
		if !errors.As(err, &verrs) || verrs[0].Field != app.FieldAttachment || !strings.Contains(verrs[0].Message, want) {
			t.Errorf("%s: %v; want %q", filepath.Base(path), err, want)
		}
	}
}

// A photo with a caption is copied, queued, uploaded and sent: the
// customer gets it even though the original file is gone by then.
func TestPhotoReplyIsUploadedThenSent(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Can I see the cake?")
	path := writeFile(t, t.TempDir(), "cake.png", pngBytes(t))
	m, err := w.core.SendAttachment(w.ctx, cv.ID, path, "Your cake, ready at 4", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.State != app.StateQueued || m.Type != app.MsgImage || m.Media == nil || m.Media.LocalPath == "" {
		t.Fatalf("queued %+v", m)
	}
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	got := lastMessage(t, w, cv.ID)
	if got.State != app.StateSent {
		t.Fatalf("the photo shows %s %q", got.State, got.ErrorText)
	}
	sent := w.emu.Sent(testKey)
	if len(sent) != 1 || sent[0].Type != "image" || sent[0].MediaID == "" || sent[0].Caption != "Your cake, ready at 4" {
		t.Fatalf("the emulator got %+v", sent)
	}

	w.clock.Advance(25 * time.Hour) // the window closes after 24 hours
	if _, err := w.core.SendAttachment(w.ctx, cv.ID, m.Media.LocalPath, "", ""); err == nil {
		t.Fatal("a photo was accepted with the 24-hour window closed")
	}
}
