package app

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"
)

// testImage draws a w×h picture with a red centre marker so the crop's
// centring can be checked.
func testImage(t *testing.T, w, h int, asPNG bool) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{0, 0, 255, 255}
			if abs(x-w/2) < w/10 && abs(y-h/2) < h/10 {
				c = color.RGBA{255, 0, 0, 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	var err error
	if asPNG {
		err = png.Encode(&buf, img)
	} else {
		err = jpeg.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func TestCropPhotoShapes(t *testing.T) {
	for _, sz := range []struct {
		w, h  int
		asPNG bool
	}{{1200, 800, false}, {300, 900, true}, {640, 640, true}, {250, 251, false}, {2000, 2000, false}} {
		out, err := CropPhoto(testImage(t, sz.w, sz.h, sz.asPNG))
		if err != nil {
			t.Fatalf("%dx%d: %v", sz.w, sz.h, err)
		}
		img, format, err := image.Decode(bytes.NewReader(out))
		if err != nil || format != "jpeg" {
			t.Fatalf("%dx%d: result not a JPEG: %v %s", sz.w, sz.h, err, format)
		}
		if b := img.Bounds(); b.Dx() != PhotoSide || b.Dy() != PhotoSide {
			t.Fatalf("%dx%d: cropped to %v", sz.w, sz.h, b)
		}
		r, g, b, _ := img.At(PhotoSide/2, PhotoSide/2).RGBA()
		if r>>8 < 200 || g>>8 > 60 || b>>8 > 60 {
			t.Fatalf("%dx%d: centre of the crop is not the centre of the picture (rgb %d %d %d)", sz.w, sz.h, r>>8, g>>8, b>>8)
		}
		if PhotoNeedsCrop(out) {
			t.Fatal("a cropped photo should not need another crop")
		}
	}
}

func TestPhotoProblems(t *testing.T) {
	if msg := PhotoProblem(testImage(t, 100, 100, true)); !strings.Contains(msg, "too small (100×100)") {
		t.Fatalf("small image: %q", msg)
	}
	if msg := PhotoProblem([]byte("GIF89a not really")); !strings.Contains(msg, "JPEG or PNG") {
		t.Fatalf("wrong format: %q", msg)
	}
	if msg := PhotoProblem(testImage(t, 640, 640, false)); msg != "" {
		t.Fatalf("good photo rejected: %q", msg)
	}
	if !PhotoNeedsCrop(testImage(t, 800, 600, false)) {
		t.Fatal("800x600 needs a crop")
	}
}
