package app

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"strings"
	"testing"
	"testing/synctest"

	"github.com/parley-app/parley/internal/testkit"
)

// bombBudget is how much a refused picture bomb may cost: the file and
// the header, nothing like its pixels.
const bombBudget = 4 << 20

// pictureBombs are tiny files whose headers claim far more than
// MaxImagePixels; decoders that trust them reserve the claimed memory.
func pictureBombs() map[string][]byte {
	return map[string][]byte{
		"PNG 30000×30000":   testkit.HugePNG(30000, 30000),
		"PNG 100000×100000": testkit.HugePNG(100000, 100000),
		"PNG 1×2^31-1":      testkit.HugePNG(1, 1<<31-1),
		"GIF 20000×20000":   testkit.HugeGIF(20000, 20000),
		"JPEG 65535×65535":  hugeJPEG(65535, 65535),
		"WebP 40000×40000":  hugeWebP(40000, 40000),
	}
}

// hugeJPEG is the start of a JPEG whose frame header claims w×h.
func hugeJPEG(w, h uint16) []byte {
	return []byte{0xff, 0xd8, // start of image
		0xff, 0xc0, 0, 17, 8, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 3, // baseline frame, 3 components
		1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0,
		0xff, 0xda, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0, // start of scan
		0xff, 0xd9}
}

// hugeWebP is an extended WebP header whose canvas claims w×h.
func hugeWebP(w, h uint32) []byte {
	w, h = w-1, h-1
	return append([]byte("RIFF\x16\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00\x00\x00\x00\x00"),
		byte(w), byte(w>>8), byte(w>>16), byte(h), byte(h>>8), byte(h>>16))
}

func pngOf(t testing.TB, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.NRGBA{uint8(x), uint8(y), 200, 255})
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPictureBombsAreRefusedFromTheHeader(t *testing.T) {
	for name, data := range pictureBombs() {
		t.Run(name, func(t *testing.T) {
			var err error
			alloc := testkit.AllocatedBy(func() { _, err = DecodeBounded(bytes.NewReader(data), 640, 640) })
			var big *ImageTooLargeError
			if !errors.As(err, &big) || !errors.Is(err, ErrImageTooLarge) {
				t.Fatalf("a %d-byte bomb gave %v, want an ImageTooLargeError", len(data), err)
			}
			if alloc > bombBudget {
				t.Errorf("refusing it allocated %d bytes", alloc)
			}
			if _, _, err := CheckImage(bytes.NewReader(data)); !errors.Is(err, ErrImageTooLarge) {
				t.Errorf("CheckImage: %v", err)
			}
		})
	}
	_, err := DecodeBounded(bytes.NewReader(testkit.HugePNG(30000, 30000)), 640, 640)
	var big *ImageTooLargeError
	if errors.As(err, &big); big == nil || big.Width != 30000 || big.Height != 30000 {
		t.Errorf("the error does not tell the size: %v", err)
	}
}

func TestPicturesWithoutPixelsAreRefused(t *testing.T) {
	for name, data := range map[string][]byte{
		"GIF 0×0":   testkit.HugeGIF(0, 0),
		"GIF 500×0": testkit.HugeGIF(500, 0),
	} {
		if _, err := DecodeBounded(bytes.NewReader(data), 64, 64); err == nil {
			t.Errorf("%s was decoded", name)
		}
	}
	if err := checkPixels(0, 10, MaxImagePixels); !errors.Is(err, ErrImageEmpty) {
		t.Errorf("0×10: %v", err)
	}
	if err := checkPixels(-1, -1, MaxImagePixels); !errors.Is(err, ErrImageEmpty) {
		t.Errorf("-1×-1: %v", err)
	}
}

