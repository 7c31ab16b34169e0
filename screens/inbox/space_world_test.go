package inbox

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/widgets"
)

// Customers of the Space tests.
const (
	annaWAID = "491701234567"
	benWAID  = "491709876543"
)

// spaceWorld is a coreWorld whose core caches attachments, with one
// channel whose webhooks reach the store as the receiver would deliver
// them, and the files the Space opened.
type spaceWorld struct {
	*coreWorld
	ch     app.Channel
	opened []string
}

// newSpaceWorld builds the whole app like newCoreWorld, with a media
// folder, connects the emulator's number and registers a webhook sink.
func newSpaceWorld(t *testing.T) *spaceWorld {
	t.Helper()
	tw := testworld.New(t, testworld.Options{MediaDir: true, Start: time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local)})
	sw := &spaceWorld{coreWorld: shellFor(t, tw, fyne.NewSize(1200, 800))}
	s := sw.shell
	// Stop the open conversation's minute ticker with the test, so it
	// never fires into a later test.
	t.Cleanup(func() {
		if v := s.space.inbox.conv; v != nil {
			v.close()
		}
	})
	sw.ch = sw.AddChannel(t)
	sw.hookUp(t, sw.ch, screentest.WorldKey)
	s.show(pageSpace)
	return sw
}

// hookUp registers a webhook sink for the number with key that stores
// what it receives and tells the core, as the receiver does.
func (sw *spaceWorld) hookUp(t *testing.T, ch app.Channel, key string) {
	t.Helper()
	sink := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b, err := dialog360.ParseWebhook(body)
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
			return
		}
		if err := sw.ingest(ch, b); err != nil {
			http.Error(rw, err.Error(), http.StatusInternalServerError)
		}
	}))
	t.Cleanup(sink.Close)
	p := dialog360.New(key, dialog360.WithBaseURL(sw.Server.URL))
	if err := p.SetWebhook(sw.Ctx, app.WebhookConfig{URL: sink.URL}); err != nil {
		t.Fatal(err)
	}
}

// ingest hands a parsed payload to the core, as the receiver does.
func (sw *spaceWorld) ingest(ch app.Channel, b app.InboundBatch) error {
	_, err := sw.Core.Ingest(sw.Ctx, ch.ID, b)
	return err
}

// flush delivers the emulator's pending webhooks.
func (sw *spaceWorld) flush(t *testing.T) {
	t.Helper()
	if err := sw.Emu.Flush(sw.Ctx); err != nil {
		t.Fatal(err)
	}
}

// writes makes a customer send a text and returns its wamid.
func (sw *spaceWorld) writes(t *testing.T, waID, name, text string) string {
	t.Helper()
	id, err := sw.Emu.Inbound(screentest.WorldKey, waID, name, text)
	if err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	return id
}

// fixture stores a webhook sample from testdata/webhooks.
func (sw *spaceWorld) fixture(t *testing.T, name string) {
	t.Helper()
	body, err := os.ReadFile(filepath.Join("..", "..", "testdata", "webhooks", name))
	if err != nil {
		t.Fatal(err)
	}
	b, err := dialog360.ParseWebhook(body)
	if err != nil {
		t.Fatal(err)
	}
	if err := sw.ingest(sw.ch, b); err != nil {
		t.Fatal(err)
	}
}

// inbox is the Space's list and open conversation.
func (sw *spaceWorld) inbox() *spaceInbox { return sw.shell.space.inbox }

// conv is the open conversation, failing the test without one.
func (sw *spaceWorld) conv(t *testing.T) *conversationView {
	t.Helper()
	if sw.inbox().conv == nil {
		t.Fatal("no conversation is open")
	}
	return sw.inbox().conv
}

// open selects the conversation whose list row names who, as the owner
// clicking it would; files it opens are recorded.
func (sw *spaceWorld) open(t *testing.T, who string) *conversationView {
	t.Helper()
	in := sw.inbox()
	for i, cv := range in.shown {
		if conversationName(cv) == who {
			in.list.Select(i)
			v := sw.conv(t)
			v.media.openURL = func(u *url.URL) error {
				sw.opened = append(sw.opened, u.String())
				return nil
			}
			return v
		}
	}
	t.Fatalf("no conversation with %q in the list; it shows %v", who, in.shown)
	return nil
}

