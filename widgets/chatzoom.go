package widgets

import (
	"math"
	"sync/atomic"
)

// The zoom of the chat's message text: Ctrl+= and Ctrl+- step it, Ctrl+0
// resets it. It scales the chat's text size name (sizeNameChatText) that
// the app's theme answers, and the widths bubbles measure their text at,
// so a conversation drawn after a change wraps at the new size.
const (
	MinChatZoom  float32 = 0.8
	MaxChatZoom  float32 = 1.6
	ChatZoomStep float32 = 0.1
)

// chatZoom holds math.Float32bits of the zoom; 0 means 1.
var chatZoom atomic.Uint32

// ChatZoom is the zoom of the chat's message text (1 is WhatsApp's size).
func ChatZoom() float32 {
	if b := chatZoom.Load(); b != 0 {
		return math.Float32frombits(b)
	}
	return 1
}

// SetChatZoom sets the zoom of the chat's message text, kept between
// MinChatZoom and MaxChatZoom (and rounded to a step), and returns the
// zoom set. Conversations drawn afterwards use it.
func SetChatZoom(z float32) float32 {
	if math.IsNaN(float64(z)) || z == 0 {
		z = 1
	}
	z = float32(math.Round(float64(z/ChatZoomStep))) * ChatZoomStep
	z = min(max(z, MinChatZoom), MaxChatZoom)
	chatZoom.Store(math.Float32bits(z))
	return z
}

// chatTextSize is the size of message text at the zoom.
func chatTextSize() float32 { return waTextSize * ChatZoom() }
