package app

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"io"
	"math"

	"golang.org/x/image/draw"
)

// Shrinking a photo that is over WhatsApp's limit.
const (
	// MaxShrinkSide is the longest side a shrunk photo keeps: WhatsApp
	// delivers photos of at most 4096 pixels a side anyway.
	MaxShrinkSide = 4096
	// MaxShrinkSourceBytes is the largest photo file Parley shrinks; a
	// larger one is refused before it is read.
	MaxShrinkSourceBytes = 100 << 20
	// shrinkQuality is the JPEG quality of a shrunk photo, as WhatsApp's
	// own phones use for photos.
	shrinkQuality = 82
	// shrinkTries bounds the rounds of scaling down and encoding again.
	shrinkTries = 8
)

// ShrinkPhoto reads a JPEG, PNG, GIF or WebP picture and returns it as a
// JPEG of at most limit bytes, scaled down keeping its aspect: first to
// at most MaxShrinkSide pixels a side, then smaller until it fits. The
// header is checked before any pixel is decoded, so a picture claiming
// more than MaxImagePixels (a decompression bomb) fails with an
// *ImageTooLargeError; transparent parts become white, as on WhatsApp.
func ShrinkPhoto(r io.Reader, limit int64) ([]byte, image.Point, error) {
	return shrinkPhoto(r, limit, MaxImagePixels, decodeGate)
}

func shrinkPhoto(r io.Reader, limit, budget int64, gate *pixelGate) ([]byte, image.Point, error) {
	if limit < 1024 {
		return nil, image.Point{}, fmt.Errorf("shrink photo: a limit of %d bytes leaves no room for a photo", limit)
	}
	var out []byte
	var size image.Point
	err := decodeChecked(r, budget, gate, func(src image.Image) error {
		b := src.Bounds()
		w, h := fitWithin(b.Dx(), b.Dy(), MaxShrinkSide, MaxShrinkSide)
		for range shrinkTries {
			data, err := encodeScaled(src, w, h)
			if err != nil {
				return err
			}
			if int64(len(data)) <= limit {
				out, size = data, image.Pt(w, h)
				return nil
			}
			// The file's size goes with its pixels: scale both sides by
			// the square root of what is too much, and a little more.
			f := math.Sqrt(float64(limit)/float64(len(data))) * 0.9
			nw, nh := fitWithin(w, h, max(1, int(float64(w)*f)), max(1, int(float64(h)*f)))
			if nw == w && nh == h {
				break
			}
			w, h = nw, nh
		}
		return fmt.Errorf("shrink photo: it does not fit in %s", HumanBytes(limit))
	})
	if err != nil {
		return nil, image.Point{}, err
	}
	return out, size, nil
}

// encodeScaled draws src at w×h on white and encodes it as a JPEG.
func encodeScaled(src image.Image, w, h int) ([]byte, error) {
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(dst, dst.Bounds(), image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Over, nil)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, dst, &jpeg.Options{Quality: shrinkQuality}); err != nil {
		return nil, fmt.Errorf("shrink photo: encode: %w", err)
	}
	return buf.Bytes(), nil
}
