package screens

import "fyne.io/fyne/v2"

// Preference keys. Only small UI settings live in Fyne's preferences;
// channels, messages and keys never do.
const (
	prefWindowWidth  = "window.width"
	prefWindowHeight = "window.height"
	prefLastPage     = "nav.page"
	prefChatZoom     = "chat.zoom"
)

// defaultWindowSize is the size of the main window on first start.
var defaultWindowSize = fyne.NewSize(1100, 720)

// smallestRemembered stops a remembered size that would hide the pages.
var smallestRemembered = fyne.NewSize(640, 420)

// uiPrefs is the typed view of the preferences the screens keep.
type uiPrefs struct{ p fyne.Preferences }

// windowSize is the remembered size of the main window, or the default.
func (u uiPrefs) windowSize() fyne.Size {
	w := float32(u.p.FloatWithFallback(prefWindowWidth, float64(defaultWindowSize.Width)))
	h := float32(u.p.FloatWithFallback(prefWindowHeight, float64(defaultWindowSize.Height)))
	if w < smallestRemembered.Width || h < smallestRemembered.Height {
		return defaultWindowSize
	}
	return fyne.NewSize(w, h)
}

// setWindowSize remembers the size of the main window.
func (u uiPrefs) setWindowSize(s fyne.Size) {
	if s.Width < smallestRemembered.Width || s.Height < smallestRemembered.Height {
		return
	}
	u.p.SetFloat(prefWindowWidth, float64(s.Width))
	u.p.SetFloat(prefWindowHeight, float64(s.Height))
}

// lastPage is the page shown when the app was last closed.
func (u uiPrefs) lastPage() page {
	return page(u.p.StringWithFallback(prefLastPage, string(pageSpace)))
}

// setLastPage remembers the page on screen.
func (u uiPrefs) setLastPage(p page) { u.p.SetString(prefLastPage, string(p)) }

// chatZoom is the size of the chat's message text the owner chose
// (Ctrl+= / Ctrl+-), 1 for normal.
func (u uiPrefs) chatZoom() float32 {
	return float32(u.p.FloatWithFallback(prefChatZoom, 1))
}

// setChatZoom remembers the size of the chat's message text.
func (u uiPrefs) setChatZoom(z float32) { u.p.SetFloat(prefChatZoom, float64(z)) }
