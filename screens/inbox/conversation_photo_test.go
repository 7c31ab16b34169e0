package inbox

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/screens/screentest"
)

// A customer's photo whose header claims 30000×30000 pixels (a file of
// 91 bytes) is not decoded: the bubble says why there is no preview, and
// the photo can still be opened with another program.
func TestPictureBombInAConversationIsNotDecoded(t *testing.T) {
	sw := newSpaceWorld(t)
	bomb := testkit.HugePNG(30000, 30000)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgImage, "", "image/png", bomb, "Look at this"); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	var v *conversationView
	alloc := testkit.AllocatedBy(func() { v = sw.open(t, "Anna Schmidt") })
	// Opening the conversation and downloading the photo cost little; a
	// decoder that trusts the header reserves 900 MB.
	if alloc > 64<<20 {
		t.Errorf("opening the conversation allocated %d MB", alloc>>20)
	}
	t.Logf("opening the conversation allocated %.1f MB", float64(alloc)/(1<<20))
	b := bubbleWith(t, v.content, "Look at this")
	if got := strings.ReplaceAll(texts(b), " | ", " "); !strings.Contains(got, "This photo is too large to show here (30000 × 30000 pixels). You can still open it.") {
		t.Fatalf("the bubble shows %q", got)
	}
	screentest.WalkVisible(b, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Resource == nil {
			t.Errorf("the bubble shows a picture: %+v", img)
		}
	})
	test.Tap(screentest.ChatButton(t, b, "Open"))
	if len(sw.opened) != 1 || !strings.HasSuffix(sw.opened[0], ".png") {
		t.Fatalf("Open opened %v", sw.opened)
	}
}

// A customer's large photo is kept in memory at the size its bubble
// shows it, not at the size it was taken.
func TestPhotoPreviewIsDecodedAtTheSizeShown(t *testing.T) {
	sw := newSpaceWorld(t)
	if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgImage, "", "image/png", pngPhoto(t, 2000, 1500), "Our cake"); err != nil {
		t.Fatal(err)
	}
	sw.flush(t)
	v := sw.open(t, "Anna Schmidt")
	var pictures []*canvas.Image
	screentest.WalkVisible(bubbleWith(t, v.content, "Our cake"), func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil && img.Resource == nil {
			pictures = append(pictures, img)
		}
	})
	if len(pictures) != 1 {
		t.Fatalf("the bubble shows %d pictures, want the photo", len(pictures))
	}
	b := pictures[0].Image.Bounds()
	if b.Dx() > 320 || b.Dy() > 320 || b.Dx() < 300 {
		t.Errorf("the photo is kept at %d×%d pixels; the bubble shows it at most 320 wide or high (at scale 1)", b.Dx(), b.Dy())
	}
}

// A long history of photos does not keep every photo in memory: scrolled
// through from the newest to the oldest, the conversation holds the
// previews near the view and a few more; scrolled through again, the
// photos are shown again, decoded from the copies on this computer, and
// every row keeps its height (nothing jumps).
func TestScrollingThroughPhotosKeepsFewInMemory(t *testing.T) {
	sw := newSpaceWorld(t)
	const photos = 50
	pic := pngPhoto(t, 400, 300)
	for i := 1; i <= photos; i++ {
		if _, err := sw.Emu.InboundMedia(screentest.WorldKey, annaWAID, "Anna Schmidt", app.MsgImage, "", "image/png", pic, fmt.Sprintf("photo %d", i)); err != nil {
			t.Fatal(err)
		}
	}
	sw.flush(t)
	sw.bg.queued = true // photos are decoded after their rows are drawn, as in a window
	v := sw.open(t, "Anna Schmidt")
	sw.bg.drain()
	most := 0
	var height float32 // once every row was measured, the height to keep
	scrollTo := func(y float32) {
		v.scroll.ScrollToOffset(fyne.NewPos(0, y))
		v.followView()
		sw.bg.drain()
		most = max(most, v.media.thumbs())
		if got := v.column.MinSize().Height; height != 0 && got != height {
			t.Fatalf("the conversation was %v high and is %v at %v: rows moved", height, got, y)
		}
	}
	// toTop scrolls from the newest message to the oldest, half a screen
	// at a time, then back to the newest.
	toTopAndBack := func() {
		for y := v.scroll.Offset.Y; y > 0; y -= v.scroll.Size().Height / 2 {
			scrollTo(y)
		}
		scrollTo(0)
		scrollTo(v.column.MinSize().Height)
	}
	newestShown := func() bool {
		shown := false
		screentest.WalkVisible(bubbleWith(t, v.content, fmt.Sprintf("photo %d", photos)), func(o fyne.CanvasObject) {
			if img, ok := o.(*canvas.Image); ok && img.Image != nil && img.Resource == nil {
				shown = true
			}
		})
		return shown
	}
	if !newestShown() {
		t.Fatal("the newest photo is not shown")
	}

	toTopAndBack() // every photo is decoded once and its row measured
	height = v.column.MinSize().Height
	toTopAndBack()
	if most > maxSpareThumbs+photos/3 || most == photos {
		t.Errorf("scrolling through %d photos kept up to %d decoded", photos, most)
	}
	if !newestShown() {
		t.Error("back at the newest message, its photo is not shown again")
	}
	t.Logf("at most %d of %d photos decoded at once", most, photos)
}
