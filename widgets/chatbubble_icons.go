package widgets

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
)

// Icons of a conversation (paths after Google's Material icons, Apache
// License 2.0), each drawn in a fixed colour that reads on WhatsApp's
// light and dark bubbles alike, or in the chat's grey (secondaryIcon).
const (
	pathCheck    = `<path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4L9 16.2z"/>`
	pathCheckAll = `<path d="m18 7-1.41-1.41-6.34 6.34 1.41 1.41L18 7zm4.24-1.41L11.66 16.17 7.48 12l-1.41 1.41L11.66 19l12-12-1.42-1.41zM.41 13.41 6 19l1.41-1.41L1.83 12 .41 13.41z"/>`
	pathClock    = `<path d="M11.99 2C6.47 2 2 6.48 2 12s4.47 10 9.99 10C17.52 22 22 17.52 22 12S17.52 2 11.99 2zM12 20c-4.42 0-8-3.58-8-8s3.58-8 8-8 8 3.58 8 8-3.58 8-8 8zm.5-13H11v6l5.25 3.15.75-1.23-4.5-2.67z"/>`
	pathError    = `<path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-2h2v2zm0-4h-2V7h2v6z"/>`
	pathWarning  = `<path d="M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z"/>`
	pathReply    = `<path d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z"/>`
	pathForward  = `<path d="M14 9V5l7 7-7 7v-4.1c-5 0-8.5 1.6-11 5.1 1-5 4-10 11-11z"/>`
	pathDocument = `<path d="M14 2H6c-1.1 0-1.99.9-1.99 2L4 20c0 1.1.89 2 1.99 2H18c1.1 0 2-.9 2-2V8l-6-6zm2 16H8v-2h8v2zm0-4H8v-2h8v2zm-3-5V3.5L18.5 9H13z"/>`
	pathVideo    = `<path d="M17 10.5V7c0-.55-.45-1-1-1H4c-.55 0-1 .45-1 1v10c0 .55.45 1 1 1h12c.55 0 1-.45 1-1v-3.5l4 4v-11l-4 4z"/>`
	pathAudio    = `<path d="M12 3v10.55c-.59-.34-1.27-.55-2-.55-2.21 0-4 1.79-4 4s1.79 4 4 4 4-1.79 4-4V7h4V3h-6z"/>`
	pathMic      = `<path d="M12 14c1.66 0 2.99-1.34 2.99-3L15 5c0-1.66-1.34-3-3-3S9 3.34 9 5v6c0 1.66 1.34 3 3 3zm5.3-3c0 3-2.54 5.1-5.3 5.1S6.7 14 6.7 11H5c0 3.41 2.72 6.23 6 6.72V21h2v-3.28c3.28-.48 6-3.3 6-6.72h-1.7z"/>`
	pathPin      = `<path d="M12 2C8.13 2 5 5.13 5 9c0 5.25 7 13 7 13s7-7.75 7-13c0-3.87-3.13-7-7-7zm0 9.5c-1.38 0-2.5-1.12-2.5-2.5s1.12-2.5 2.5-2.5 2.5 1.12 2.5 2.5-1.12 2.5-2.5 2.5z"/>`
	pathPerson   = `<path d="M12 12c2.21 0 4-1.79 4-4s-1.79-4-4-4-4 1.79-4 4 1.79 4 4 4zm0 2c-2.67 0-8 1.34-8 4v2h16v-2c0-2.66-5.33-4-8-4z"/>`
	pathImage    = `<path d="M21 19V5c0-1.1-.9-2-2-2H5c-1.1 0-2 .9-2 2v14c0 1.1.9 2 2 2h14c1.1 0 2-.9 2-2zM8.5 13.5l2.5 3.01L14.5 12l4.5 6H5l3.5-4.5z"/>`
	pathPhone    = `<path d="M17 1.01 7 1c-1.1 0-2 .9-2 2v18c0 1.1.9 2 2 2h10c1.1 0 2-.9 2-2V3c0-1.1-.9-1.99-2-1.99zM17 19H7V5h10v14z"/>`
	pathInfo     = `<path d="M12 2C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2zm1 15h-2v-6h2v6zm0-8h-2V7h2v2z"/>`
)

var (
	iconStateQueued    = colouredIcon("state-queued.svg", chatTickGrey, pathClock)
	iconStateSent      = colouredIcon("state-sent.svg", chatTickGrey, pathCheck)
	iconStateDelivered = colouredIcon("state-delivered.svg", chatTickGrey, pathCheckAll)
	iconStateRead      = colouredIcon("state-read.svg", chatTickBlue, pathCheckAll)
	iconStateFailed    = colouredIcon("state-failed.svg", chatFailed, pathError)
	iconStateUnknown   = colouredIcon("state-unknown.svg", chatUnknown, pathWarning)

	iconReplyGrey = secondaryIcon("chat-reply.svg", pathReply)
	iconForwarded = secondaryIcon("chat-forwarded.svg", pathForward)
	iconFromPhone = secondaryIcon("chat-from-phone.svg", pathPhone)
	iconDocument  = colouredIcon("chat-document.svg", color.NRGBA{R: 0x5b, G: 0x7f, B: 0xe0, A: 0xff}, pathDocument)
	iconPDF       = colouredIcon("chat-pdf.svg", chatFailed, pathDocument)
	iconVideo     = colouredIcon("chat-video.svg", color.NRGBA{R: 0xe0, G: 0x4f, B: 0x7f, A: 0xff}, pathVideo)
	iconAudio     = colouredIcon("chat-audio.svg", color.NRGBA{R: 0xf0, G: 0x8a, B: 0x24, A: 0xff}, pathAudio)
	iconVoice     = colouredIcon("chat-voice.svg", waSample, pathMic)
	iconPin       = colouredIcon("chat-pin.svg", chatFailed, pathPin)
	iconPerson    = colouredIcon("chat-person.svg", color.NRGBA{R: 0xff, G: 0xff, B: 0xff, A: 0xff}, pathPerson)
	iconPhoto     = secondaryIcon("chat-photo.svg", pathImage)
	iconInfo      = secondaryIcon("chat-info.svg", pathInfo)
	iconFailedRed = colouredIcon("chat-failed.svg", chatFailed, pathError)
	iconUnknown   = colouredIcon("chat-unknown.svg", chatUnknown, pathWarning)
)

// colouredIcon is a 24×24 SVG icon filled with c.
func colouredIcon(name string, c color.NRGBA, paths string) fyne.Resource {
	fill := fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B)
	return fyne.NewStaticResource(name, []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="`+fill+`">`+paths+`</svg>`))
}

// secondaryIcon is an icon in the chat's grey for details, light or
// dark as the chat is.
func secondaryIcon(name, paths string) fyne.Resource {
	return theme.NewColoredResource(colouredIcon(name, waSecondary, paths), colorNameChatSecondary)
}

// stateIcon is the tick (or clock, or warning) of an outbound message's
// delivery state; nil for inbound messages.
func stateIcon(s app.DeliveryState) fyne.Resource {
	switch s {
	case app.StateQueued, app.StateSending, app.StateHeld, app.StatePaused:
		return iconStateQueued
	case app.StateSent:
		return iconStateSent
	case app.StateDelivered:
		return iconStateDelivered
	case app.StateRead:
		return iconStateRead
	case app.StateFailed:
		return iconStateFailed
	case app.StateUnknown:
		return iconStateUnknown
	}
	return nil
}
