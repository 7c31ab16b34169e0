package app_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/persistence"
)

// fakeDisk is a disk whose free space the test sets.
type fakeDisk struct {
	mu   sync.Mutex
	free uint64
}

func (d *fakeDisk) FreeBytes(string) (uint64, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.free, nil
}

func (d *fakeDisk) set(free uint64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.free = free
}

// saver is a core with a media folder, a fake disk with room to spare,
// and the events it published.
type saver struct {
	core   *app.Core
	dir    string
	disk   *fakeDisk
	mu     sync.Mutex
	events []app.Event
}

func newSaver(t *testing.T, w *world) *saver {
	t.Helper()
	s := &saver{dir: filepath.Join(t.TempDir(), "media"), disk: &fakeDisk{free: 10 << 30}}
	s.core = app.New(app.Deps{
		Store:     w.store,
		Secrets:   persistence.NewKeyringSecrets(),
		Providers: dialog360.Factory(dialog360.WithBaseURL(w.server.URL), dialog360.WithRetry(1, time.Millisecond)),
		Clock:     w.clock,
		MediaDir:  s.dir,
		Disk:      s.disk,
	})
	t.Cleanup(s.core.Events().Subscribe(func(e app.Event) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.events = append(s.events, e)
	}))
	return s
}

// published returns the events of kind published so far.
func (s *saver) published(kind app.EventKind) []app.Event {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []app.Event
	for _, e := range s.events {
		if e.Kind == kind {
			out = append(out, e)
		}
	}
	return out
}