func TestPixelBudgetBoundary(t *testing.T) {
	if err := checkPixels(8000, 5000, MaxImagePixels); err != nil {
		t.Errorf("exactly 40 megapixels refused: %v", err)
	}
	if err := checkPixels(8000, 5001, MaxImagePixels); !errors.Is(err, ErrImageTooLarge) {
		t.Errorf("just over 40 megapixels: %v", err)
	}
	if err := checkPixels(1<<62, 1<<62, MaxImagePixels); !errors.Is(err, ErrImageTooLarge) {
		t.Errorf("sides whose product overflows: %v", err)
	}
}

func TestDecodeBoundedScalesToTheBoxShown(t *testing.T) {
	cases := []struct{ w, h, boxW, boxH, wantW, wantH int }{
		{1200, 800, 640, 640, 640, 426},
		{300, 900, 640, 640, 213, 640},
		{120, 80, 640, 640, 120, 80}, // never scaled up
		{2000, 1, 100, 100, 100, 1},  // a sliver keeps one pixel
	}
	for _, c := range cases {
		img, err := DecodeBounded(bytes.NewReader(pngOf(t, c.w, c.h)), c.boxW, c.boxH)
		if err != nil {
			t.Fatalf("%d×%d: %v", c.w, c.h, err)
		}
		if b := img.Bounds(); b.Dx() != c.wantW || b.Dy() != c.wantH {
			t.Errorf("%d×%d in %d×%d became %v, want %d×%d", c.w, c.h, c.boxW, c.boxH, b, c.wantW, c.wantH)
		}
	}
}

func TestDecodeBoundedReadsEveryFormatCustomersSend(t *testing.T) {
	var g bytes.Buffer
	pal := image.NewPaletted(image.Rect(0, 0, 30, 20), color.Palette{color.Black, color.White})
	if err := gif.Encode(&g, pal, nil); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"png":  pngOf(t, 30, 20),
		"jpeg": testImage(t, 30, 20, false),
		"gif":  g.Bytes(),
		"webp": tinyWebP,
	} {
		img, err := DecodeBounded(bytes.NewReader(data), 640, 640)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() < 1 || b.Dx() > 640 || b.Dy() < 1 {
			t.Errorf("%s: %v", name, b)
		}
	}
}

// tinyWebP is a lossless 1×1 WebP.
var tinyWebP = []byte("RIFF\x1a\x00\x00\x00WEBPVP8L\x0d\x00\x00\x00\x2f\x00\x00\x00\x10\x07\x10\x11\x11\x88\x88\xfe\x07\x00")

// Many large pictures decoded at once take turns, so their pixels never
// add up to more than the budget; one alone always gets through.
func TestLargePicturesAreDecodedInTurn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gate := newPixelGate(100)
		gate.acquire(60)
		second := make(chan struct{})
		go func() {
			gate.acquire(60)
			close(second)
		}()
		small := make(chan struct{})
		go func() {
			gate.acquire(40)
			close(small)
		}()
		synctest.Wait()
		select {
		case <-second:
			t.Fatal("two pictures of 60 pixels were decoded at once with a budget of 100")
		default:
		}
		<-small // 60+40 fits
		gate.release(40)
		gate.release(60)
		<-second
		gate.release(60)
		alone := make(chan struct{})
		go func() {
			gate.acquire(500) // one picture alone always passes
			close(alone)
		}()
		<-alone
	})
}

func TestCropPhotoRefusesAPictureBomb(t *testing.T) {
	bomb := testkit.HugePNG(30000, 30000)
	var err error
	alloc := testkit.AllocatedBy(func() { _, err = CropPhoto(bomb) })
	if !errors.Is(err, ErrImageTooLarge) {
		t.Errorf("cropping a 30000×30000 bomb: %v", err)
	}
	if alloc > bombBudget {
		t.Errorf("cropping a %d-byte bomb allocated %d bytes", len(bomb), alloc)
	}
	if msg := PhotoProblem(bomb); !strings.Contains(msg, "30000×30000") || !strings.Contains(msg, "40 megapixels") {
		t.Errorf("the owner is told %q", msg)
	}
}
