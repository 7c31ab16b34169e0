package screens

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// spacePage is the Space: the inbox where customers' messages arrive. For
// now it only has its empty state.
type spacePage struct {
	// onConnect opens the Channels page.
	onConnect func()

	connect *widget.Button
	empty   *emptyState
	content fyne.CanvasObject
}

func newSpacePage(onConnect func()) *spacePage {
	s := &spacePage{onConnect: onConnect}
	s.connect = &widget.Button{
		Text:       "Connect a WhatsApp number",
		Icon:       theme.ContentAddIcon(),
		Importance: widget.HighImportance,
		OnTapped:   s.onConnectTapped,
	}
	s.empty = newEmptyState(chatIcon, "No messages yet", textNoChannel, s.connect)
	s.content = newPage("Space", "Your conversations with customers", nil, s.empty.content)
	return s
}

func (s *spacePage) onConnectTapped() {
	if s.onConnect != nil {
		s.onConnect()
	}
}

// Explanations of the empty Space.
const (
	textNoChannel = "Once a channel is connected,\ncustomer messages appear here."
	textWaiting   = "When a customer writes to one of your numbers,\nthe conversation appears here."
)

// setChannelCount shows the way to Channels only while none is connected.
func (s *spacePage) setChannelCount(n int) {
	if n == 0 {
		s.empty.setText(textNoChannel)
		s.connect.Show()
	} else {
		s.empty.setText(textWaiting)
		s.connect.Hide()
	}
}
