package demo

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"math"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The demo's pictures are drawn in code, so the workspace needs no files:
// simple flat illustrations of what the bakery sells, as JPEG.

// Picture size: WhatsApp shows image headers at about 1.91:1.
const picW, picH = 764, 400

// logoSize is the side of the square profile photo.
const logoSize = 640

// Colours of the illustrations.
var (
	cream     = color.RGBA{0xfb, 0xf1, 0xe0, 0xff}
	crust     = color.RGBA{0xb8, 0x6b, 0x2e, 0xff}
	crustDark = color.RGBA{0x8a, 0x4a, 0x1c, 0xff}
	crumb     = color.RGBA{0xe9, 0xc2, 0x8a, 0xff}
	board     = color.RGBA{0x9c, 0x6b, 0x43, 0xff}
	pink      = color.RGBA{0xf6, 0xc9, 0xd4, 0xff}
	berry     = color.RGBA{0xc2, 0x28, 0x4d, 0xff}
	choco     = color.RGBA{0x5a, 0x34, 0x22, 0xff}
	plate     = color.RGBA{0xee, 0xee, 0xee, 0xff}
	sun       = color.RGBA{0xf5, 0xb7, 0x2a, 0xff}
	pine      = color.RGBA{0x1f, 0x5c, 0x3f, 0xff}
	winered   = color.RGBA{0x8e, 0x1b, 0x2a, 0xff}
	white     = color.RGBA{0xff, 0xff, 0xff, 0xff}
	coffee    = color.RGBA{0x4b, 0x2e, 0x1e, 0xff}
)

// canvas is an illustration being drawn.
type canvas struct{ img *image.RGBA }

// newCanvas starts a header-sized picture with a vertical gradient.
func newCanvas(top, bottom color.RGBA) *canvas { return newCanvasSized(picW, picH, top, bottom) }

func newCanvasSized(w, h int, top, bottom color.RGBA) *canvas {
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h))}
	for y := 0; y < h; y++ {
		f := float64(y) / float64(h)
		row := color.RGBA{mix(top.R, bottom.R, f), mix(top.G, bottom.G, f), mix(top.B, bottom.B, f), 0xff}
		draw.Draw(c.img, image.Rect(0, y, w, y+1), &image.Uniform{row}, image.Point{}, draw.Src)
	}
	return c
}

// drawAll runs every drawing at the same time and returns the pictures
// by name.
func drawAll(drawings map[string]func() []byte) map[string][]byte {
	out := make(map[string][]byte, len(drawings))
	var mu sync.Mutex
	var wg sync.WaitGroup
	for name, paint := range drawings {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pic := paint()
			mu.Lock()
			out[name] = pic
			mu.Unlock()
		}()
	}
	wg.Wait()
	return out
}

func mix(a, b uint8, f float64) uint8 { return uint8(float64(a)*(1-f) + float64(b)*f) }

// rect fills a rectangle.
func (c *canvas) rect(x0, y0, x1, y1 int, col color.RGBA) {
	draw.Draw(c.img, image.Rect(x0, y0, x1, y1), &image.Uniform{col}, image.Point{}, draw.Over)
}

// ellipse fills an ellipse centred at cx, cy, with soft edges.
func (c *canvas) ellipse(cx, cy, rx, ry float64, col color.RGBA) {
	for y := int(cy - ry - 1); y <= int(cy+ry+1); y++ {
		for x := int(cx - rx - 1); x <= int(cx+rx+1); x++ {
			dx, dy := (float64(x)+0.5-cx)/rx, (float64(y)+0.5-cy)/ry
			d := math.Sqrt(dx*dx+dy*dy) - 1
			edge := math.Min(rx, ry) * d // distance to the edge in pixels, roughly
			if edge >= 1 {
				continue
			}
			c.blend(x, y, col, math.Min(1, 1-edge))
		}
	}
}

// blend paints col over one pixel with coverage a (0..1).
func (c *canvas) blend(x, y int, col color.RGBA, a float64) {
	if !(image.Point{x, y}.In(c.img.Rect)) || a <= 0 {
		return
	}
	o := c.img.RGBAAt(x, y)
	c.img.SetRGBA(x, y, color.RGBA{mix(o.R, col.R, a), mix(o.G, col.G, a), mix(o.B, col.B, a), 0xff})
}

// text writes s centred on x at baseline y in the given size.
func (c *canvas) text(s string, x, y int, size float64, col color.RGBA) {
	face := boldFace(size)
	d := &font.Drawer{Dst: c.img, Src: &image.Uniform{col}, Face: face}
	w := d.MeasureString(s)
	d.Dot = fixed.Point26_6{X: fixed.I(x) - w/2, Y: fixed.I(y)}
	d.DrawString(s)
}

func (c *canvas) jpeg() []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, c.img, &jpeg.Options{Quality: 85}); err != nil {
		panic(fmt.Sprintf("demo: encode picture: %v", err)) // cannot fail writing to memory
	}
	return b.Bytes()
}

// boldFont is Go Bold, parsed once.
var boldFont = sync.OnceValue(func() *opentype.Font {
	f, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic(fmt.Sprintf("demo: parse Go Bold: %v", err)) // embedded, known good
	}
	return f
})

// boldFace returns Go Bold at size points (72 dpi: points are pixels).
// A face is not safe for concurrent use, so each text gets its own.
func boldFace(size float64) font.Face {
	face, err := opentype.NewFace(boldFont(), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull})
	if err != nil {
		panic(fmt.Sprintf("demo: Go Bold at %v pt: %v", size, err))
	}
	return face
}

