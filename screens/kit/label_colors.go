package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
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

// LabelColor is the chip colour of c in the current theme; an unknown
// colour (from a newer Parley) is grey. The Space and the broadcasts'
// audience draw labels with it.
func LabelColor(c app.LabelColor) color.NRGBA {
	return LabelShade(c, fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark)
}

// LabelShade is the chip colour of c on the light or the dark theme.
func LabelShade(c app.LabelColor, dark bool) color.NRGBA {
	shades, ok := labelShades[c]
	if !ok {
		shades = labelShades[app.LabelGray]
	}
	if dark {
		return shades[1]
	}
	return shades[0]
}
