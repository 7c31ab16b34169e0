package screens

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"log/slog"
	"strconv"

	"fyne.io/fyne/v2"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// badgeRed is the colour of the unread badge, as on phones.
var badgeRed = color.RGBA{0xe5, 0x39, 0x35, 0xff}

// badgedIcon returns icon with unread drawn in a red circle in its top
// right corner ("99+" above 99); icon itself when unread is 0 or the icon
// cannot be read.
func badgedIcon(icon fyne.Resource, unread int) fyne.Resource {
	if unread <= 0 {
		return icon
	}
	src, err := png.Decode(bytes.NewReader(icon.Content()))
	if err != nil {
		slog.Warn("tray: read icon", "err", err)
		return icon
	}
	b := src.Bounds()
	img := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(img, img.Bounds(), src, b.Min, draw.Src)

	side := float64(min(b.Dx(), b.Dy()))
	r := side * 0.3
	cx, cy := float64(b.Dx())-r, r
	for y := int(cy - r); y <= int(cy+r); y++ {
		for x := int(cx - r); x <= int(cx+r); x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			if dx*dx+dy*dy <= r*r {
				img.Set(x, y, badgeRed)
			}
		}
	}
	label := strconv.Itoa(unread)
	if unread > 99 {
		label = "99+"
	}
	size := r * 1.3
	if len(label) > 1 {
		size = r * 2.2 / float64(len(label))
	}
	if face := badgeFace(size); face != nil {
		d := &font.Drawer{Dst: img, Src: image.NewUniform(color.White), Face: face}
		w := d.MeasureString(label)
		m := face.Metrics()
		d.Dot = fixed.Point26_6{
			X: fixed.Int26_6(cx*64) - w/2,
			Y: fixed.Int26_6(cy*64) + (m.Ascent-m.Descent)/2,
		}
		d.DrawString(label)
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return icon
	}
	return fyne.NewStaticResource("parley-unread-"+label+".png", out.Bytes())
}

// badgeFace is Go Bold at size pixels, or nil if it cannot be loaded.
func badgeFace(size float64) font.Face {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		return nil
	}
	face, err := opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		return nil
	}
	return face
}