// loaf draws a long bread with scores on a board.
func (c *canvas) loaf(cx, cy float64) {
	c.ellipse(cx, cy+70, 250, 26, board)
	c.ellipse(cx, cy+8, 210, 78, crustDark)
	c.ellipse(cx, cy, 205, 72, crust)
	for i := -2; i <= 2; i++ {
		x := cx + float64(i)*70
		c.ellipse(x, cy-6, 24, 8, crumb)
	}
}

// cakePicture is a two-tier strawberry cake with candles.
func cakePicture() []byte {
	c := newCanvas(pink, cream)
	c.ellipse(382, 330, 230, 34, plate)
	c.rect(212, 220, 552, 320, choco)
	c.ellipse(382, 320, 170, 22, choco)
	c.ellipse(382, 220, 170, 22, pink)
	c.rect(262, 140, 502, 222, white)
	c.ellipse(382, 222, 120, 16, white)
	c.ellipse(382, 140, 120, 16, pink)
	for i := 0; i < 9; i++ {
		c.ellipse(232+float64(i)*37.5, 236, 12, 12, berry)
	}
	for i := 0; i < 6; i++ {
		x := 297 + i*34
		c.rect(x-4, 90, x+4, 140, color.RGBA{0x5b, 0x8d, 0xd6, 0xff})
		c.ellipse(float64(x), 80, 7, 12, sun)
	}
	return c.jpeg()
}

// breadPicture is a loaf with a caption, for the weekly offer.
func breadPicture(caption string) []byte {
	c := newCanvas(cream, crumb)
	c.loaf(382, 200)
	c.text(caption, 382, 370, 38, crustDark)
	return c.jpeg()
}

// sourdoughPicture is a round scored loaf, for the baking class.
func sourdoughPicture(caption string) []byte {
	c := newCanvas(color.RGBA{0xe4, 0xd9, 0xc5, 0xff}, cream)
	c.ellipse(382, 250, 200, 24, board)
	c.ellipse(382, 190, 130, 100, crustDark)
	c.ellipse(382, 184, 124, 94, crust)
	c.ellipse(382, 184, 90, 8, crumb)
	c.ellipse(382, 184, 8, 70, crumb)
	c.text(caption, 382, 350, 40, crustDark)
	return c.jpeg()
}

// adventPicture is an advent calendar with 24 doors.
func adventPicture(caption string) []byte {
	c := newCanvas(winered, color.RGBA{0x5e, 0x10, 0x1c, 0xff})
	for i := 0; i < 24; i++ {
		x, y := 122+(i%8)*66, 70+(i/8)*78
		c.rect(x, y, x+56, y+64, pine)
		c.rect(x+3, y+3, x+53, y+61, color.RGBA{0x2b, 0x75, 0x52, 0xff})
		c.text(fmt.Sprint((i*7)%24+1), x+28, y+42, 24, sun)
	}
	c.text(caption, 382, 370, 34, white)
	return c.jpeg()
}

// breakfastPicture is a croissant beside a cup of coffee.
func breakfastPicture(caption string) []byte {
	c := newCanvas(color.RGBA{0xff, 0xe8, 0xb8, 0xff}, cream)
	c.ellipse(470, 250, 120, 20, plate)
	c.rect(420, 140, 520, 245, white)
	c.ellipse(470, 140, 50, 12, coffee)
	c.ellipse(530, 190, 20, 28, white)
	c.ellipse(530, 190, 10, 16, cream)
	c.ellipse(280, 250, 150, 22, plate)
	for i := -3; i <= 3; i++ {
		r := 46 - 8*math.Abs(float64(i))
		c.ellipse(280+float64(i)*30, 205+math.Abs(float64(i))*6, r, r*0.8, crust)
		c.ellipse(280+float64(i)*30, 200+math.Abs(float64(i))*6, r*0.7, r*0.45, crumb)
	}
	c.text(caption, 382, 350, 36, crustDark)
	return c.jpeg()
}

// cinnamonPicture is a plate of cinnamon rolls.
func cinnamonPicture() []byte {
	c := newCanvas(color.RGBA{0xdc, 0xe8, 0xf0, 0xff}, cream)
	c.ellipse(382, 230, 260, 90, plate)
	for i := 0; i < 6; i++ {
		x, y := 232+float64(i%3)*150, 190+float64(i/3)*80
		for r := 56.0; r > 6; r -= 12 {
			c.ellipse(x, y, r, r*0.7, crust)
			c.ellipse(x, y, r-5, (r-5)*0.7, crumb)
		}
	}
	return c.jpeg()
}

// logoPicture is the bakery's profile photo: the sun rising over a loaf.
func logoPicture() []byte {
	c := newCanvasSized(logoSize, logoSize, color.RGBA{0xff, 0xf4, 0xd6, 0xff}, color.RGBA{0xfb, 0xe3, 0xb0, 0xff})
	const cx, cy = logoSize / 2, 250
	for i := 0; i < 12; i++ {
		a := float64(i) * math.Pi / 6
		for r := 120.0; r < 190; r += 2 {
			c.ellipse(cx+r*math.Cos(a), cy+r*math.Sin(a), 7, 7, sun)
		}
	}
	c.ellipse(cx, cy, 105, 105, sun)
	c.ellipse(cx, 400, 230, 90, crustDark)
	c.ellipse(cx, 392, 224, 84, crust)
	for i := -2; i <= 2; i++ {
		c.ellipse(cx+float64(i)*80, 380, 26, 9, crumb)
	}
	c.text("Sonnenschein", cx, 560, 64, crustDark)
	return c.jpeg()
}
