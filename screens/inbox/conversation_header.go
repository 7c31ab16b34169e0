package inbox

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// conversationHeader is the top of an open conversation: the customer's
// avatar, name and number, and the state of the 24-hour window with the
// time left.
type conversationHeader struct {
	avatar   *kit.Avatar
	name     *widget.Label
	number   *widget.RichText
	window   *canvas.Text
	windowBg *canvas.Rectangle
	chips    *labelChips
	// labels opens the checklist of labels (onLabels).
	labels   *widget.Button
	onLabels func()
	row      *fyne.Container
	// actions are the buttons at the header's end (conversationSide).
	actions *fyne.Container
	content fyne.CanvasObject
}

func newConversationHeader() *conversationHeader {
	h := &conversationHeader{
		avatar: kit.NewAvatar(40),
		name:   &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis},
		number: kit.NewMutedText("", fyne.TextAlignLeading, theme.SizeNameCaptionText),
		window: canvas.NewText("", theme.Color(theme.ColorNameSuccess)),
	}
	h.window.TextSize = theme.CaptionTextSize() + 1
	h.window.TextStyle = fyne.TextStyle{Bold: true}
	h.chips = newLabelChips(4)
	h.chips.set(nil)
	// Only the tag: the header must fit a small laptop's window beside
	// the list (the panel's Labels… button says it in words).
	h.labels = &widget.Button{Icon: labelIcon, Importance: widget.LowImportance, OnTapped: func() {
		if h.onLabels != nil {
			h.onLabels()
		}
	}}
	h.windowBg = canvas.NewRectangle(color.Transparent)
	h.windowBg.CornerRadius = 12
	pill := container.NewStack(h.windowBg, container.New(layout.NewCustomPaddedLayout(5, 5, 10, 10), h.window))
	names := container.New(layout.NewCustomPaddedLayout(-6, -6, 0, 0), container.NewVBox(h.name,
		container.New(layout.NewCustomPaddedLayout(-12, 0, 0, 0), h.number)))
	h.actions = container.NewHBox()
	right := container.NewHBox(container.NewCenter(h.chips.content), container.NewCenter(h.labels), container.NewCenter(pill), container.NewCenter(h.actions))
	row := container.NewBorder(nil, nil, container.NewCenter(h.avatar.Content), right, names)
	h.row = row
	bg := canvas.NewRectangle(theme.Color(kit.ColorNameSidebar))
	h.content = container.NewBorder(nil, widget.NewSeparator(), nil, nil,
		container.NewStack(bg, container.New(layout.NewCustomPaddedLayout(6, 6, 12, 14), row)))
	return h
}

// set shows cv at now and reports whether its window is open.
func (h *conversationHeader) set(cv app.Conversation, ch app.Channel, showChannel bool, now time.Time) bool {
	name := conversationName(cv)
	h.avatar.Set(name, cv.WAID)
	h.name.SetText(name)
	sub := conversationNumber(cv)
	if sub == name {
		sub = "" // no WhatsApp name: the number is the title
	}
	if showChannel && ch.Name != "" {
		sub = strings.TrimPrefix(sub+" · to "+ch.Name, " · ")
	}
	h.number.Segments[0].(*widget.TextSegment).Text = sub
	h.number.Refresh()
	text, open := windowHeader(cv, now)
	h.window.Text = text
	fg := theme.Color(theme.ColorNamePlaceHolder)
	if open {
		fg = theme.Color(theme.ColorNameSuccess)
	}
	h.window.Color = fg
	r, g, b, _ := fg.RGBA()
	h.windowBg.FillColor = color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: 0x22}
	h.window.Refresh()
	h.windowBg.Refresh()
	return open
}

// setLabels shows the conversation's labels beside its name.
func (h *conversationHeader) setLabels(labels []app.Label) {
	h.chips.set(labels)
	h.row.Refresh() // chips that come or go make the name room
}
