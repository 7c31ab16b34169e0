package app_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testworld"
)

// fakeFiles is a MediaFiles in memory: a core built on it never touches
// the computer's files.
type fakeFiles struct {
	mu     sync.Mutex
	files  map[string][]byte
	marked []string
}

func newFakeFiles() *fakeFiles { return &fakeFiles{files: map[string][]byte{}} }

type fakeInfo struct {
	name string
	size int64
}

func (i fakeInfo) Name() string       { return i.name }
func (i fakeInfo) Size() int64        { return i.size }
func (i fakeInfo) Mode() fs.FileMode  { return 0o600 }
func (i fakeInfo) ModTime() time.Time { return time.Time{} }
func (i fakeInfo) IsDir() bool        { return false }
func (i fakeInfo) Sys() any           { return nil }

func (f *fakeFiles) get(path string) ([]byte, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	data, ok := f.files[path]
	return data, ok
}

func (f *fakeFiles) Stat(path string) (fs.FileInfo, error) {
	data, ok := f.get(path)
	if !ok {
		return nil, &fs.PathError{Op: "stat", Path: path, Err: fs.ErrNotExist}
	}
	return fakeInfo{name: filepath.Base(path), size: int64(len(data))}, nil
}

func (f *fakeFiles) Open(path string) (io.ReadCloser, error) {
	data, ok := f.get(path)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

func (f *fakeFiles) ReadFile(path string) ([]byte, error) {
	data, ok := f.get(path)
	if !ok {
		return nil, &fs.PathError{Op: "read", Path: path, Err: fs.ErrNotExist}
	}
	return bytes.Clone(data), nil
}

func (f *fakeFiles) WriteFile(path string, data []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.files[path] = bytes.Clone(data)
	return nil
}

func (f *fakeFiles) MarkFromInternet(path string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.marked = append(f.marked, path)
	return nil
}

func (f *fakeFiles) wasMarked(path string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, p := range f.marked {
		if p == path {
			return true
		}
	}
	return false
}

// worldWith is a world whose core's parts edit changes.
func worldWith(t *testing.T, edit func(*app.Deps)) *world {
	t.Helper()
	tw := testworld.New(t, testworld.Options{Edit: edit})
	return &world{core: tw.Core, store: tw.Store, emu: tw.Emu, server: tw.Server, clock: tw.Clock, ctx: context.Background(), tw: tw}
}

// mediaFolder is a folder that exists on no computer: anything the core
// writes there must go through MediaFiles.
const mediaFolder = "/nowhere/parley-media"

func TestDownloadedAttachmentIsSavedAndMarkedThroughMediaFiles(t *testing.T) {
	files := newFakeFiles()
	w := worldWith(t, func(d *app.Deps) { d.Files, d.MediaDir = files, mediaFolder })
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	photo := []byte("\x89PNG\r\n\x1a\nnot really a picture")
	m := customerSends(t, w, ch, app.MsgImage, "", "image/png", photo)

	path, err := w.core.DownloadMedia(w.ctx, m.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := files.get(path); !ok || !bytes.Equal(got, photo) || !strings.HasPrefix(path, mediaFolder) {
		t.Fatalf("the download went to %s (%d bytes in the fake, found %v)", path, len(got), ok)
	}
	if !files.wasMarked(path) {
		t.Errorf("the download was not marked as coming from the internet")
	}
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("the core wrote %s on the real disk: %v", path, err)
	}
	// The cached copy is found through MediaFiles too.
	if again, err := w.core.DownloadMedia(w.ctx, m.ID); err != nil || again != path {
		t.Fatalf("second download = %q, %v; want the cached %q", again, err, path)
	}

	dst := "/nowhere/Desktop/photo.png"
	if err := w.core.SaveAttachmentCopy(path, dst); err != nil {
		t.Fatal(err)
	}
	if got, _ := files.get(dst); !bytes.Equal(got, photo) || !files.wasMarked(dst) {
		t.Fatalf("the saved copy has %d bytes, marked %v", len(got), files.wasMarked(dst))
	}
}

func TestAttachmentIsReadKeptAndUploadedThroughMediaFiles(t *testing.T) {
	files := newFakeFiles()
	w := worldWith(t, func(d *app.Deps) { d.Files, d.MediaDir = files, mediaFolder })
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "Can I see the cake?")
	owner := "/nowhere/Pictures/cake.png"
	if err := files.WriteFile(owner, pngBytes(t)); err != nil {
		t.Fatal(err)
	}

	m, err := w.core.SendAttachment(w.ctx, cv.ID, owner, "Your cake", "")
	if err != nil {
		t.Fatal(err)
	}
	kept := m.Media.LocalPath
	if got, ok := files.get(kept); !ok || !bytes.Equal(got, pngBytes(t)) || !strings.HasPrefix(kept, mediaFolder) {
		t.Fatalf("the copy to send is %q (in the fake: %v)", kept, ok)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent {
		t.Fatalf("the photo shows %s %q", got.State, got.ErrorText)
	}
	if sent := w.emu.Sent(testKey); len(sent) != 1 || sent[0].MediaID == "" {
		t.Fatalf("the emulator got %+v", sent)
	}
}

// fakePhotos answers every photo download with one picture.
type fakePhotos struct {
	mu    sync.Mutex
	asked []string
	limit int64
	photo []byte
}

func (f *fakePhotos) FetchPhoto(_ context.Context, url string, limit int64) ([]byte, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.asked, f.limit = append(f.asked, url), limit
	return f.photo, nil
}

func TestProfilePhotoIsFetchedThroughPhotoFetcher(t *testing.T) {
	photos := &fakePhotos{photo: []byte("the photo WhatsApp serves")}
	w := worldWith(t, func(d *app.Deps) { d.Photos = photos })
	ch := w.addChannel(t)
	url := "https://pps.whatsapp.net/v/profile.jpg"
	if err := w.store.SaveRemoteProfile(w.ctx, ch.ID, app.Profile{PhotoURL: url}, w.clock.Now()); err != nil {
		t.Fatal(err)
	}
	data, err := w.core.ProfilePhoto(w.ctx, ch.ID)
	if err != nil || !bytes.Equal(data, photos.photo) {
		t.Fatalf("ProfilePhoto = %q, %v", data, err)
	}
	if len(photos.asked) != 1 || photos.asked[0] != url || photos.limit != 2*app.MaxPhotoBytes {
		t.Fatalf("the fetcher was asked for %v with limit %d", photos.asked, photos.limit)
	}
}

func TestProfilePhotoNeverFollowsARedirectToAnotherServer(t *testing.T) {
	var mu sync.Mutex
	reached := false
	other := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		mu.Lock()
		reached = true
		mu.Unlock()
	}))
	t.Cleanup(other.Close)
	cdn := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		http.Redirect(rw, r, other.URL+"/photo.jpg", http.StatusFound)
	}))
	t.Cleanup(cdn.Close)
	w := newWorld(t)
	ch := w.addChannel(t)
	if err := w.store.SaveRemoteProfile(w.ctx, ch.ID, app.Profile{PhotoURL: cdn.URL + "/photo.jpg"}, w.clock.Now()); err != nil {
		t.Fatal(err)
	}
	_, err := w.core.ProfilePhoto(w.ctx, ch.ID)
	var redirect *app.RedirectError
	if !errors.As(err, &redirect) {
		t.Fatalf("ProfilePhoto = %v; want a refused redirect", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if reached {
		t.Fatal("the photo download followed the redirect to another server")
	}
}

// fakeProbe plays a tunnel that passes the test delivery on to Parley.
type fakeProbe struct {
	mu     sync.Mutex
	url    string
	header http.Header
}

func (f *fakeProbe) Probe(_ context.Context, url string, header http.Header) (app.ProbeAnswer, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.url, f.header = url, header.Clone()
	echo := http.Header{}
	echo.Set(app.WebhookProbeHeader, header.Get(app.WebhookProbeHeader))
	return app.ProbeAnswer{StatusCode: http.StatusOK, Status: "200 OK", Header: echo}, nil
}

func TestWebhookTestIsSentThroughWebhookProbe(t *testing.T) {
	probe := &fakeProbe{}
	w := worldWith(t, func(d *app.Deps) { d.Probe = probe })
	ch := w.addChannel(t)
	saved, err := w.core.RegisterWebhook(w.ctx, ch.ID, "https://abc.trycloudflare.com")
	if err != nil {
		t.Fatal(err)
	}
	if err := w.core.TestWebhook(w.ctx, ch.ID); err != nil {
		t.Fatalf("TestWebhook = %v; want the test to pass through the fake tunnel", err)
	}
	probe.mu.Lock()
	defer probe.mu.Unlock()
	if probe.url != saved.WebhookURL || probe.header.Get(app.WebhookSecretHeader) != saved.WebhookSecret || saved.WebhookSecret == "" {
		t.Fatalf("the probe was sent to %q with secret %q; want %q with %q",
			probe.url, probe.header.Get(app.WebhookSecretHeader), saved.WebhookURL, saved.WebhookSecret)
	}
}
