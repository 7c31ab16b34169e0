package inbox

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// labelShades are the chip colours of the label palette: a deeper shade
// on the light theme, a softer one on the dark theme.
var labelShades = map[app.LabelColor][2]color.NRGBA{
	app.LabelBlue:   {{0x1e, 0x6f, 0xd9, 0xff}, {0x6f, 0xa8, 0xf5, 0xff}},
	app.LabelGreen:  {{0x1a, 0x7f, 0x45, 0xff}, {0x5c, 0xc9, 0x8a, 0xff}},
	app.LabelTeal:   {{0x0b, 0x7a, 0x75, 0xff}, {0x4f, 0xc4, 0xbc, 0xff}},
	app.LabelYellow: {{0xf2, 0xc1, 0x2e, 0xff}, {0xf5, 0xd0, 0x5c, 0xff}},
	app.LabelOrange: {{0xe8, 0x71, 0x0a, 0xff}, {0xf5, 0xa1, 0x5b, 0xff}},
	app.LabelRed:    {{0xc6, 0x28, 0x28, 0xff}, {0xef, 0x7a, 0x7a, 0xff}},
	app.LabelPink:   {{0xc2, 0x18, 0x5b, 0xff}, {0xf0, 0x8f, 0xb8, 0xff}},
	app.LabelPurple: {{0x6a, 0x3d, 0xc2, 0xff}, {0xb3, 0x9d, 0xf2, 0xff}},
	app.LabelGray:   {{0x5f, 0x6b, 0x73, 0xff}, {0xa7, 0xb1, 0xb7, 0xff}},
}

// Chip text colours: the darker one or white, whichever reads better on
// the chip.
var (
	chipTextDark  = color.NRGBA{R: 0x14, G: 0x18, B: 0x1a, A: 0xff}
	chipTextLight = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
)

// labelColor is the chip colour of c in the current theme; an unknown
// colour (from a newer Parley) is grey.
func labelColor(c app.LabelColor) color.NRGBA {
	return labelShade(c, fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark)
}

// labelShade is the chip colour of c on the light or the dark theme.
func labelShade(c app.LabelColor, dark bool) color.NRGBA {
	shades, ok := labelShades[c]
	if !ok {
		shades = labelShades[app.LabelGray]
	}
	if dark {
		return shades[1]
	}
	return shades[0]
}

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
