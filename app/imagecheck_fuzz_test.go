package app

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"testing"

	"github.com/parley-app/parley/internal/testkit"
)

// fuzzBudget is the pixel budget the fuzzer decodes with: small, so each
// input is quick, and the allocation bound below is tight.
const fuzzBudget = 1 << 18

// fuzzAllocBound is the most one decode may allocate: about 24 bytes for
// each pixel of the budget (a progressive CMYK JPEG keeps 16 a pixel of
// coefficients besides the picture), the box and room for the decoders'
// tables.
const fuzzAllocBound = 24*fuzzBudget + 8<<20

// FuzzImageHeader feeds the picture check and the bounded decoder
// arbitrary bytes: they must never panic, never accept a size without
// pixels or over the budget, never return a picture larger than the box
// asked for, and never allocate much more than the budget's pixels.
func FuzzImageHeader(f *testing.F) {
	var g bytes.Buffer
	if err := gif.Encode(&g, image.NewPaletted(image.Rect(0, 0, 9, 5), color.Palette{color.Black, color.White}), nil); err != nil {
		f.Fatal(err)
	}
	f.Add(g.Bytes())
	f.Add(pngOf(f, 40, 30))
	f.Add(tinyWebP)
	f.Add(testkit.HugePNG(600, 400)) // within MaxImagePixels, over the fuzz budget
	f.Add(testkit.HugePNG(300, 200))
	for _, bomb := range pictureBombs() {
		f.Add(bomb)
	}
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, _, err := CheckImage(bytes.NewReader(data))
		if err == nil && (cfg.Width < 1 || cfg.Height < 1 || int64(cfg.Width)*int64(cfg.Height) > MaxImagePixels) {
			t.Fatalf("CheckImage accepted %d×%d", cfg.Width, cfg.Height)
		}
		var big *ImageTooLargeError
		if errors.As(err, &big) && int64(big.Width)*int64(big.Height) <= MaxImagePixels {
			t.Fatalf("CheckImage refused %d×%d as too large", big.Width, big.Height)
		}
		const boxW, boxH = 48, 32
		var img image.Image
		alloc := testkit.AllocatedBy(func() {
			img, err = decodeBounded(bytes.NewReader(data), boxW, boxH, fuzzBudget, nil)
		})
		if alloc > fuzzAllocBound {
			t.Fatalf("decoding %d bytes allocated %d bytes", len(data), alloc)
		}
		if err != nil {
			return
		}
		if b := img.Bounds(); b.Dx() < 1 || b.Dy() < 1 || b.Dx() > boxW || b.Dy() > boxH {
			t.Fatalf("asked for at most %d×%d, got %v", boxW, boxH, b)
		}
	})
}
