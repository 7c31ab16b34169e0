package app_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/persistence"
)

// withMediaDir returns a core on w's store and emulator that caches
// attachments in a fresh folder.
func withMediaDir(t *testing.T, w *world) (*app.Core, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "media")
	core := app.New(app.Deps{
		Store:     w.store,
		Secrets:   persistence.NewKeyringSecrets(),
		Providers: dialog360.Factory(dialog360.WithBaseURL(w.server.URL), dialog360.WithRetry(1, time.Millisecond)),
		Clock:     w.clock,
		MediaDir:  dir,
	})
	return core, dir
}

// customerSends makes a customer send a file and returns the stored message.
func customerSends(t *testing.T, w *world, ch app.Channel, kind app.MessageType, name, mimeType string, data []byte) app.Message {
	t.Helper()
	if _, err := w.emu.InboundMedia(testKey, "491701234567", "Anna", kind, name, mimeType, data, ""); err != nil {
		t.Fatal(err)
	}
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
	cv, err := w.store.ConversationFor(w.ctx, ch.ID, "491701234567", "")
	if err != nil {
		t.Fatal(err)
	}
	return lastMessage(t, w, cv.ID)
}

func TestDownloadMediaCachesTheFile(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	core, dir := withMediaDir(t, w)
	photo := []byte("\x89PNG\r\n\x1a\nnot really a picture")
	m := customerSends(t, w, ch, app.MsgImage, "", "image/png", photo)

	path, err := core.DownloadMedia(w.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir || !strings.HasSuffix(path, ".png") {
		t.Fatalf("cached at %q, want a .png in %q", path, dir)
	}
	if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, photo) {
		t.Fatalf("cached file holds %q (%v)", got, err)
	}
	if stored, _ := w.store.Message(w.ctx, m.ID); stored.Media.LocalPath != path {
		t.Fatalf("message remembers %q, want %q", stored.Media.LocalPath, path)
	}
	// The cached copy is used without asking 360dialog again.
	w.emu.SetOffline(true)
	if again, err := core.DownloadMedia(w.ctx, m.ID); err != nil || again != path {
		t.Fatalf("second open: %q %v", again, err)
	}
}

func TestFailedDownloadCanBeRetried(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	core, dir := withMediaDir(t, w)
	m := customerSends(t, w, ch, app.MsgDocument, "../../Rechnung 117.pdf", "application/pdf", []byte("%PDF-1.4"))

	w.emu.SetOffline(true)
	if _, err := core.DownloadMedia(w.ctx, m.ID); err == nil {
		t.Fatal("a download without network succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Fatalf("a failed download left %d files behind", len(entries))
	}
	w.emu.SetOffline(false)
	path, err := core.DownloadMedia(w.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(dir, fmt.Sprintf("%d.pdf", m.ID)); path != want {
		t.Fatalf("document saved as %q, want %q", path, want)
	}
}

func TestDownloadMediaWithoutFolderOrAttachment(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	m := customerSends(t, w, ch, app.MsgImage, "", "image/jpeg", []byte{0xff, 0xd8})
	noFolder := app.New(app.Deps{
		Store:     w.store,
		Secrets:   persistence.NewKeyringSecrets(),
		Providers: dialog360.Factory(dialog360.WithBaseURL(w.server.URL), dialog360.WithRetry(1, time.Millisecond)),
		Clock:     w.clock,
	})
	if _, err := noFolder.DownloadMedia(w.ctx, m.ID); !errors.Is(err, app.ErrNoMediaDir) {
		t.Fatalf("without a media folder: %v", err)
	}
	core, _ := withMediaDir(t, w)
	text := customerWrites(t, w, ch, "491701234567", "Anna", "no file here")
	if _, err := core.DownloadMedia(w.ctx, lastMessage(t, w, text.ID).ID); err == nil {
		t.Fatal("a text message had something to download")
	}
}

// TestSavedNameComesFromTheTypeNotTheSender: a customer chooses the name
// of the file they send, so it must never choose what the saved copy
// does when opened. Parley names the copy after the message and gives it
// the extension of the type WhatsApp reports, from a short list of
// documents, pictures, sounds and videos; anything else becomes ".bin".
// The sender's name stays with the message, to show.
func TestSavedNameComesFromTheTypeNotTheSender(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	core, dir := withMediaDir(t, w)
	cases := []struct {
		kind     app.MessageType
		name     string
		mimeType string
		wantExt  string
	}{
		{app.MsgDocument, "invoice.pdf.exe", "application/pdf", ".pdf"},
		{app.MsgDocument, "run.desktop", "application/x-desktop", ".bin"},
		{app.MsgDocument, "x.command", "application/octet-stream", ".bin"},
		{app.MsgDocument, "setup.sh", "application/x-sh", ".bin"},
		{app.MsgDocument, "Rechnung\u202Efdp.exe", "application/pdf", ".pdf"},
		{app.MsgDocument, "../../Angebot.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"},
		{app.MsgDocument, "Fotos.zip", "application/zip", ".zip"},
		{app.MsgDocument, "page.html", "text/html", ".bin"},
		{app.MsgImage, "", "image/jpeg", ".jpg"},
		{app.MsgAudio, "", "audio/ogg; codecs=opus", ".ogg"},
	}
	for _, tc := range cases {
		m := customerSends(t, w, ch, tc.kind, tc.name, tc.mimeType, []byte("MZ\x90\x00 whatever the sender put in"))
		path, err := core.DownloadMedia(w.ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("%d%s", m.ID, tc.wantExt); filepath.Base(path) != want || filepath.Dir(path) != dir {
			t.Errorf("%q sent as %s was saved as %q, want %q in %q", tc.name, tc.mimeType, path, want, dir)
		}
		if stored, _ := w.store.Message(w.ctx, m.ID); stored.Media.Filename != tc.name {
			t.Errorf("the sender's name %q was not kept with the message: %q", tc.name, stored.Media.Filename)
		}
	}
}