// sendQueued runs one round of the outbox.
func (sw *spaceWorld) sendQueued() {
	sw.Core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(sw.Ctx)
}

// bubbles returns the visible chat bubbles under o.
func bubbles(o fyne.CanvasObject) []*widgets.ChatBubble {
	var out []*widgets.ChatBubble
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.ChatBubble); ok {
			out = append(out, b)
		}
	})
	return out
}

// bubbleWith returns the visible bubble whose message text contains
// text, failing the test without one.
func bubbleWith(t *testing.T, o fyne.CanvasObject, text string) *widgets.ChatBubble {
	t.Helper()
	for _, b := range bubbles(o) {
		if strings.Contains(b.Message().Text, text) {
			return b
		}
	}
	t.Fatalf("no bubble with %q; the conversation shows %q", text, screentest.VisibleTexts(o))
	return nil
}

// lastBubble is the newest bubble under o.
func lastBubble(t *testing.T, o fyne.CanvasObject) *widgets.ChatBubble {
	t.Helper()
	bs := bubbles(o)
	if len(bs) == 0 {
		t.Fatalf("no bubbles; the conversation shows %q", screentest.VisibleTexts(o))
	}
	return bs[len(bs)-1]
}

// tick names the delivery tick a bubble shows ("sent", "read", …), or "".
func tick(b *widgets.ChatBubble) string {
	name := ""
	screentest.WalkVisible(b, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Resource != nil {
			if n := img.Resource.Name(); strings.HasPrefix(n, "state-") {
				name = strings.TrimSuffix(strings.TrimPrefix(n, "state-"), ".svg")
			}
		}
	})
	return name
}

// tapLabelled taps the innermost visible clickable thing under o that
// shows label (a button, or the Reply pill beside a bubble).
func tapLabelled(t *testing.T, o fyne.CanvasObject, label string) {
	t.Helper()
	var target fyne.Tappable
	screentest.WalkVisible(o, func(c fyne.CanvasObject) {
		if tap, ok := c.(fyne.Tappable); ok && c != o && screentest.ShowsText(c, label) {
			target = tap // later matches are deeper in the tree
		}
	})
	if target == nil {
		t.Fatalf("nothing labelled %q to click; it shows %q", label, screentest.VisibleTexts(o))
	}
	test.Tap(target)
}

// texts joins what a bubble shows, for assertions on its content.
func texts(o fyne.CanvasObject) string { return strings.Join(screentest.VisibleTexts(o), " | ") }

// hyperlinks returns the visible links under o.
func hyperlinks(o fyne.CanvasObject) []*widgets.ChatLink {
	var out []*widgets.ChatLink
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if h, ok := o.(*widgets.ChatLink); ok {
			out = append(out, h)
		}
	})
	return out
}

// pngPhoto is a small real PNG of w×h pixels.
func pngPhoto(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{R: uint8(x), G: uint8(y), B: 200, A: 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// bulk stores n texts from Anna, "message 1" … "message n", a minute
// apart, in one payload.
func (sw *spaceWorld) bulk(t *testing.T, n int) {
	t.Helper()
	start := sw.Clock.Now().Add(-time.Duration(n) * time.Minute)
	b := app.InboundBatch{Contacts: []app.Contact{{WAID: annaWAID, Name: "Anna Schmidt"}}}
	for i := 1; i <= n; i++ {
		b.Messages = append(b.Messages, app.Message{
			WAMessageID: fmt.Sprintf("wamid.bulk%03d", i), From: annaWAID, Type: app.MsgText, RawType: "text",
			Text: fmt.Sprintf("message %d", i), Timestamp: start.Add(time.Duration(i) * time.Minute),
		})
	}
	if err := sw.ingest(sw.ch, b); err != nil {
		t.Fatal(err)
	}
}

// topDialog is the dialog on top of the window, failing without one.
func (sw *spaceWorld) topDialog(t *testing.T) fyne.CanvasObject {
	t.Helper()
	top := sw.Window.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is open")
	}
	return top
}
