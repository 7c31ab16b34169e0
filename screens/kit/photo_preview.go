package kit

import (
	"bytes"
	"image"
	"log/slog"
	"slices"
	"sync"

	"fyne.io/fyne/v2/canvas"

	"github.com/parley-app/parley/app"
)

// photoPreviewSide is the box pictures on forms are decoded into: the
// profile form shows the photo at 112, its preview at 96 and the template
// builder a sample at 120×90, so this is sharp on a high-density screen
// too.
const photoPreviewSide = 320

// PhotoPreviews holds the decoded pictures of the forms (profile photos,
// template samples), so a form and its preview, redrawn on every
// keystroke, decode each picture once. The pictures come from files the
// owner picks and from WhatsApp, so they go through app.DecodeBounded: a
// picture over app.MaxImagePixels is refused from its header and never
// handed to Fyne to decode whole.
var PhotoPreviews previewCache

// previewCache remembers the last few decoded pictures by their data. It
// is safe for concurrent use, so slow work can decode a picture before
// the UI goroutine shows it.
type previewCache struct {
	mu      sync.Mutex
	entries []previewEntry // the newest last
}

type previewEntry struct {
	data []byte
	img  image.Image // nil when the picture cannot be shown
}

// previewCacheSize is how many pictures the cache keeps: the current
// profile photo, the chosen one and its cropped copy, or a sample.
const previewCacheSize = 4

// Get returns the picture data holds, scaled to photoPreviewSide,
// decoding it on first use; nil when there is no data or it cannot be
// shown.
func (c *previewCache) Get(data []byte) image.Image {
	if len(data) == 0 {
		return nil
	}
	c.mu.Lock()
	for _, e := range c.entries {
		if SameImageData(e.data, data) {
			c.mu.Unlock()
			return e.img
		}
	}
	c.mu.Unlock()
	img, err := app.DecodeBounded(bytes.NewReader(data), photoPreviewSide, photoPreviewSide)
	if err != nil {
		slog.Info("photo preview", "err", err)
		img = nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries = append(c.entries, previewEntry{data: data, img: img})
	if len(c.entries) > previewCacheSize {
		c.entries = slices.Delete(c.entries, 0, len(c.entries)-previewCacheSize)
	}
	return img
}

// PhotoPicture is data's picture ready to draw, or nil when there is none
// or it cannot be shown.
func PhotoPicture(data []byte) *canvas.Image {
	img := PhotoPreviews.Get(data)
	if img == nil {
		return nil
	}
	pic := canvas.NewImageFromImage(img)
	pic.ScaleMode = canvas.ImageScaleSmooth
	return pic
}

// SameImageData reports whether a and b are the same slice (not merely equal
// content), which is all the preview needs to skip a redraw.
func SameImageData(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}
