// Command icon draws Parley's 512×512 application icon: a rounded tile
// with a teal-to-green gradient carrying a white speech bubble with three
// dots. It writes Icon.png (or the path given with -o).
//
// Run it from the repository root with `go run ./scripts/icon`.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"os"

	"golang.org/x/image/vector"
)

const size = 512

// Brand colours: the gradient runs from the top-left to the bottom-right.
var (
	gradientFrom = color.NRGBA{R: 0x0f, G: 0xa3, B: 0xa3, A: 0xff} // teal
	gradientTo   = color.NRGBA{R: 0x2f, G: 0xbf, B: 0x71, A: 0xff} // green
	dotColour    = color.NRGBA{R: 0x12, G: 0x9e, B: 0x8c, A: 0xff}
)

func main() {
	out := flag.String("o", "Icon.png", "where to write the icon")
	flag.Parse()
	if err := write(*out, draw512()); err != nil {
		fmt.Fprintln(os.Stderr, "icon:", err)
		os.Exit(1)
	}
}

func write(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}

// draw512 paints the icon layer by layer.
func draw512() *image.NRGBA {
	dst := image.NewNRGBA(image.Rect(0, 0, size, size))

	// The tile: a soft drop shadow, then the gradient.
	const inset, radius = 28, 112
	tile := mask(func(z *vector.Rasterizer) {
		roundedRect(z, inset, inset, size-inset, size-inset, radius)
	})
	shadow := offset(blur(tile, 10), 0, 8)
	paint(dst, image.NewUniform(color.NRGBA{A: 0x48}), shadow)
	paint(dst, gradient{}, tile)

	// A faint light from the top gives the flat tile some depth.
	paint(dst, highlight{}, tile)

	// The speech bubble: a rounded body with a tail at the lower left.
	bubble := mask(func(z *vector.Rasterizer) {
		roundedRect(z, 112, 138, 400, 346, 96)
		// The tail runs clockwise like the body, so the two merge.
		z.MoveTo(236, 340)
		z.CubeTo(210, 376, 168, 396, 112, 398)
		z.CubeTo(138, 374, 152, 340, 150, 300)
		z.ClosePath()
	})
	paint(dst, image.NewUniform(color.NRGBA{R: 0x05, G: 0x40, B: 0x3a, A: 0x50}), offset(blur(bubble, 9), 0, 10))
	paint(dst, image.NewUniform(color.White), bubble)

	// Three dots: someone is typing.
	dots := mask(func(z *vector.Rasterizer) {
		for _, cx := range []float32{186, 256, 326} {
			circle(z, cx, 242, 25)
		}
	})
	paint(dst, image.NewUniform(dotColour), dots)
	return dst
}

// mask rasterises the path drawn by fn into an alpha mask.
func mask(fn func(z *vector.Rasterizer)) *image.Alpha {
	z := vector.NewRasterizer(size, size)
	fn(z)
	m := image.NewAlpha(image.Rect(0, 0, size, size))
	z.Draw(m, m.Bounds(), image.Opaque, image.Point{})
	return m
}

// paint composites src through m onto dst.
func paint(dst *image.NRGBA, src image.Image, m *image.Alpha) {
	draw.DrawMask(dst, dst.Bounds(), src, image.Point{}, m, image.Point{}, draw.Over)
}

// kappa places cubic control points so that a quarter curve approximates a
// circle.
const kappa = 0.5522847

// roundedRect adds a rectangle with rounded corners, clockwise.
func roundedRect(z *vector.Rasterizer, x0, y0, x1, y1, r float32) {
	k := r * kappa
	z.MoveTo(x0+r, y0)
	z.LineTo(x1-r, y0)
	z.CubeTo(x1-r+k, y0, x1, y0+r-k, x1, y0+r)
	z.LineTo(x1, y1-r)
	z.CubeTo(x1, y1-r+k, x1-r+k, y1, x1-r, y1)
	z.LineTo(x0+r, y1)
	z.CubeTo(x0+r-k, y1, x0, y1-r+k, x0, y1-r)
	z.LineTo(x0, y0+r)
	z.CubeTo(x0, y0+r-k, x0+r-k, y0, x0+r, y0)
	z.ClosePath()
}

