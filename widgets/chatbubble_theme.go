package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// Colours of a conversation, after WhatsApp's light chat.
var (
	chatOutBubble  = color.NRGBA{R: 0xd9, G: 0xfd, B: 0xd3, A: 0xff}
	chatQuoteIn    = color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0x0d}
	chatQuoteOut   = color.NRGBA{R: 0x00, G: 0x40, B: 0x00, A: 0x12}
	chatBarYou     = color.NRGBA{R: 0x06, G: 0xcf, B: 0x9c, A: 0xff}
	chatBarThem    = color.NRGBA{R: 0x53, G: 0x9b, B: 0xeb, A: 0xff}
	chatTickGrey   = color.NRGBA{R: 0x8c, G: 0x99, B: 0xa1, A: 0xff}
	chatTickBlue   = color.NRGBA{R: 0x34, G: 0xb7, B: 0xf1, A: 0xff}
	chatFailed     = color.NRGBA{R: 0xd0, G: 0x3b, B: 0x30, A: 0xff}
	chatUnknown    = color.NRGBA{R: 0xb0, G: 0x6a, B: 0x00, A: 0xff}
	chatNoticeBg   = color.NRGBA{R: 0xff, G: 0xf3, B: 0xc4, A: 0xff}
	chatDayBg      = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xf0}
	chatDayText    = color.NRGBA{R: 0x54, G: 0x65, B: 0x6f, A: 0xff}
	chatChipBorder = color.NRGBA{R: 0xe1, G: 0xe5, B: 0xe8, A: 0xff}
	chatTagBg      = color.NRGBA{R: 0x00, G: 0x00, B: 0x00, A: 0x10}
	chatButtonBg   = color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xb0}
)

// NewChatWallpaper returns the plain background a conversation's
// messages are drawn on, WhatsApp's warm light grey.
func NewChatWallpaper() *canvas.Rectangle { return canvas.NewRectangle(waChatBackground) }

// chatTheme is the theme inside a template preview: Fyne's light theme
// with WhatsApp's text colours and sizes, answering the chat's names
// (see chatnames.go) too. Text sits flush in its bubble (inner padding
// 0).
type chatTheme struct {
	base     fyne.Theme
	innerPad float32
	textSize float32
	warning  color.Color // a message of unknown fate; a parameter without a sample
}

var _ fyne.Theme = chatTheme{}

// Color returns WhatsApp's colour for n; the variant is ignored because
// the chat always looks like WhatsApp in light mode.
func (t chatTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := chatColor(n); ok {
		return c
	}
	switch n {
	case theme.ColorNameForeground:
		return waText
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return waSecondary
	case theme.ColorNamePrimary:
		return waSample
	case theme.ColorNameForegroundOnPrimary:
		return color.White
	case theme.ColorNameWarning:
		return t.warning
	case theme.ColorNameError:
		return chatFailed
	case theme.ColorNameHyperlink:
		return waLink
	case theme.ColorNameBackground:
		return waBubble
	case theme.ColorNameButton:
		return chatButtonBg
	case theme.ColorNameHover:
		return color.NRGBA{A: 0x14}
	}
	return t.base.Color(n, theme.VariantLight)
}

// Font returns the base theme's font.
func (t chatTheme) Font(s fyne.TextStyle) fyne.Resource { return t.base.Font(s) }

// Icon returns the base theme's icon.
func (t chatTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base.Icon(n) }

// Size returns WhatsApp's text sizes and the theme's paddings.
func (t chatTheme) Size(n fyne.ThemeSizeName) float32 {
	if s, ok := chatSize(n); ok {
		return s
	}
	switch n {
	case theme.SizeNameText:
		return t.textSize
	case theme.SizeNameCaptionText:
		return waCaptionSize
	case theme.SizeNameSubHeadingText:
		return waHeaderSize
	case theme.SizeNameInnerPadding:
		return t.innerPad
	case theme.SizeNameLineSpacing:
		return 3
	}
	return t.base.Size(n)
}
