package inbox

import (
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// saveAttachments runs one pass of the background saver, as the running
// one does when an attachment arrives.
func (sw *spaceWorld) saveAttachments(t *testing.T) {
	t.Helper()
	if n, _ := sw.Core.NewMediaDownloader(app.MediaDownloadOptions{MinFreeBytes: 1}).RunOnce(sw.Ctx); n == 0 {
		t.Fatal("the saver found nothing to save")
	}
}

// A customer's PDF says it is being saved until the background saver has
// it; then the open conversation shows it as a file to open, without the
// owner clicking anything.
func TestAttachmentShowsSavingUntilSaved(t *testing.T) {
	sw := newSpaceWorld(t)
	v := sw.sendsDocument(t, "Rechnung.pdf", "application/pdf", []byte("%PDF-1.4 bill"))
	b := lastBubble(t, v.content)
	if got := texts(b); !strings.Contains(got, "PDF") || !strings.Contains(got, "saving to this computer…") {
		t.Fatalf("before it is saved the bubble shows %q", got)
	}
	sw.saveAttachments(t)
	b = lastBubble(t, v.content)
	if got := texts(b); strings.Contains(got, "saving") {
		t.Fatalf("after it was saved the bubble still shows %q", got)
	}
	m := v.msgs[len(v.msgs)-1]
	if m.Media == nil || m.Media.LocalPath == "" {
		t.Fatalf("the conversation does not know the saved file: %+v", m.Media)
	}
}

// A file WhatsApp no longer had when Parley could first fetch it says so
// in plain words.
func TestExpiredAttachmentSaysSoInItsBubble(t *testing.T) {
	sw := newSpaceWorld(t)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgDocument, "Angebot.pdf", "application/pdf", []byte("%PDF offer"), ""); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	sw.Clock.Advance(8 * 24 * time.Hour) // Parley was off for more than a week
	sw.saveAttachments(t)
	v := sw.open(t, "Anna Schmidt")
	if got := texts(lastBubble(t, v.content)); !strings.Contains(got, "Expired at WhatsApp — it could not be saved in time.") {
		t.Fatalf("the bubble shows %q", got)
	}
}
