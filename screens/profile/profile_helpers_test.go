package profile

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// openProfilePage connects the emulator's number and opens its profile
// page from the Channels list, as the owner would.
func openProfilePage(t *testing.T, cw *coreWorld) (*profilePage, app.Channel) {
	t.Helper()
	ch := cw.AddChannel(t)
	return reopenProfilePage(t, cw, ch), ch
}

// reopenProfilePage opens the profile page of ch afresh.
func reopenProfilePage(t *testing.T, cw *coreWorld, ch app.Channel) *profilePage {
	t.Helper()
	p := openProfile(cw.env(), ch)
	if !screentest.ShowsText(cw.Window.Content(), "Business profile") {
		t.Fatalf("the profile page is not shown; the window shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
	return p
}

// syncedProfilePage opens the page of a number whose WhatsApp profile is
// remote, after Sync Profile.
func syncedProfilePage(t *testing.T, cw *coreWorld, remote app.Profile) (*profilePage, app.Channel) {
	t.Helper()
	cw.Emu.SetProfile(screentest.WorldKey, remote)
	p, ch := openProfilePage(t, cw)
	test.Tap(screentest.Button(t, p.content, "Sync Profile"))
	if p.form.about.entry.Text != remote.About {
		t.Fatalf("after Sync Profile About shows %q, want %q", p.form.about.entry.Text, remote.About)
	}
	return p, ch
}

// retype replaces the text of an entry by typing, as the owner would.
func retype(e *profileEntry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// pageShows fails the test unless the page shows every text in want.
func pageShows(t *testing.T, p *profilePage, want ...string) {
	t.Helper()
	for _, w := range want {
		if !screentest.ShowsText(p.content, w) {
			t.Errorf("the page does not show %q; it shows %q", w, screentest.VisibleTexts(p.content))
		}
	}
}

// pageHides fails the test if the page shows any text in unwanted.
func pageHides(t *testing.T, p *profilePage, unwanted ...string) {
	t.Helper()
	for _, u := range unwanted {
		if screentest.ShowsText(p.content, u) {
			t.Errorf("the page shows %q but should not", u)
		}
	}
}

// tapChoice taps the visible conflict choice with caption and value.
func tapChoice(t *testing.T, p *profilePage, caption, value string) {
	t.Helper()
	var found *conflictChoice
	screentest.WalkVisible(p.content, func(o fyne.CanvasObject) {
		if c, ok := o.(*conflictChoice); ok && c.caption == caption && c.value == value {
			found = c
		}
	})
	if found == nil {
		t.Fatalf("no choice %q: %q; the page shows %q", caption, value, screentest.VisibleTexts(p.content))
	}
	test.Tap(found)
}

// testPhoto draws a w×h picture, as JPEG or PNG.
func testPhoto(t *testing.T, w, h int, asPNG bool) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{R: uint8(x * 255 / w), G: 0x80, B: uint8(y * 255 / h), A: 0xff})
		}
	}
	var buf bytes.Buffer
	var err error
	if asPNG {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// overLimit is text of n characters.
func overLimit(n int) string { return strings.Repeat("a", n) }
