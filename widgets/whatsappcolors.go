package widgets

import (
	"image/color"
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

// WhatsApp's text sizes (see also the chat's size names, chatnames.go).
const (
	waTextSize    = 14
	waHeaderSize  = 15
	waCaptionSize = 11
)