// circle adds a circle, clockwise.
func circle(z *vector.Rasterizer, cx, cy, r float32) {
	k := r * kappa
	z.MoveTo(cx, cy-r)
	z.CubeTo(cx+k, cy-r, cx+r, cy-k, cx+r, cy)
	z.CubeTo(cx+r, cy+k, cx+k, cy+r, cx, cy+r)
	z.CubeTo(cx-k, cy+r, cx-r, cy+k, cx-r, cy)
	z.CubeTo(cx-r, cy-k, cx-k, cy-r, cx, cy-r)
	z.ClosePath()
}

// blur softens a mask with three box-blur passes, close to a Gaussian.
func blur(m *image.Alpha, radius int) *image.Alpha {
	out := image.NewAlpha(m.Bounds())
	copy(out.Pix, m.Pix)
	for range 3 {
		out = boxBlur(out, radius, true)
		out = boxBlur(out, radius, false)
	}
	return out
}

func boxBlur(m *image.Alpha, radius int, horizontal bool) *image.Alpha {
	out := image.NewAlpha(m.Bounds())
	w := 2*radius + 1
	for a := range size {
		sum := 0
		at := func(i int) int {
			if i < 0 || i >= size {
				return 0
			}
			if horizontal {
				return int(m.Pix[a*m.Stride+i])
			}
			return int(m.Pix[i*m.Stride+a])
		}
		for i := -radius; i <= radius; i++ {
			sum += at(i)
		}
		for i := range size {
			v := uint8(sum / w)
			if horizontal {
				out.Pix[a*out.Stride+i] = v
			} else {
				out.Pix[i*out.Stride+a] = v
			}
			sum += at(i+radius+1) - at(i-radius)
		}
	}
	return out
}

// offset moves a mask by dx, dy.
func offset(m *image.Alpha, dx, dy int) *image.Alpha {
	out := image.NewAlpha(m.Bounds())
	draw.Draw(out, out.Bounds().Add(image.Pt(dx, dy)), m, image.Point{}, draw.Src)
	return out
}

// gradient is the tile's diagonal teal-to-green fill.
type gradient struct{}

func (gradient) ColorModel() color.Model { return color.NRGBAModel }
func (gradient) Bounds() image.Rectangle { return image.Rect(-1e9, -1e9, 1e9, 1e9) }
func (gradient) At(x, y int) color.Color {
	t := (float64(x) + float64(y)) / (2 * size)
	t = smooth(math.Max(0, math.Min(1, t)))
	mix := func(a, b uint8) uint8 { return uint8(math.Round(float64(a) + (float64(b)-float64(a))*t)) }
	return color.NRGBA{
		R: mix(gradientFrom.R, gradientTo.R),
		G: mix(gradientFrom.G, gradientTo.G),
		B: mix(gradientFrom.B, gradientTo.B),
		A: 0xff,
	}
}

// highlight is a white glow fading out from the top of the tile.
type highlight struct{}

func (highlight) ColorModel() color.Model { return color.NRGBAModel }
func (highlight) Bounds() image.Rectangle { return image.Rect(-1e9, -1e9, 1e9, 1e9) }
func (highlight) At(x, y int) color.Color {
	dx, dy := float64(x)-size/2, float64(y)+size*0.35
	d := math.Sqrt(dx*dx+dy*dy) / (size * 0.95)
	a := 0.16 * (1 - smooth(math.Min(1, d)))
	return color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: uint8(math.Round(a * 255))}
}

func smooth(t float64) float64 { return t * t * (3 - 2*t) }
