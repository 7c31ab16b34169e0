package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The chat's own colour and size names. A conversation looks like
// WhatsApp's chat, light or dark as Parley's theme is (chatpalette.go),
// without a theme override per bubble: Fyne 2.7 gives every override its own copy of the
// fonts (several MB each, never freed) and clears its text-size cache
// each time one is made, which made a window with a long history heavy.
// Instead every text in a bubble names its colour and size with these
// names, which the app's theme answers (see WithChatNames); the template
// preview uses them too.
const (
	colorNameChatText      fyne.ThemeColorName = "parley.chat.text"      // message text
	colorNameChatSecondary fyne.ThemeColorName = "parley.chat.secondary" // times, captions, muted lines
	colorNameChatLink      fyne.ThemeColorName = "parley.chat.link"      // links
	colorNameChatFailed    fyne.ThemeColorName = "parley.chat.failed"    // why a message was not sent
	colorNameChatUnknown   fyne.ThemeColorName = "parley.chat.unknown"   // a message of unknown fate
	colorNameChatDay       fyne.ThemeColorName = "parley.chat.day"       // a day separator's text
	colorNameChatSample    fyne.ThemeColorName = "parley.chat.sample"    // a template parameter's sample
	colorNameChatMissing   fyne.ThemeColorName = "parley.chat.missing"   // a template parameter without one
	colorNameChatOnMedia   fyne.ThemeColorName = "parley.chat.onMedia"   // an icon on a dark media box

	// A template's or profile's preview always shows the customer's phone
	// in light mode, so its texts have names of their own.
	colorNamePreviewText      fyne.ThemeColorName = "parley.preview.text"
	colorNamePreviewSecondary fyne.ThemeColorName = "parley.preview.secondary"

	sizeNameChatText    fyne.ThemeSizeName = "parley.chat.text"    // message text
	sizeNameChatCaption fyne.ThemeSizeName = "parley.chat.caption" // captions and details
	sizeNameChatHeader  fyne.ThemeSizeName = "parley.chat.header"  // a template's text header
	sizeNameQuote       fyne.ThemeSizeName = "parley.chat.quote"   // a quoted message's text
	sizeNameChatNotice  fyne.ThemeSizeName = "parley.chat.notice"  // a day separator
	sizeNameChatSystem  fyne.ThemeSizeName = "parley.chat.system"  // a system notice
	sizeNameChatButton  fyne.ThemeSizeName = "parley.chat.button"  // a button in a bubble
)

// Colour names for drawing WhatsApp's light look outside the chat (the
// profile preview), answered by the theme WithChatNames returns.
const (
	ColorNameWhatsAppText      = colorNamePreviewText      // WhatsApp's text
	ColorNameWhatsAppSecondary = colorNamePreviewSecondary // its grey for details and icons
	ColorNameWhatsAppGreen     = colorNameChatSample       // its green, for links in a profile
)

// chatColor is the colour of one of the chat's names in palette p.
func chatColor(n fyne.ThemeColorName, p *chatPalette) (color.Color, bool) {
	switch n {
	case colorNameChatText:
		return p.text, true
	case colorNameChatSecondary:
		return p.secondary, true
	case colorNameChatLink:
		return p.link, true
	case colorNameChatFailed:
		return p.failed, true
	case colorNameChatUnknown:
		return p.unknown, true
	case colorNameChatDay:
		return p.dayTxt, true
	case colorNamePreviewText:
		return waText, true
	case colorNamePreviewSecondary:
		return waSecondary, true
	case colorNameChatSample:
		return waSample, true
	case colorNameChatMissing:
		return waMissing, true
	case colorNameChatOnMedia:
		return waBubble, true
	}
	return nil, false
}

// chatSize is the size of one of the chat's names.
func chatSize(n fyne.ThemeSizeName) (float32, bool) {
	switch n {
	case sizeNameChatText:
		return chatTextSize(), true // the owner's zoom (chatzoom.go)
	case sizeNameChatCaption:
		return waCaptionSize, true
	case sizeNameChatHeader:
		return waHeaderSize, true
	case sizeNameQuote, sizeNameChatButton:
		return 13, true
	case sizeNameChatNotice:
		return 12, true
	case sizeNameChatSystem:
		return 12.5, true
	}
	return 0, false
}

// WithChatNames returns base that also answers the chat's colour and
// size names, so that conversations draw in WhatsApp's colours inside
// Parley's theme. The app sets it as its theme.
func WithChatNames(base fyne.Theme) fyne.Theme { return chatNames{Theme: base} }

// chatNames is a theme that answers the chat's names and otherwise asks
// its base.
type chatNames struct{ fyne.Theme }

// Color returns the chat's colour for its names, from WhatsApp's dark
// chat when base's background is dark in variant v, and base's colour
// otherwise.
func (t chatNames) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if !strings.HasPrefix(string(n), "parley.") {
		return t.Theme.Color(n, v)
	}
	if c, ok := chatColor(n, paletteOn(t.Theme.Color(theme.ColorNameBackground, v))); ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// Size returns the chat's size for its names and base's otherwise.
func (t chatNames) Size(n fyne.ThemeSizeName) float32 {
	if s, ok := chatSize(n); ok {
		return s
	}
	return t.Theme.Size(n)
}
