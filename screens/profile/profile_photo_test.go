package profile

import (
	"image"
	_ "image/jpeg" // decode the photo WhatsApp serves
	"net/http"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/screens/screentest"
)

func TestProfilePhotoIsCroppedAndSaved(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, bakery)
	pageShows(t, p, "No profile photo yet.")

	p.photo.onPhotoChosen("shopfront.png", testPhoto(t, 900, 600, true))
	pageShows(t, p, "shopfront.png: 900×600 PNG", "Crop to 640×640", "WhatsApp shows profile photos as a 640×640 square")
	pageHides(t, p, "No profile photo yet.")
	if !kit.SameImageData(p.preview.photo, p.photo.chosen.data) {
		t.Error("the preview does not show the chosen photo")
	}

	test.Tap(screentest.Button(t, p.content, "Crop to 640×640"))
	pageShows(t, p, "Cropped to 640×640 JPEG")
	pageHides(t, p, "Crop to 640×640", "cuts off the rest")
	test.Tap(screentest.Button(t, p.content, "Save"))

	url := cw.Emu.Profile(screentest.WorldKey).PhotoURL
	if url == "" {
		t.Fatal("the photo did not reach WhatsApp")
	}
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	img, format, err := image.Decode(resp.Body)
	if err != nil || format != "jpeg" || img.Bounds().Dx() != 640 || img.Bounds().Dy() != 640 {
		t.Fatalf("WhatsApp has a %s photo of %v (%v)", format, img.Bounds(), err)
	}
	pageShows(t, p, "The photo your customers see now.", "Your profile changes are live on WhatsApp")

	// Opened again later, the page shows the photo from WhatsApp.
	test.Tap(screentest.Button(t, p.content, "Sync Profile"))
	test.Tap(screentest.Button(t, p.content, "Channels"))
	p = reopenProfilePage(t, cw, ch)
	if p.photo.current == nil {
		t.Error("the reopened page does not show WhatsApp's photo")
	}
}

func TestProfilePhotoProblemsAreShownNextToThePhoto(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)

	p.photo.onPhotoChosen("icon.jpg", testPhoto(t, 120, 100, false))
	pageShows(t, p, "This image is too small (120×100). WhatsApp needs at least 192×192")
	test.Tap(screentest.Button(t, p.content, "Save"))
	pageShows(t, p, "Nothing was saved. Please correct what is marked in red.")
	if cw.Emu.Profile(screentest.WorldKey).PhotoURL != "" {
		t.Fatal("a too-small photo reached WhatsApp")
	}

	p.photo.onPhotoChosen("notes.png", []byte("these are my notes, not a picture"))
	pageShows(t, p, "Choose a JPEG or PNG image. This file is not one Parley can read.")
	pageHides(t, p, "Crop to 640×640", "too small")

	test.Tap(screentest.Button(t, p.content, "Keep the current photo"))
	pageShows(t, p, "No profile photo yet.")
	pageHides(t, p, "Choose a JPEG or PNG image")
}

func TestProfilePhotoSavedOfflineWaitsWithTheEdit(t *testing.T) {
	cw := newCoreWorld(t)
	p, ch := syncedProfilePage(t, cw, bakery)
	cw.Emu.SetOffline(true)
	square := testPhoto(t, 640, 640, false)
	p.photo.onPhotoChosen("square.jpg", square)
	pageHides(t, p, "Crop to 640×640")
	test.Tap(screentest.Button(t, p.content, "Save"))
	pageShows(t, p, "Pending — will sync when online", "New photo, saved on this laptop")

	test.Tap(screentest.Button(t, p.content, "Channels"))
	p = reopenProfilePage(t, cw, ch)
	pageShows(t, p, "New photo, saved on this laptop")
	cw.Emu.SetOffline(false)
	if n, err := cw.Core.PushPendingProfiles(cw.Ctx); n != 1 || err != nil {
		t.Fatalf("push: %d, %v", n, err)
	}
	if cw.Emu.Profile(screentest.WorldKey).PhotoURL == "" {
		t.Fatal("the pending photo did not reach WhatsApp")
	}
	pageShows(t, p, "The photo your customers see now.", "Your profile changes are live on WhatsApp")
	if rec, _ := cw.Core.Profile(cw.Ctx, ch.ID); rec.Pending != nil {
		t.Errorf("still pending: %+v", rec.Pending.Note())
	}
}

// A picked file whose header claims 30000×30000 pixels is refused at the
// photo with a plain reason, before it is decoded: no crop, no Save, no
// picture. WhatsApp's own photo, were it such a file, is not decoded
// either.
func TestProfilePhotoBombIsRefusedBeforeDecoding(t *testing.T) {
	cw := newCoreWorld(t)
	p, _ := syncedProfilePage(t, cw, bakery)
	p.photo.onPhotoChosen("shopfront.png", testPhoto(t, 900, 600, true))
	if shown := screentest.ShownPictures(p.content); shown != 2 {
		t.Fatalf("a good photo is shown %d times, want the form and the preview", shown)
	}
	bomb := testkit.HugePNG(30000, 30000)
	alloc := testkit.AllocatedBy(func() {
		p.photo.onPhotoChosen("poster.png", bomb)
		p.content.Refresh()
	})
	if alloc > 64<<20 {
		t.Errorf("choosing a %d-byte picture bomb allocated %d MB", len(bomb), alloc>>20)
	}
	t.Logf("choosing the picture bomb allocated %.1f MB", float64(alloc)/(1<<20))
	pageShows(t, p, "This image is 30000×30000 pixels, more than Parley can open (at most 40 megapixels). Choose a smaller photo.")
	pageHides(t, p, "Crop to 640×640")
	if shown := screentest.ShownPictures(p.content); shown != 0 {
		t.Errorf("the page shows %d pictures of the bomb", shown)
	}
	test.Tap(screentest.Button(t, p.content, "Save"))
	pageShows(t, p, "Nothing was saved. Please correct what is marked in red.")
	if cw.Emu.Profile(screentest.WorldKey).PhotoURL != "" {
		t.Fatal("the picture bomb reached WhatsApp")
	}

	test.Tap(screentest.Button(t, p.content, "Keep the current photo"))
	alloc = testkit.AllocatedBy(func() {
		p.photo.setCurrent(bomb, false)
		p.content.Refresh()
	})
	if alloc > 64<<20 {
		t.Errorf("showing a picture bomb as WhatsApp's photo allocated %d MB", alloc>>20)
	}
}
