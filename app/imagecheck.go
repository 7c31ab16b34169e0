package app

import (
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // customers send GIFs,
	_ "image/jpeg" // JPEG photos mostly,
	_ "image/png"  // PNG screenshots,
	"io"

	_ "golang.org/x/image/webp" // and WebP stickers
)

// MaxImagePixels is the most pixels Parley decodes in one picture: 40
// megapixels, more than any photo WhatsApp delivers (it sends at most
// 4096 pixels a side) and than most cameras take. A decoded picture costs
// 4 to 8 bytes a pixel, so a header claiming more is refused before any
// pixel is read: a file of a few hundred bytes can claim 30000×30000.
const MaxImagePixels = 40_000_000

// ErrImageTooLarge is what an ImageTooLargeError matches with errors.Is.
var ErrImageTooLarge = errors.New("picture has too many pixels")

// ErrImageEmpty says a picture's header claims no pixels at all.
var ErrImageEmpty = errors.New("picture has no pixels")

// ImageTooLargeError reports a picture whose header claims more pixels
// than MaxImagePixels (or a budget of the caller's).
type ImageTooLargeError struct {
	Width, Height int
}

// Error says how large the picture claims to be.
func (e *ImageTooLargeError) Error() string {
	return fmt.Sprintf("picture of %d×%d pixels is over Parley's limit of %d megapixels",
		e.Width, e.Height, MaxImagePixels/1_000_000)
}

// Is makes errors.Is(err, ErrImageTooLarge) true.
func (e *ImageTooLargeError) Is(target error) bool { return target == ErrImageTooLarge }

// CheckImage reads only a picture's header and returns its size and
// format ("jpeg", "png", "gif" or "webp"). It fails with an
// *ImageTooLargeError when the picture has more than MaxImagePixels, with
// ErrImageEmpty when it has none, and otherwise when the header is not
// one Parley can read.
func CheckImage(r io.Reader) (image.Config, string, error) {
	return checkImage(r, MaxImagePixels)
}

func checkImage(r io.Reader, budget int64) (image.Config, string, error) {
	cfg, format, err := image.DecodeConfig(r)
	if err != nil {
		return image.Config{}, "", fmt.Errorf("read picture header: %w", err)
	}
	if err := checkPixels(cfg.Width, cfg.Height, budget); err != nil {
		return image.Config{}, format, err
	}
	return cfg, format, nil
}

// checkPixels refuses a size with no pixels or with more than budget,
// without overflowing however large the header's numbers are.
func checkPixels(w, h int, budget int64) error {
	if w <= 0 || h <= 0 {
		return fmt.Errorf("%w (%d×%d)", ErrImageEmpty, w, h)
	}
	if int64(w) > budget/int64(h) {
		return &ImageTooLargeError{Width: w, Height: h}
	}
	return nil
}
