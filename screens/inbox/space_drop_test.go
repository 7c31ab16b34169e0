package inbox

import (
	"bytes"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// previewOf is the open preview of files to send, failing without one.
func previewOf(t *testing.T, v *conversationView) *filesPreview {
	t.Helper()
	if v.filesPreview == nil {
		t.Fatal("no preview of files is open")
	}
	return v.filesPreview
}

// dialogContent is what the preview shows, its buttons included.
func (p *filesPreview) dialogContent() fyne.CanvasObject {
	return container.NewVBox(p.body, p.cancel, p.send)
}

// writePNG writes a w×h PNG of noise (it does not compress) to dir/name.
func writePNG(t *testing.T, dir, name string, w, h int) string {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(3, 4))
	for i := range img.Pix {
		img.Pix[i] = uint8(r.IntN(256))
	}
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 0xff
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func fileURIs(paths ...string) []fyne.URI {
	var out []fyne.URI
	for _, p := range paths {
		out = append(out, storage.NewFileURI(p))
	}
	return out
}

// The owner drops four files on Anna's conversation: a photo, a 7 MB
// photo, a PDF and a program. The preview shows each with its size, the
// photos with thumbnails, the big one as scaled down, the program with
// why not; with a caption each, Send queues three messages in the order
// dropped, and WhatsApp gets them with their captions.
func TestDroppedFilesArePreviewedThenSentInOrder(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Send me the menu and photos please")
	v := sw.open(t, "Anna Schmidt")
	dir := t.TempDir()
	small := writePNG(t, dir, "cake.png", 40, 30)
	big := writePNG(t, dir, "shop.png", 1600, 1200) // 1.9 M pixels of noise: about 7 MB
	pdf := filepath.Join(dir, "menu.pdf")
	exe := filepath.Join(dir, "setup.exe")
	for p, data := range map[string]string{pdf: "%PDF-1.4 menu", exe: "MZ"} {
		if err := os.WriteFile(p, []byte(data), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if st, _ := os.Stat(big); st.Size() <= app.MaxImageBytes {
		t.Fatalf("the big photo has only %d bytes", st.Size())
	}
	v.composer.entry.SetText("Our cake")

	sw.shell.space.DropFiles(fyne.NewPos(500, 300), fileURIs(small, big, pdf, exe))
	p := previewOf(t, v)
	shown := texts(p.dialogContent())
	for _, want := range []string{"cake.png", "shop.png", "menu.pdf", "setup.exe", "sent scaled down", "none of these", "Send 3 files"} {
		if !strings.Contains(shown, want) {
			t.Errorf("the preview does not show %q: %s", want, shown)
		}
	}
	if p.files[0].thumb == nil || p.files[1].thumb == nil || p.files[2].thumb != nil {
		t.Error("the photos should have thumbnails and the PDF none")
	}
	if b := p.files[1].thumb.Bounds(); b.Dx() > fileThumbSide || b.Dy() > fileThumbSide {
		t.Errorf("the big photo's thumbnail is %v, decoded larger than the preview", b)
	}
	if p.captions[0].Text != "Our cake" || p.captions[3] != nil {
		t.Fatalf("captions: first %q, the program has a field: %v", p.captions[0].Text, p.captions[3] != nil)
	}
	test.Type(p.captions[1], "The shop")
	test.Type(p.captions[2], "Today's menu")
	test.Tap(p.send)

	if v.filesPreview != nil {
		t.Fatalf("the preview stays open: %s", texts(p.dialogContent()))
	}
	if v.composer.entry.Text != "" {
		t.Errorf("the caption stayed in the field: %q", v.composer.entry.Text)
	}
	bs := bubbles(v.content)
	if len(bs) != 4 {
		t.Fatalf("%d bubbles after sending, want the question and 3 files", len(bs))
	}
	for i, want := range []string{"Our cake", "The shop", "Today's menu"} {
		if got := bs[i+1].Message().Text; got != want {
			t.Errorf("file %d shows caption %q, want %q", i+1, got, want)
		}
	}
	sw.sendQueued()
	sw.sendQueued()
	sw.sendQueued()
	sent := sw.Emu.Sent(screentest.WorldKey)
	if len(sent) != 3 {
		t.Fatalf("WhatsApp got %d messages: %+v", len(sent), sent)
	}
	for i, want := range []struct{ typ, caption string }{{"image", "Our cake"}, {"image", "The shop"}, {"document", "Today's menu"}} {
		if sent[i].Type != want.typ || sent[i].Caption != want.caption {
			t.Errorf("send %d is %s %q, want %s %q", i, sent[i].Type, sent[i].Caption, want.typ, want.caption)
		}
	}
}

// Files dropped with no conversation open, or with its window closed,
// are not sent; a note says why.
func TestDroppedFilesNeedAnOpenConversation(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Hi")
	photo := writePNG(t, t.TempDir(), "cake.png", 20, 20)
	sw.shell.space.DropFiles(fyne.Position{}, fileURIs(photo))
	if !screentest.ShowsText(sw.Window.Canvas().Overlays().Top(), textDropNoConversation) {
		t.Fatal("no note says to open a conversation")
	}
	sw.Window.Canvas().Overlays().Top().Hide()

	v := sw.open(t, "Anna Schmidt")
	sw.Clock.Advance(25 * time.Hour)
	v.tick()
	sw.shell.space.DropFiles(fyne.Position{}, fileURIs(photo))
	if v.filesPreview != nil || !screentest.ShowsText(sw.Window.Canvas().Overlays().Top(), textDropWindowClosed) {
		t.Fatal("files dropped with the window closed were offered for sending")
	}
	if len(sw.Emu.Sent(screentest.WorldKey)) != 0 {
		t.Fatal("something was sent")
	}
}

// TestFilesDroppedOnAnOpenPreviewJoinIt: files dropped while the preview
// waits join it after its files, and the captions typed stay.
func TestFilesDroppedOnAnOpenPreviewJoinIt(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "Send me photos please")
	v := sw.open(t, "Anna Schmidt")
	dir := t.TempDir()
	first := writePNG(t, dir, "cake.png", 40, 30)
	second := writePNG(t, dir, "tart.png", 40, 30)
	sw.shell.space.DropFiles(fyne.NewPos(500, 300), fileURIs(first))
	test.Type(previewOf(t, v).captions[0], "The cake")

	sw.shell.space.DropFiles(fyne.NewPos(500, 300), fileURIs(second))
	p := previewOf(t, v)
	if len(p.files) != 2 || filepath.Base(p.files[0].path) != "cake.png" || filepath.Base(p.files[1].path) != "tart.png" {
		t.Fatalf("the preview holds %+v, want cake then tart", p.files)
	}
	if p.captions[0].Text != "The cake" || p.captions[1].Text != "" {
		t.Errorf("captions %q and %q, want the typed one kept", p.captions[0].Text, p.captions[1].Text)
	}
	if !strings.Contains(texts(p.dialogContent()), "Send 2 files") {
		t.Errorf("the preview shows %s", texts(p.dialogContent()))
	}
	if top := sw.Window.Canvas().Overlays().List(); len(top) != 1 {
		t.Errorf("%d dialogs are open, want the one preview", len(top))
	}
}
