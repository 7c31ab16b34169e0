package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// WhatsApp's light chat colours. A preview always looks like the customer's
// phone in light mode, whatever theme Parley itself uses.
var (
	waChatBackground = color.NRGBA{R: 0xef, G: 0xea, B: 0xe2, A: 0xff}
	waBubble         = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}
	waText           = color.NRGBA{R: 0x11, G: 0x1b, B: 0x21, A: 0xff}
	waSecondary      = color.NRGBA{R: 0x66, G: 0x77, B: 0x81, A: 0xff}
	waLink           = color.NRGBA{R: 0x02, G: 0x7e, B: 0xb5, A: 0xff}
	waSample         = color.NRGBA{R: 0x00, G: 0x80, B: 0x69, A: 0xff}
	waMissing        = color.NRGBA{R: 0xc7, G: 0x5b, B: 0x00, A: 0xff}
	waMediaBox       = color.NRGBA{R: 0xe9, G: 0xed, B: 0xef, A: 0xff}
	waVideoBox       = color.NRGBA{R: 0x3b, G: 0x4a, B: 0x54, A: 0xff}
	waPlayCircle     = color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0x80}
)

// Sizes used inside the preview. A text header is drawn with the
// sub-heading size, which the preview's theme makes WhatsApp's 15.
const (
	waSizeHeader  = theme.SizeNameSubHeadingText
	waTextSize    = 14
	waHeaderSize  = 15
	waCaptionSize = 11
)

// whatsAppTheme is the theme inside a preview: Fyne's light theme with
// WhatsApp's text colours. Sample values use the primary colour and
// parameters without a sample use the warning colour, the same colour
// names RichTextFromWhatsApp uses.
type whatsAppTheme struct{ base fyne.Theme }

var _ fyne.Theme = whatsAppTheme{}

func newWhatsAppTheme() fyne.Theme { return whatsAppTheme{base: theme.DefaultTheme()} }

func (t whatsAppTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		return waText
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return waSecondary
	case theme.ColorNamePrimary:
		return waSample
	case theme.ColorNameWarning:
		return waMissing
	case theme.ColorNameHyperlink:
		return waLink
	case theme.ColorNameBackground:
		return waBubble
	}
	return t.base.Color(n, theme.VariantLight)
}

func (t whatsAppTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

func (t whatsAppTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

func (t whatsAppTheme) Size(n fyne.ThemeSizeName) float32 {
	switch n {
	case waSizeHeader:
		return waHeaderSize
	case theme.SizeNameText:
		return waTextSize
	case theme.SizeNameCaptionText:
		return waCaptionSize
	case theme.SizeNameInnerPadding:
		return 0 // rich text sits flush inside the bubble's own padding
	case theme.SizeNameLineSpacing:
		return 3
	}
	return t.base.Size(n)
}
