package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
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

// ChatWallpaper is the plain background a conversation's messages are
// drawn on: WhatsApp's warm light grey, or its dark blue-black in a dark
// theme.
type ChatWallpaper struct {
	widget.BaseWidget
	rect *canvas.Rectangle
}

// NewChatWallpaper returns the background of a conversation.
func NewChatWallpaper() *ChatWallpaper {
	w := &ChatWallpaper{rect: canvas.NewRectangle(chatLook().wallpaper)}
	w.ExtendBaseWidget(w)
	return w
}

// CreateRenderer implements fyne.Widget.
func (w *ChatWallpaper) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(w.rect)
}

// Refresh repaints the wallpaper in the palette of the theme now.
func (w *ChatWallpaper) Refresh() {
	w.rect.FillColor = chatLook().wallpaper
	w.BaseWidget.Refresh()
}
