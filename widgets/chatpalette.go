package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// chatPalette is one look of a conversation: WhatsApp's light chat, or
// its dark one inside a dark theme. Texts name their colours (the chat's
// colour names, answered by WithChatNames); fills and fixed texts take
// them from the palette of the theme in use when they are drawn, and a
// bubble is drawn again when the theme turns dark or light.
type chatPalette struct {
	wallpaper, bubbleIn, bubbleOut                 color.NRGBA
	text, secondary, link, failed, unknown, dayTxt color.NRGBA
	quoteIn, quoteOut, tagBg, mediaBox             color.NRGBA
	dayBg, noticeBg, chipBg, chipBorder, buttonBg  color.NRGBA

	tailIn, tailOut fyne.Resource
}

// lightChat is WhatsApp's light chat.
var lightChat = &chatPalette{
	wallpaper: waChatBackground, bubbleIn: waBubble, bubbleOut: chatOutBubble,
	text: waText, secondary: waSecondary, link: waLink, failed: chatFailed, unknown: chatUnknown, dayTxt: chatDayText,
	quoteIn: chatQuoteIn, quoteOut: chatQuoteOut, tagBg: chatTagBg, mediaBox: waMediaBox,
	dayBg: chatDayBg, noticeBg: chatNoticeBg, chipBg: waBubble, chipBorder: chatChipBorder, buttonBg: chatButtonBg,
	tailIn: bubbleTail, tailOut: bubbleTailOut,
}

// darkChat is WhatsApp's dark chat (its desktop app's palette).
var darkChat = func() *chatPalette {
	p := &chatPalette{
		wallpaper: hex(0x0b141a), bubbleIn: hex(0x202c33), bubbleOut: hex(0x005c4b),
		text: hex(0xe9edef), secondary: hex(0x8696a0), link: hex(0x53bdeb), failed: hex(0xf15c6d), unknown: hex(0xf2b13c),
		dayTxt:  hex(0x8696a0),
		quoteIn: color.NRGBA{A: 0x40}, quoteOut: color.NRGBA{A: 0x33}, tagBg: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x14},
		mediaBox: hex(0x111b21),
		dayBg:    hex(0x182229), noticeBg: hex(0x1f2c34), chipBg: hex(0x202c33), chipBorder: hex(0x0b141a),
		buttonBg: color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0x12},
	}
	p.tailIn = tailResource("wa-tail-dark.svg", p.bubbleIn, false)
	p.tailOut = tailResource("wa-tail-out-dark.svg", p.bubbleOut, true)
	return p
}()

// hex is an opaque colour written as 0xRRGGBB.
func hex(rgb uint32) color.NRGBA {
	return color.NRGBA{R: uint8(rgb >> 16), G: uint8(rgb >> 8), B: uint8(rgb), A: 0xff}
}

// tailResource is a bubble's point in fill: at the top left of an
// incoming bubble, the top right of an outgoing one.
func tailResource(name string, fill color.NRGBA, out bool) fyne.Resource {
	path := "M8 0H1.5C.2 0-.4 1.5.5 2.5L8 11z"
	if out {
		path = "M0 0h6.5c1.3 0 1.9 1.5 1 2.5L0 11z"
	}
	return fyne.NewStaticResource(name, fmt.Appendf(nil,
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 13" width="8" height="13"><path fill="#%02x%02x%02x" d="%s"/></svg>`,
		fill.R, fill.G, fill.B, path))
}

// paletteOn is the chat's palette inside a theme whose background is bg:
// the dark chat on a dark background.
func paletteOn(bg color.Color) *chatPalette {
	r, g, b, _ := bg.RGBA()
	// Relative luminance, roughly (ITU-R BT.709 weights on 16-bit channels).
	if 0.2126*float64(r)+0.7152*float64(g)+0.0722*float64(b) < 0.5*0xffff {
		return darkChat
	}
	return lightChat
}

// chatLook is the chat's palette for the app's theme now.
func chatLook() *chatPalette { return paletteOn(theme.Color(theme.ColorNameBackground)) }
