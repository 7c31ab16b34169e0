package screens

import (
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// fakeDisk is a disk whose free space the test sets.
type fakeDisk struct{ free atomic.Uint64 }

func (d *fakeDisk) FreeBytes(string) (uint64, error) { return d.free.Load(), nil }

// When the disk is nearly full the window says on every page that saving
// attachments is paused, and the strip goes once there is room again.
func TestMediaBannerShowsWhileTheDiskIsFull(t *testing.T) {
	disk := &fakeDisk{}
	disk.free.Store(100 << 20)
	w := screentest.NewWorldWith(t, func(d *app.Deps) { d.MediaDir, d.Disk = t.TempDir(), disk })
	s := newShell(w.Window, Deps{Core: w.Core, Channels: w.Core, Version: "9.9.9"}, uiPrefs{p: w.App.Preferences()}, screentest.RunNow)
	w.Window.SetContent(s.content)
	var content fyne.CanvasObject = s.content
	const paused = "Saving attachments is paused: less than 500 MB is free on this disk."
	if screentest.ShowsText(content, paused) {
		t.Fatal("a banner before the disk was measured")
	}
	saver := w.Core.NewMediaDownloader(app.MediaDownloadOptions{MinFreeBytes: 500 << 20})
	saver.RunOnce(w.Ctx)
	if !screentest.ShowsText(content, paused+" Free some space and Parley carries on by itself.") {
		t.Fatalf("with 100 MB free the window shows %q", screentest.VisibleTexts(content))
	}
	disk.free.Store(5 << 30)
	saver.RunOnce(w.Ctx)
	if screentest.ShowsText(content, paused) {
		t.Fatal("the banner stays after space was freed")
	}
}
