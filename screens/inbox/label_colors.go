package inbox

import (
	"image/color"
	"math"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Chip text colours: the darker one or white, whichever reads better on
// the chip.
var (
	chipTextDark  = color.NRGBA{R: 0x14, G: 0x18, B: 0x1a, A: 0xff}
	chipTextLight = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

// labelColor is the chip colour of c in the current theme (kit.LabelColor).
func labelColor(c app.LabelColor) color.NRGBA { return kit.LabelColor(c) }

// labelShade is the chip colour of c on the light or the dark theme.
func labelShade(c app.LabelColor, dark bool) color.NRGBA { return kit.LabelShade(c, dark) }

// chipTextOn is the text colour that reads best on bg (the higher
// contrast ratio of WCAG).
func chipTextOn(bg color.Color) color.NRGBA {
	if contrast(bg, chipTextLight) >= contrast(bg, chipTextDark) {
		return chipTextLight
	}
	return chipTextDark
}

// contrast is the WCAG contrast ratio of a and b, from 1 to 21.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// luminance is the relative luminance of c (WCAG 2).
func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// colorNames are the palette's colours in words, for the colour choice.
var colorNames = map[app.LabelColor]string{
	app.LabelBlue: "Blue", app.LabelGreen: "Green", app.LabelTeal: "Teal", app.LabelYellow: "Yellow",
	app.LabelOrange: "Orange", app.LabelRed: "Red", app.LabelPink: "Pink", app.LabelPurple: "Purple", app.LabelGray: "Grey",
}

// pinIcon is a push pin: a pinned conversation.
var pinIcon = kit.ThemedSVG("pin.svg", `<path d="M16 9V4h1c.55 0 1-.45 1-1s-.45-1-1-1H7c-.55 0-1 .45-1 1s.45 1 1 1h1v5c0 1.66-1.34 3-3 3v2h5.97v7l1 1 1-1v-7H19v-2c-1.66 0-3-1.34-3-3z"/>`)

// labelIcon is a tag: the labels.
var labelIcon = kit.ThemedSVG("label.svg", `<path d="M21.41 11.58l-9-9C12.05 2.22 11.55 2 11 2H4c-1.1 0-2 .9-2 2v7c0 .55.22 1.05.59 1.42l9 9c.36.36.86.58 1.41.58s1.05-.22 1.41-.59l7-7c.37-.36.59-.86.59-1.41s-.23-1.06-.59-1.42zM5.5 7C4.67 7 4 6.33 4 5.5S4.67 4 5.5 4 7 4.67 7 5.5 6.33 7 5.5 7z"/>`)
