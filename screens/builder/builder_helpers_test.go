package builder

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// openBuilder shows the builder in the core world's window, as the
// templates list's Submit Template button (or a draft's Continue editing)
// does, and returns it.
func openBuilder(t *testing.T, cw *coreWorld, ch app.Channel, draft *app.Template) *templateBuilder {
	t.Helper()
	b := newTemplateBuilder(cw.env(), ch, draft, draft != nil)
	b.show()
	if !cw.shown(b) {
		t.Fatal("the builder is not on screen")
	}
	return b
}

// shown reports whether the builder is the page on screen.
func (cw *coreWorld) shown(b *templateBuilder) bool {
	return len(cw.Nav.Stage.Objects) == 1 && cw.Nav.Stage.Objects[0] == b.content
}

// retypeInto replaces what an entry holds with text, as a user selecting
// all and typing would.
func retypeInto(e *widget.Entry, text string) {
	e.TypedShortcut(&fyne.ShortcutSelectAll{})
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDelete})
	test.Type(e, text)
}

// fillBasics types a valid name and picks Utility and English (US).
func fillBasics(b *templateBuilder, name string) {
	test.Type(b.basics.name, name)
	test.Tap(b.basics.category.row(app.CategoryUtility))
	test.Type(b.basics.language.entry, "en_US")
	b.basics.language.entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
}

// fillMinimal makes the form a valid template with only a body.
func fillMinimal(b *templateBuilder, name string) {
	fillBasics(b, name)
	test.Type(b.body.entry, "Your bread is ready for pickup.")
}

// noteShows reports whether note is visible with a message containing want.
func noteShows(n *formNote, want string) bool {
	return n.visible() && bytes.Contains([]byte(n.label.Text), []byte(want))
}

// writePNG writes a small PNG image to a file in dir and returns its path.
func writePNG(t *testing.T, dir, name string) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for x := 0; x < 64; x++ {
		for y := 0; y < 48; y++ {
			img.Set(x, y, color.RGBA{R: 0xd9, G: 0x8c, B: 0x3c, A: 0xff})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, buf.Bytes())
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// pickFilesFrom makes "Choose file…" pick path instead of showing the
// file dialog, and records the extensions the dialog would filter by.
func pickFilesFrom(t *testing.T, b *templateBuilder, path string, filter *[]string) {
	t.Helper()
	b.header.media.chooseFile = func(exts []string, done func(fyne.URIReadCloser, error)) {
		if filter != nil {
			*filter = exts
		}
		done(storage.Reader(storage.NewFileURI(path)))
	}
}

// tapDialogButton taps the button labelled text in the dialog on top of
// the window.
func tapDialogButton(t *testing.T, w fyne.Window, text string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no dialog is shown")
	}
	test.Tap(screentest.Button(t, top, text))
}
