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

// trayIcon is the tray's icon: the app icon, greyed with a red "!" in its
// lower left corner while customers' messages do not arrive, and with the
// unread count in a red circle in its top right corner ("99+" above 99).
// It returns icon itself when there is nothing to add or it cannot be
// read.
func trayIcon(icon fyne.Resource, unread int, notReceiving bool) fyne.Resource {
	if unread <= 0 && !notReceiving {
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
	name := "parley"
	if notReceiving {
		greyOut(img)
		r := side * 0.3
		drawLabelledDot(img, r, side-r, r, "!")
		name += "-not-receiving"
	}
	if unread > 0 {
		label := strconv.Itoa(unread)
		if unread > 99 {
			label = "99+"
		}
		r := side * 0.3
		drawLabelledDot(img, float64(b.Dx())-r, r, r, label)
		name += "-unread-" + label
	}
	var out bytes.Buffer
	if err := png.Encode(&out, img); err != nil {
		return icon
	}
	return fyne.NewStaticResource(name+".png", out.Bytes())
}

// greyOut turns img's colours grey and lighter, keeping its shape.
func greyOut(img *image.RGBA) {
	for i := 0; i+3 < len(img.Pix); i += 4 {
		p := img.Pix[i : i+4 : i+4]
		y := (299*uint32(p[0]) + 587*uint32(p[1]) + 114*uint32(p[2])) / 1000
		y = y/2 + uint32(p[3])/4 // premultiplied: stay within alpha
		p[0], p[1], p[2] = uint8(y), uint8(y), uint8(y)
	}
}

// drawLabelledDot draws a red circle of radius r at cx, cy with label in
// white in its middle.
func drawLabelledDot(img *image.RGBA, cx, cy, r float64, label string) {
	for y := int(cy - r); y <= int(cy+r); y++ {
		for x := int(cx - r); x <= int(cx+r); x++ {
			dx, dy := float64(x)+0.5-cx, float64(y)+0.5-cy
			if dx*dx+dy*dy <= r*r {
				img.Set(x, y, badgeRed)
			}
		}
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
