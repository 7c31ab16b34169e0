package screens

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/screens/kit"
	"github.com/parley-app/parley/widgets"
)

// parleyTheme is Fyne's default theme in Parley's teal, with calmer text
// and status colours. It follows the system's light or dark preference.
type parleyTheme struct{ fyne.Theme }

var _ fyne.Theme = parleyTheme{}

// NewTheme returns Parley's theme, which also knows the chat's colour
// and size names (widgets.WithChatNames); main sets it on the app.
func NewTheme() fyne.Theme { return widgets.WithChatNames(parleyTheme{Theme: theme.DefaultTheme()}) }

// Color returns Parley's colour for name in variant v.
func (t parleyTheme) Color(name fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := palette(name, v == theme.VariantDark); ok {
		return c
	}
	return t.Theme.Color(name, v)
}

func palette(name fyne.ThemeColorName, dark bool) (color.Color, bool) {
	pick := func(light, dk color.NRGBA) (color.Color, bool) {
		if dark {
			return dk, true
		}
		return light, true
	}
	switch name {
	case theme.ColorNamePrimary, theme.ColorNameHyperlink:
		return pick(rgb(0x0e, 0x8a, 0x7e, 0xff), rgb(0x2d, 0xb3, 0x9f, 0xff))
	case theme.ColorNameForegroundOnPrimary:
		return pick(rgb(0xff, 0xff, 0xff, 0xff), rgb(0x0c, 0x1d, 0x1b, 0xff))
	case theme.ColorNameFocus:
		return pick(rgb(0x0e, 0x8a, 0x7e, 0x55), rgb(0x2d, 0xb3, 0x9f, 0x66))
	case theme.ColorNameSelection:
		return pick(rgb(0x0e, 0x8a, 0x7e, 0x26), rgb(0x2d, 0xb3, 0x9f, 0x33))
	case theme.ColorNameForeground:
		return pick(rgb(0x26, 0x2b, 0x2d, 0xff), rgb(0xec, 0xee, 0xee, 0xff))
	case theme.ColorNameSuccess:
		return pick(rgb(0x1f, 0x9d, 0x55, 0xff), rgb(0x4c, 0xc3, 0x8a, 0xff))
	case theme.ColorNameWarning:
		return pick(rgb(0xc7, 0x7c, 0x02, 0xff), rgb(0xf2, 0xb1, 0x3c, 0xff))
	case theme.ColorNameError:
		return pick(rgb(0xd0, 0x3b, 0x30, 0xff), rgb(0xf0, 0x6a, 0x5f, 0xff))
	case kit.ColorNameSidebar:
		return pick(rgb(0xf2, 0xf5, 0xf5, 0xff), rgb(0x1f, 0x22, 0x23, 0xff))
	case kit.ColorNameCard:
		return pick(rgb(0xff, 0xff, 0xff, 0xff), rgb(0x21, 0x24, 0x25, 0xff))
	case kit.ColorNameCardBorder:
		return pick(rgb(0xe0, 0xe4, 0xe4, 0xff), rgb(0x30, 0x34, 0x36, 0xff))
	}
	return nil, false
}

func rgb(r, g, b, a uint8) color.NRGBA { return color.NRGBA{R: r, G: g, B: b, A: a} }
