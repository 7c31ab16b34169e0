package app

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"net/http"

	"golang.org/x/image/draw"
)

// Profile photo limits.
const (
	PhotoSide     = 640             // recommended square side
	MinPhotoSide  = 192             // WhatsApp rejects smaller photos
	MaxPhotoBytes = 5 * 1024 * 1024 // WhatsApp's upload limit for images
)

// PhotoInfo describes a picked image.
type PhotoInfo struct {
	Width, Height int
	Format        string // "jpeg" or "png"
	Bytes         int
}

// InspectPhoto reads an image's size and format without decoding pixels.
func InspectPhoto(data []byte) (PhotoInfo, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return PhotoInfo{}, fmt.Errorf("inspect photo: %w", err)
	}
	return PhotoInfo{Width: cfg.Width, Height: cfg.Height, Format: format, Bytes: len(data)}, nil
}

// PhotoProblem returns why WhatsApp would reject the image, or "".
func PhotoProblem(data []byte) string {
	info, err := InspectPhoto(data)
	if err != nil || (info.Format != "jpeg" && info.Format != "png") {
		return "Choose a JPEG or PNG image. This file is not one Parley can read."
	}
	if err := checkPixels(info.Width, info.Height, MaxImagePixels); errors.Is(err, ErrImageTooLarge) {
		return fmt.Sprintf("This image is %d×%d pixels, more than Parley can open (at most %d megapixels). Choose a smaller photo.",
			info.Width, info.Height, MaxImagePixels/1_000_000)
	}
	if info.Width < MinPhotoSide || info.Height < MinPhotoSide {
		return fmt.Sprintf("This image is too small (%d×%d). WhatsApp needs at least %d×%d; %d×%d looks best.",
			info.Width, info.Height, MinPhotoSide, MinPhotoSide, PhotoSide, PhotoSide)
	}
	if info.Bytes > MaxPhotoBytes {
		return fmt.Sprintf("This image is %.1f MB; WhatsApp accepts at most 5 MB. Use \"Crop to 640×640\" to make it smaller.",
			float64(info.Bytes)/(1024*1024))
	}
	return ""
}

// PhotoNeedsCrop reports whether to offer cropping the image to 640×640:
// it is not that size already, and not over MaxImagePixels (which
// CropPhoto refuses to decode).
func PhotoNeedsCrop(data []byte) bool {
	info, err := InspectPhoto(data)
	if err != nil {
		return true
	}
	if errors.Is(checkPixels(info.Width, info.Height, MaxImagePixels), ErrImageTooLarge) {
		return false
	}
	return info.Width != PhotoSide || info.Height != PhotoSide
}

// CropPhoto cuts the largest centred square out of the image and scales
// it to 640×640, returning a JPEG. An image over MaxImagePixels is
// refused (an *ImageTooLargeError) before it is decoded.
func CropPhoto(data []byte) ([]byte, error) {
	var dst *image.RGBA
	err := decodeChecked(bytes.NewReader(data), MaxImagePixels, decodeGate, func(src image.Image) error {
		b := src.Bounds()
		side := min(b.Dx(), b.Dy())
		x0 := b.Min.X + (b.Dx()-side)/2
		y0 := b.Min.Y + (b.Dy()-side)/2
		square := image.Rect(x0, y0, x0+side, y0+side)
		dst = image.NewRGBA(image.Rect(0, 0, PhotoSide, PhotoSide))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, square, draw.Src, nil)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("crop photo: %w", err)
	}
	var out bytes.Buffer
	if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: 90}); err != nil {
		return nil, fmt.Errorf("crop photo: encode: %w", err)
	}
	return out.Bytes(), nil
}

// DetectMIME returns the MIME type of file content.
func DetectMIME(data []byte) string {
	return http.DetectContentType(data)
}

func photoExt(mime string) string {
	if mime == "image/png" {
		return ".png"
	}
	return ".jpg"
}
