package kit

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Icons Fyne's theme lacks, drawn in the same 24×24 Material style. Each is
// themed, so it takes the text colour of the current light or dark look.
var (
	// SpaceIcon is two speech bubbles: the inbox.
	SpaceIcon = ThemedSVG("space.svg", `<path d="M21 6h-2v9H6v2c0 .55.45 1 1 1h11l4 4V7c0-.55-.45-1-1-1zm-4 6V3c0-.55-.45-1-1-1H3c-.55 0-1 .45-1 1v14l4-4h10c.55 0 1-.45 1-1z"/>`)
	// ChannelIcon is a phone: one WhatsApp number.
	ChannelIcon = ThemedSVG("channel.svg", `<path d="M17 1.01 7 1c-1.1 0-2 .9-2 2v18c0 1.1.9 2 2 2h10c1.1 0 2-.9 2-2V3c0-1.1-.9-1.99-2-1.99zM17 19H7V5h10v14z"/>`)
	// ChatIcon is one speech bubble with lines of text.
	ChatIcon = ThemedSVG("chat.svg", `<path d="M20 2H4c-1.1 0-1.99.9-1.99 2L2 22l4-4h14c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zM6 9h12v2H6V9zm8 5H6v-2h8v2zm4-6H6V6h12v2z"/>`)
	// ProfileIcon is a storefront: the business profile.
	ProfileIcon = ThemedSVG("profile.svg", `<path d="M20 4H4v2h16V4zm1 10v-2l-1-5H4l-1 5v2h1v6h10v-6h4v6h2v-6h1zm-9 4H6v-4h6v4z"/>`)
	// TemplatesIcon is a stack of message cards.
	TemplatesIcon = ThemedSVG("templates.svg", `<path d="M4 6H2v14c0 1.1.9 2 2 2h14v-2H4V6zm16-4H8c-1.1 0-2 .9-2 2v12c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2V4c0-1.1-.9-2-2-2zm-1 9H9V9h10v2zm-4 4H9v-2h6v2zm4-8H9V5h10v2z"/>`)
)

// BroadcastIcon is a megaphone: one message to many customers.
var BroadcastIcon = ThemedSVG("broadcast.svg", `<path d="M18 11v2h4v-2h-4zm-2 6.61c.96.71 2.21 1.65 3.2 2.39.4-.53.8-1.07 1.2-1.6-.99-.74-2.24-1.68-3.2-2.4-.4.54-.8 1.08-1.2 1.61zM20.4 5.6c-.4-.53-.8-1.07-1.2-1.6-.99.74-2.24 1.68-3.2 2.4.4.53.8 1.07 1.2 1.6.96-.72 2.21-1.65 3.2-2.4zM4 9c-1.1 0-2 .9-2 2v2c0 1.1.9 2 2 2h1v4h2v-4h1l5 3V6L8 9H4zm11.5 3c0-1.33-.58-2.53-1.5-3.35v6.69c.92-.81 1.5-2.01 1.5-3.34z"/>`)

// ThemedSVG makes a themed icon of the SVG path data paths, drawn on a
// 24×24 canvas.
func ThemedSVG(name, paths string) fyne.Resource {
	svg := `<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24">` + paths + `</svg>`
	return theme.NewThemedResource(fyne.NewStaticResource(name, []byte(svg)))
}
