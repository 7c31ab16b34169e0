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

	"github.com/parley-app/parley/app"
)

// pngOfSize is a real PNG of n×n pixels, so two photos differ.
func pngOfSize(t *testing.T, n int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, n, n))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// syncedTemplate adds tpl at the emulator, syncs, and returns it as
// Parley stored it.
func syncedTemplate(t *testing.T, w *world, ch app.Channel, tpl app.Template) app.Template {
	t.Helper()
	if err := w.emu.AddTemplate(testKey, tpl); err != nil {
		t.Fatal(err)
	}
	if _, err := w.core.SyncTemplates(w.ctx, ch.ID, nil); err != nil {
		t.Fatal(err)
	}
	list, err := w.core.Templates(w.ctx, ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, got := range list.Templates {
		if got.Name == tpl.Name && got.Language == tpl.Language {
			return got
		}
	}
	t.Fatalf("template %s was not synced", tpl.Name)
	return app.Template{}
}

// headerFileProblem is the problem the core reports at the header's
// file field, or "".
func headerFileProblem(err error) string {
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		return ""
	}
	return verrs.For(app.FieldTemplateHeaderFile)
}

// A template with a photo header goes out with the photo the owner
// chose, never with its review sample: the file is copied, queued,
// uploaded through /media and named by its media id. The next send
// offers the same photo again, from Parley's own copy.
func TestMediaHeaderTemplateSendUploadsTheChosenFile(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Any offers?")
	tpl := syncedTemplate(t, w, ch, app.Template{Name: "spring_sale", Language: "en", Category: app.CategoryMarketing,
		Status: app.TemplateApproved, Body: "Spring sale: 20% off everything!",
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: pngOfSize(t, 4), MediaName: "sample.png", MediaMIME: "image/png"}})
	if tpl.Header.Example == "" {
		t.Fatal("the synced template has no sample")
	}
	if last, err := w.core.LastHeaderFile(w.ctx, ch.ID, tpl); err != nil || last != (app.HeaderFile{}) {
		t.Fatalf("before any send the last file is %+v, %v", last, err)
	}

	v := app.DefaultTemplateValues(tpl, cv)
	_, err := w.core.SendTemplateMessage(w.ctx, cv.ID, tpl, v)
	if got := headerFileProblem(err); got != "Choose the photo to send in the header." {
		t.Fatalf("without a file: %v", err)
	}
	dir := t.TempDir()
	for name, want := range map[string]string{
		writeFile(t, dir, "menu.pdf", []byte("%PDF-1.4 menu")):                                  "This template's header takes a photo (JPG or PNG); menu.pdf is not one.",
		writeFile(t, dir, "fake.png", []byte("MZ not a picture")):                               "fake.png is not a real PNG file. Save it again as JPG or PNG.",
		writeFile(t, dir, "huge.jpg", append([]byte{0xff, 0xd8, 0xff}, make([]byte, 6<<20)...)): "WhatsApp takes a header photo of at most 5 MB; huge.jpg has 6.0 MB.",
		filepath.Join(dir, "gone.png"):                                                          "Parley cannot open gone.png.",
	} {
		v.HeaderFile = name
		if _, err := w.core.SendTemplateMessage(w.ctx, cv.ID, tpl, v); !strings.Contains(headerFileProblem(err), want) {
			t.Errorf("%s: %v; want %q", filepath.Base(name), err, want)
		}
	}
	if got := lastMessage(t, w, cv.ID); got.Direction != app.Inbound {
		t.Fatalf("a refused template was queued: %+v", got)
	}

	photo := pngOfSize(t, 16)
	v.HeaderFile = writeFile(t, dir, "flyer.png", photo)
	m, err := w.core.SendTemplateMessage(w.ctx, cv.ID, tpl, v)
	if err != nil {
		t.Fatal(err)
	}
	if m.State != app.StateQueued || m.Media == nil || m.Media.LocalPath == "" || m.Media.LocalPath == v.HeaderFile || m.Media.Filename != "flyer.png" {
		t.Fatalf("queued %+v with media %+v", m, m.Media)
	}
	if err := os.Remove(v.HeaderFile); err != nil { // the owner tidies up
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent {
		t.Fatalf("the template shows %s %q", got.State, got.ErrorText)
	}
	sent := w.emu.Sent(testKey)
	if len(sent) != 1 || sent[0].Template == nil || sent[0].Template.HeaderMediaID == "" || sent[0].Template.HeaderMediaLink != "" {
		t.Fatalf("WhatsApp got %+v", sent)
	}
	if up, ok := w.emu.Media(testKey, sent[0].Template.HeaderMediaID); !ok || !bytes.Equal(up.Data, photo) || up.MIMEType != "image/png" {
		t.Fatalf("the header names media %q holding %d bytes of %s, not the flyer", sent[0].Template.HeaderMediaID, len(up.Data), up.MIMEType)
	}

	last, err := w.core.LastHeaderFile(w.ctx, ch.ID, tpl)
	if err != nil || last.Name != "flyer.png" || last.Path != m.Media.LocalPath {
		t.Fatalf("the file offered next is %+v, %v; want the copy of flyer.png", last, err)
	}
	v.HeaderFile = last.Path
	again, err := w.core.SendTemplateMessage(w.ctx, cv.ID, tpl, v)
	if err != nil {
		t.Fatal(err)
	}
	if again.Media.LocalPath != last.Path || again.Media.Filename != "flyer.png" {
		t.Fatalf("the second send keeps %+v, not the copy it was offered", again.Media)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	sent = w.emu.Sent(testKey)
	if len(sent) != 2 || sent[1].Template.HeaderMediaID == "" {
		t.Fatalf("WhatsApp got %+v", sent)
	}
	if up, ok := w.emu.Media(testKey, sent[1].Template.HeaderMediaID); !ok || !bytes.Equal(up.Data, photo) {
		t.Fatal("the second send does not carry the flyer")
	}
}

// A document header carries its file name, so the customer sees
// "price-list.pdf" rather than an untitled file; a new conversation with
// a wrong file is not started at all.
func TestDocumentHeaderCarriesItsFileName(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	tpl := syncedTemplate(t, w, ch, app.Template{Name: "price_list", Language: "en", Category: app.CategoryUtility,
		Status: app.TemplateApproved, Body: "Here are this month's prices.",
		Header: app.TemplateHeader{Format: app.HeaderDocument, Media: []byte("%PDF-1.4 sample"), MediaName: "sample.pdf", MediaMIME: "application/pdf"}})
	dir := t.TempDir()
	v := app.TemplateValues{HeaderFile: writeFile(t, dir, "prices.png", pngOfSize(t, 4))}
	_, err := w.core.StartConversation(w.ctx, ch.ID, "+49 170 5550123", tpl, v)
	if !strings.Contains(headerFileProblem(err), "takes a document (PDF)") {
		t.Fatalf("a photo as the document: %v", err)
	}
	if cvs, err := w.core.Conversations(w.ctx, ch.ID); err != nil || len(cvs) != 0 {
		t.Fatalf("a refused template started %d conversations (%v)", len(cvs), err)
	}
	v.HeaderFile = writeFile(t, dir, "price-list.pdf", []byte("%PDF-1.4 prices"))
	m, err := w.core.StartConversation(w.ctx, ch.ID, "+49 170 5550123", tpl, v)
	if err != nil {
		t.Fatal(err)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if got := lastMessage(t, w, m.ConversationID); got.State != app.StateSent {
		t.Fatalf("the template shows %s %q", got.State, got.ErrorText)
	}
	sent := w.emu.Sent(testKey)
	if len(sent) != 1 || sent[0].Template.HeaderMediaID == "" || !strings.Contains(string(sent[0].Raw), `"filename":"price-list.pdf"`) {
		t.Fatalf("WhatsApp got %+v", sent)
	}
}