// savedFile returns the stored message and the content of its saved
// attachment ("" and no error check when it was not saved).
func savedFile(t *testing.T, w *world, id int64) (app.Message, string) {
	t.Helper()
	m, err := w.store.Message(w.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if m.Media.LocalPath == "" {
		return m, ""
	}
	b, err := os.ReadFile(m.Media.LocalPath)
	if err != nil {
		t.Fatalf("message %d says its file is at %s: %v", id, m.Media.LocalPath, err)
	}
	return m, string(b)
}

// TestAttachmentsAreSavedWhenTheyArrive: a photo and a PDF reach the
// media folder without anybody opening the conversation or the files,
// and an open conversation is told to redraw them.
func TestAttachmentsAreSavedWhenTheyArrive(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	photo := customerSends(t, w, ch, app.MsgImage, "", "image/jpeg", []byte("\xff\xd8 a photo"))
	pdf := customerSends(t, w, ch, app.MsgDocument, "Rechnung.pdf", "application/pdf", []byte("%PDF-1.4 a bill"))
	if _, got := savedFile(t, w, pdf.ID); got != "" {
		t.Fatal("the PDF was saved before the saver ran")
	}

	d := s.core.NewMediaDownloader(app.MediaDownloadOptions{})
	if n, _ := d.RunOnce(w.ctx); n != 2 {
		t.Fatalf("one pass handled %d attachments, want the photo and the PDF", n)
	}
	for _, c := range []struct {
		m    app.Message
		want string
		ext  string
	}{{photo, "\xff\xd8 a photo", ".jpg"}, {pdf, "%PDF-1.4 a bill", ".pdf"}} {
		m, got := savedFile(t, w, c.m.ID)
		if got != c.want || filepath.Dir(m.Media.LocalPath) != s.dir || !strings.HasSuffix(m.Media.LocalPath, c.ext) {
			t.Errorf("message %d: saved %q at %q, want %q as a %s in %s", c.m.ID, got, m.Media.LocalPath, c.want, c.ext, s.dir)
		}
	}
	changed := s.published(app.EventMessagesChanged)
	if len(changed) != 2 || !slices.Contains(changed[0].ConversationIDs, pdf.ConversationID) {
		t.Errorf("events %+v, want one redraw of the conversation per saved file", changed)
	}
	// Saved is done: nothing is fetched again, even offline.
	w.emu.SetOffline(true)
	if n, _ := d.RunOnce(w.ctx); n != 0 {
		t.Fatalf("a second pass handled %d attachments, want none", n)
	}
}

// TestOpeningAnAttachmentTakesItOffTheQueue: the owner's click and the
// background share one download path; a file saved by the click is not
// fetched again.
func TestOpeningAnAttachmentTakesItOffTheQueue(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	m := customerSends(t, w, ch, app.MsgAudio, "", "audio/ogg", []byte("OggS voice"))
	if _, err := s.core.DownloadMedia(w.ctx, m.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.core.NewMediaDownloader(app.MediaDownloadOptions{}).RunOnce(w.ctx); n != 0 {
		t.Fatalf("the saver handled %d attachments after the owner opened the only one", n)
	}
}

// TestFailedSaveIsTriedAgainLater: without network nothing is lost; the
// attachment waits a minute, then two, and is saved once WhatsApp can be
// reached again.
func TestFailedSaveIsTriedAgainLater(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	m := customerSends(t, w, ch, app.MsgVoice, "", "audio/ogg", []byte("OggS voice note"))
	d := s.core.NewMediaDownloader(app.MediaDownloadOptions{})

	w.emu.SetOffline(true)
	if n, wait := d.RunOnce(w.ctx); n != 1 || wait != time.Minute {
		t.Fatalf("offline: handled %d, next try in %v; want 1, in a minute", n, wait)
	}
	if n, _ := d.RunOnce(w.ctx); n != 0 {
		t.Fatalf("tried again at once (%d)", n)
	}
	w.clock.Advance(time.Minute)
	if n, wait := d.RunOnce(w.ctx); n != 1 || wait != 2*time.Minute {
		t.Fatalf("second failure: handled %d, next try in %v; want 1, in two minutes", n, wait)
	}
	if got, _ := savedFile(t, w, m.ID); got.Media.LocalPath != "" || got.Media.Lost != "" {
		t.Fatalf("after failures the message says %+v", got.Media)
	}

	w.emu.SetOffline(false)
	w.clock.Advance(2 * time.Minute)
	if n, _ := d.RunOnce(w.ctx); n != 1 {
		t.Fatalf("back online: handled %d", n)
	}
	if _, got := savedFile(t, w, m.ID); got != "OggS voice note" {
		t.Fatalf("back online: saved %q", got)
	}
}

// TestExpiredAttachmentSaysSo: a file WhatsApp no longer has is marked
// expired on its message, once, with nothing saved; so is one older than
// WhatsApp keeps files, without asking (360dialog blocks a number's
// media lookups after a few failures).
func TestExpiredAttachmentSaysSo(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	m := customerSends(t, w, ch, app.MsgDocument, "Angebot.pdf", "application/pdf", []byte("%PDF offer"))
	w.clock.Advance(8 * 24 * time.Hour) // Parley was off for a week

	// Parley thinks files last a month: it asks, and WhatsApp says gone.
	d := s.core.NewMediaDownloader(app.MediaDownloadOptions{TTL: 30 * 24 * time.Hour})
	if n, _ := d.RunOnce(w.ctx); n != 1 {
		t.Fatalf("handled %d", n)
	}
	got, data := savedFile(t, w, m.ID)
	if got.Media.Lost != app.MediaExpired || data != "" {
		t.Fatalf("expired at WhatsApp: lost %q, saved %q", got.Media.Lost, data)
	}
	if note := got.Media.Lost.Note(); !strings.Contains(note, "Expired at WhatsApp") {
		t.Errorf("the bubble would say %q", note)
	}
	if n, _ := d.RunOnce(w.ctx); n != 0 {
		t.Fatalf("an expired file was tried again (%d)", n)
	}

	// With WhatsApp's own week, an older file is not even asked for.
	late := customerSends(t, w, ch, app.MsgImage, "", "image/png", []byte("\x89PNG late"))
	w.clock.Advance(8 * 24 * time.Hour)
	w.emu.SetOffline(true) // any request would fail, and not as "expired"
	if n, _ := s.core.NewMediaDownloader(app.MediaDownloadOptions{}).RunOnce(w.ctx); n != 1 {
		t.Fatalf("handled %d", n)
	}
	if got, _ := savedFile(t, w, late.ID); got.Media.Lost != app.MediaExpired {
		t.Fatalf("a week-old file: lost %q, want expired", got.Media.Lost)
	}
}

// TestTooLargeFileIsLeftToTheOwner: a file over the cap is not written;
// its message says so, and the owner can still download it.
func TestTooLargeFileIsLeftToTheOwner(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	video := bytes.Repeat([]byte("v"), 64)
	m := customerSends(t, w, ch, app.MsgVideo, "", "video/mp4", video)
	if n, _ := s.core.NewMediaDownloader(app.MediaDownloadOptions{MaxItemBytes: 32}).RunOnce(w.ctx); n != 1 {
		t.Fatalf("handled %d", n)
	}
	got, data := savedFile(t, w, m.ID)
	if got.Media.Lost != app.MediaTooLarge || data != "" {
		t.Fatalf("too large: lost %q, saved %d bytes", got.Media.Lost, len(data))
	}
	if entries, _ := os.ReadDir(s.dir); len(entries) != 0 {
		t.Fatalf("the media folder holds %d files", len(entries))
	}
	if _, err := s.core.DownloadMedia(w.ctx, m.ID); err != nil {
		t.Fatalf("the owner's download of a large file: %v", err)
	}
}

// TestNearlyFullDiskPausesSaving: below the free-space threshold nothing
// is downloaded, the window is told (a banner), and saving carries on by
// itself once there is room again.
func TestNearlyFullDiskPausesSaving(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	m := customerSends(t, w, ch, app.MsgImage, "", "image/jpeg", []byte("\xff\xd8 photo"))
	d := s.core.NewMediaDownloader(app.MediaDownloadOptions{MinFreeBytes: 500 << 20})

	s.disk.set(100 << 20)
	if n, _ := d.RunOnce(w.ctx); n != 0 {
		t.Fatalf("downloaded %d files onto a nearly full disk", n)
	}
	p := s.core.MediaDownloadsPaused()
	if !p.Paused || !strings.Contains(p.Banner(), "less than 500 MB is free") {
		t.Fatalf("pause %+v, banner %q", p, p.Banner())
	}
	if n := len(s.published(app.EventMediaDownloads)); n != 1 {
		t.Fatalf("%d pause events, want 1", n)
	}
	if _, got := savedFile(t, w, m.ID); got != "" {
		t.Fatal("saved while paused")
	}

	s.disk.set(2 << 30)
	if n, _ := d.RunOnce(w.ctx); n != 1 {
		t.Fatalf("after space was freed, handled %d", n)
	}
	if p := s.core.MediaDownloadsPaused(); p.Paused || p.Banner() != "" {
		t.Fatalf("still paused: %+v", p)
	}
	if n := len(s.published(app.EventMediaDownloads)); n != 2 {
		t.Fatalf("%d pause events, want pause and resume", n)
	}
	if _, got := savedFile(t, w, m.ID); got != "\xff\xd8 photo" {
		t.Fatalf("after space was freed: saved %q", got)
	}
}

// TestOneFileThatWouldFillTheDiskWaits: a file that alone would take the
// disk below the threshold is held, not written; nothing else pauses.
func TestOneFileThatWouldFillTheDiskWaits(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	s := newSaver(t, w)
	m := customerSends(t, w, ch, app.MsgDocument, "big.pdf", "application/pdf", bytes.Repeat([]byte("p"), 4096))
	s.disk.set(1<<20 + 1024)
	d := s.core.NewMediaDownloader(app.MediaDownloadOptions{MinFreeBytes: 1 << 20})
	if n, wait := d.RunOnce(w.ctx); n != 1 || wait != time.Minute {
		t.Fatalf("handled %d, next in %v", n, wait)
	}
	if got, data := savedFile(t, w, m.ID); data != "" || got.Media.Lost != "" {
		t.Fatalf("a file that would fill the disk: saved %d bytes, lost %q", len(data), got.Media.Lost)
	}
	if s.core.MediaDownloadsPaused().Paused {
		t.Fatal("one large file paused all saving")
	}
}

// TestRunningSaverIsWokenByArrival: the running saver, which otherwise
// looks only once an hour here, saves a file as soon as it is stored.
func TestRunningSaverIsWokenByArrival(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	s := newSaver(t, w)
	hookUpCore(t, w, ch, s.core)
	saved := make(chan int64, 4)
	t.Cleanup(s.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventMessagesChanged {
			saved <- e.ConversationIDs[0]
		}
	}))
	ctx, cancel := context.WithCancel(w.ctx)
	done := make(chan struct{})
	go func() { defer close(done); s.core.RunMediaDownloads(ctx, app.MediaDownloadOptions{Poll: time.Hour}) }()
	defer func() { cancel(); <-done }()

	m := customerSends(t, w, ch, app.MsgDocument, "Lieferschein.pdf", "application/pdf", []byte("%PDF slip"))
	select {
	case <-saved:
	case <-time.After(10 * time.Second):
		t.Fatal("the running saver did not save the file that arrived")
	}
	if _, got := savedFile(t, w, m.ID); got != "%PDF slip" {
		t.Fatalf("saved %q", got)
	}
}

// hookUpCore delivers the channel's webhooks to core, as the receiver
// does.
func hookUpCore(t *testing.T, w *world, ch app.Channel, core *app.Core) {
	t.Helper()
	sink := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b, err := dialog360.ParseWebhook(body)
		if err == nil {
			_, err = core.Ingest(r.Context(), ch.ID, b)
		}
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
		}
	}))
	t.Cleanup(sink.Close)
	p := dialog360.New(testKey, dialog360.WithBaseURL(w.server.URL))
	if err := p.SetWebhook(w.ctx, app.WebhookConfig{URL: sink.URL}); err != nil {
		t.Fatal(err)
	}
}
