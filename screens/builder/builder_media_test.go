package builder

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/screens/screentest"
)

// A sample picture whose header claims 30000×30000 pixels is refused at
// the field before it is decoded; a draft that holds one (saved before
// Parley checked) opens without decoding it, in the form or the preview.
func TestBuilderSamplePictureBombIsNotDecoded(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	b := openBuilder(t, cw, ch, nil)
	test.Tap(b.header.format.button("Image"))
	pickFilesFrom(t, b, writePNG(t, t.TempDir(), "bread.png"), nil)
	test.Tap(b.header.media.choose)
	if n := screentest.ShownPictures(b.content); n != 2 {
		t.Fatalf("a good sample is shown %d times, want in the form and the preview", n)
	}
	bomb := testkit.HugePNG(30000, 30000)
	pickFilesFrom(t, b, writeFile(t, t.TempDir(), "poster.png", bomb), nil)
	alloc := testkit.AllocatedBy(func() { test.Tap(b.header.media.choose) })
	if !noteShows(b.header.media.note, "The sample image is 30000×30000 pixels, more than Parley can open (at most 40 megapixels).") ||
		b.header.media.name.Text != "bread.png" {
		t.Fatalf("the picture bomb was taken: note %q, file %q", b.header.media.note.label.Text, b.header.media.name.Text)
	}
	if alloc > 64<<20 {
		t.Errorf("choosing a %d-byte picture bomb allocated %d MB", len(bomb), alloc>>20)
	}

	draft := app.Template{Name: "poster", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateDraft,
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: bomb, MediaName: "poster.png", MediaMIME: "image/png"},
		Body:   "Our new poster is out."}
	var r *templateBuilder
	alloc = testkit.AllocatedBy(func() {
		r = openBuilder(t, cw, ch, &draft)
		r.content.Refresh()
	})
	if alloc > 64<<20 {
		t.Errorf("opening a draft with a picture bomb allocated %d MB", alloc>>20)
	}
	t.Logf("opening the draft allocated %.1f MB", float64(alloc)/(1<<20))
	if r.header.media.name.Text != "poster.png" {
		t.Fatalf("the draft's sample is not named: %q", r.header.media.name.Text)
	}
	if n := screentest.ShownPictures(r.content); n != 0 {
		t.Errorf("the builder shows %d pictures of the bomb", n)
	}
}
