package app_test

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
	"image/jpeg"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/parley-app/parley/app"
)

// noisyPhoto is a w×h picture of random pixels over a gradient: noise
// does not compress, so it makes files as large as real photos.
func noisyPhoto(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	r := rand.New(rand.NewPCG(1, 2))
	for y := range h {
		row := img.Pix[y*img.Stride:]
		for x := range w {
			copy(row[4*x:], []byte{uint8(x * 255 / w), uint8(r.Uint32()), uint8(y * 255 / h), 255})
		}
	}
	return img
}

// jpegBytes is a real w×h JPEG of noise.
func jpegBytes(t *testing.T, w, h int) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, noisyPhoto(w, h), &jpeg.Options{Quality: 100}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// bombPNG is a tiny PNG whose header claims w×h pixels: a decompression
// bomb's header, with a correct checksum so that decoders believe it.
func bombPNG(t *testing.T, w, h uint32) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 1, 1))); err != nil {
		t.Fatal(err)
	}
	data := b.Bytes()
	ihdr := data[12 : 12+4+13] // "IHDR" and its 13 bytes
	binary.BigEndian.PutUint32(ihdr[4:], w)
	binary.BigEndian.PutUint32(ihdr[8:], h)
	binary.BigEndian.PutUint32(data[12+4+13:], crc32.ChecksumIEEE(ihdr))
	return data
}

// sparseFile makes a file of size bytes that starts with head, without
// writing them all.
func sparseFile(t *testing.T, dir, name string, size int64, head ...byte) string {
	t.Helper()
	p := writeFile(t, dir, name, head)
	if err := os.Truncate(p, size); err != nil {
		t.Fatal(err)
	}
	return p
}

// A wide photo of over 5 MB (a panorama, 4800×1200) comes out a JPEG
// under 5 MB, no side over 4096 pixels, with the shape it had.
func TestShrinkPhotoKeepsTheAspectUnderTheLimit(t *testing.T) {
	src := jpegBytes(t, 4800, 1200)
	if len(src) <= app.MaxImageBytes {
		t.Fatalf("the test photo has only %d bytes", len(src))
	}
	out, size, err := app.ShrinkPhoto(bytes.NewReader(src), app.MaxImageBytes)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > app.MaxImageBytes {
		t.Errorf("the shrunk photo has %d bytes, over %d", len(out), app.MaxImageBytes)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(out))
	if err != nil || format != "jpeg" {
		t.Fatalf("the shrunk photo is %q: %v", format, err)
	}
	if cfg.Width != size.X || cfg.Height != size.Y || cfg.Width > app.MaxShrinkSide {
		t.Errorf("the shrunk photo is %d×%d, reported %v", cfg.Width, cfg.Height, size)
	}
	if ratio := float64(cfg.Width) / float64(cfg.Height); ratio < 3.99 || ratio > 4.01 {
		t.Errorf("the shrunk photo is %d×%d: its aspect moved from 4:1 to %.3f", cfg.Width, cfg.Height, ratio)
	}
}

// A tight limit takes several rounds; the result still fits and keeps its
// shape (a tall photo this time).
func TestShrinkPhotoScalesAgainUntilItFits(t *testing.T) {
	src := jpegBytes(t, 1000, 2000)
	const limit = 100 << 10
	out, size, err := app.ShrinkPhoto(bytes.NewReader(src), limit)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > limit || size.X >= 1000 {
		t.Errorf("got %d bytes at %v", len(out), size)
	}
	if ratio := float64(size.Y) / float64(size.X); ratio < 1.95 || ratio > 2.05 {
		t.Errorf("%v is no longer twice as tall as wide", size)
	}
}

// A header claiming 30000×30000 pixels is refused before any pixel is
// decoded: nothing near 3.6 GB is allocated.
func TestShrinkPhotoRefusesADecompressionBomb(t *testing.T) {
	bomb := bombPNG(t, 30000, 30000)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := app.ShrinkPhoto(bytes.NewReader(bomb), app.MaxImageBytes)
	runtime.ReadMemStats(&after)
	var big *app.ImageTooLargeError
	if !errors.As(err, &big) || big.Width != 30000 || !errors.Is(err, app.ErrImageTooLarge) {
		t.Fatalf("got %v, want the bomb refused by its header", err)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 4<<20 {
		t.Errorf("refusing a %d-byte bomb allocated %d MB", len(bomb), alloc>>20)
	}
}

// A photo of 14 MB dropped in a conversation reaches the customer as a
// JPEG under 5 MB instead of being refused.
func TestLargePhotoIsSentScaledDown(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	cv := customerWrites(t, w, ch, "491701234567", "Anna", "A photo of the shop, please")
	path := writeFile(t, t.TempDir(), "Shop front.png", pngOf(t, noisyPhoto(3000, 2000)))
	info, err := w.core.CheckAttachment(path)
	if err != nil || !info.Shrink || info.Size <= app.MaxImageBytes {
		t.Fatalf("checked %+v, %v; want it taken, to be scaled down", info, err)
	}
	m, err := w.core.SendAttachment(w.ctx, cv.ID, path, "Our shop", "")
	if err != nil {
		t.Fatal(err)
	}
	if m.Media.Filename != "Shop front.jpg" || m.Media.MIMEType != "image/jpeg" || m.Media.Size > app.MaxImageBytes {
		t.Fatalf("queued %+v", m.Media)
	}
	kept, err := os.ReadFile(m.Media.LocalPath)
	if err != nil || int64(len(kept)) != m.Media.Size || filepath.Ext(m.Media.LocalPath) != ".jpg" {
		t.Fatalf("the kept copy has %d bytes (%v) at %s", len(kept), err, m.Media.LocalPath)
	}
	w.core.NewOutbox(app.OutboxOptions{}).SendQueuedOnce(w.ctx)
	if got := lastMessage(t, w, cv.ID); got.State != app.StateSent {
		t.Fatalf("the photo shows %s %q", got.State, got.ErrorText)
	}
	sent := w.emu.Sent(testKey)
	if len(sent) != 1 || sent[0].Type != "image" || sent[0].Caption != "Our shop" {
		t.Fatalf("the emulator got %+v", sent)
	}
}

// pngOf encodes img as a PNG.
func pngOf(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
