package app

import (
	"bytes"
	"fmt"
	"image"
	"io"
	"sync"

	"golang.org/x/image/draw"
)

// DecodeBounded decodes a picture for showing it in a box of maxW×maxH
// pixels: the header is checked first (CheckImage's errors), so a picture
// over MaxImagePixels is refused before any pixel is decoded; the result
// is plain RGBA, scaled down to fit the box and never up.
//
// Large pictures are decoded in turn: the ones being decoded at once hold
// at most MaxImagePixels together (a single larger one is refused anyway),
// so a conversation full of big photos cannot add up to gigabytes.
func DecodeBounded(r io.Reader, maxW, maxH int) (image.Image, error) {
	return decodeBounded(r, maxW, maxH, MaxImagePixels, decodeGate)
}

func decodeBounded(r io.Reader, maxW, maxH int, budget int64, gate *pixelGate) (image.Image, error) {
	if maxW < 1 || maxH < 1 {
		return nil, fmt.Errorf("decode picture: no room to show it (%d×%d)", maxW, maxH)
	}
	var thumb *image.RGBA
	err := decodeChecked(r, budget, gate, func(src image.Image) error {
		b := src.Bounds()
		w, h := fitWithin(b.Dx(), b.Dy(), maxW, maxH)
		thumb = image.NewRGBA(image.Rect(0, 0, w, h))
		draw.ApproxBiLinear.Scale(thumb, thumb.Bounds(), src, b, draw.Src, nil)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return thumb, nil
}

// decodeChecked decodes a picture whose header is within budget and
// hands it to use while it holds its place at the gate.
func decodeChecked(r io.Reader, budget int64, gate *pixelGate, use func(image.Image) error) error {
	var head bytes.Buffer
	cfg, _, err := checkImage(io.TeeReader(r, &head), budget)
	if err != nil {
		return err
	}
	pixels := int64(cfg.Width) * int64(cfg.Height)
	gate.acquire(pixels)
	defer gate.release(pixels)
	src, _, err := image.Decode(io.MultiReader(&head, r))
	if err != nil {
		return fmt.Errorf("decode picture: %w", err)
	}
	// A GIF's first frame may be smaller than its screen, never larger.
	b := src.Bounds()
	if b.Empty() || b.Dx() > cfg.Width || b.Dy() > cfg.Height {
		return fmt.Errorf("decode picture: the header says %d×%d but the picture is %d×%d",
			cfg.Width, cfg.Height, b.Dx(), b.Dy())
	}
	return use(src)
}

// fitWithin scales w×h down, keeping its shape, until it fits in
// maxW×maxH; it never scales up, and no side drops below one pixel.
func fitWithin(w, h, maxW, maxH int) (int, int) {
	if w <= maxW && h <= maxH {
		return w, h
	}
	// Compare w/maxW with h/maxH without dividing: the wider side decides.
	if int64(w)*int64(maxH) >= int64(h)*int64(maxW) {
		return maxW, max(1, int(int64(h)*int64(maxW)/int64(w)))
	}
	return max(1, int(int64(w)*int64(maxH)/int64(h))), maxH
}

// decodeGate is the gate every bounded decode passes.
var decodeGate = newPixelGate(MaxImagePixels)

// pixelGate lets pictures be decoded at once while their pixels together
// stay within a limit; a picture that finds the gate full waits until
// others are done. One picture alone always passes. A nil gate lets
// everything through.
type pixelGate struct {
	mu    sync.Mutex
	freed *sync.Cond
	inUse int64
	limit int64
}

func newPixelGate(limit int64) *pixelGate {
	g := &pixelGate{limit: limit}
	g.freed = sync.NewCond(&g.mu)
	return g
}

// acquire waits until n more pixels fit, then takes them.
func (g *pixelGate) acquire(n int64) {
	if g == nil {
		return
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	for g.inUse > 0 && g.inUse+n > g.limit {
		g.freed.Wait()
	}
	g.inUse += n
}

// release gives back n pixels taken by acquire.
func (g *pixelGate) release(n int64) {
	if g == nil {
		return
	}
	g.mu.Lock()
	g.inUse -= n
	g.mu.Unlock()
	g.freed.Broadcast()
}
