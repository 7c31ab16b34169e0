package kit

import (
	"image/color"

	"fyne.io/fyne/v2"
)

// Colours of Parley's own surfaces.
const (
	ColorNameSidebar    fyne.ThemeColorName = "parley.sidebar"    // the navigation column
	ColorNameCard       fyne.ThemeColorName = "parley.card"       // a card on a page
	ColorNameCardBorder fyne.ThemeColorName = "parley.cardBorder" // its outline
)

// BadgeTint is c at the given opacity, for a soft background behind c.
func BadgeTint(c color.Color, alpha uint8) color.NRGBA {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}
