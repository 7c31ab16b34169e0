package widgets

import "fyne.io/fyne/v2"

// Button icons drawn like WhatsApp's (paths after Google's Material
// icons, Apache License 2.0), in WhatsApp's link colour.
var (
	iconReply = svgIcon("wa-reply.svg",
		`<path d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z"/>`)
	iconLink = svgIcon("wa-link.svg",
		`<path d="M19 19H5V5h7V3H5a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h14c1.1 0 2-.9 2-2v-7h-2v7zM14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3h-7z"/>`)
	iconPhone = svgIcon("wa-phone.svg",
		`<path d="M20 15.5c-1.25 0-2.45-.2-3.57-.57a1 1 0 0 0-1.02.24l-2.2 2.2a15.05 15.05 0 0 1-6.59-6.59l2.2-2.21a.96.96 0 0 0 .25-1A11.36 11.36 0 0 1 8.5 4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1c0 9.39 7.61 17 17 17a1 1 0 0 0 1-1v-3.5a1 1 0 0 0-1-1z"/>`)
	// bubbleTail is the small point at the top left of an incoming bubble.
	bubbleTail = fyne.NewStaticResource("wa-tail.svg", []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 13" width="8" height="13">`+
			`<path fill="#ffffff" d="M8 0H1.5C.2 0-.4 1.5.5 2.5L8 11z"/></svg>`))
)

func svgIcon(name, path string) fyne.Resource {
	return fyne.NewStaticResource(name, []byte(
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="24" height="24" fill="#027eb5">`+path+`</svg>`))
}
