package persistence

import (
	"strings"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

// previewMaxRunes is the longest conversation preview stored.
const previewMaxRunes = 120

// preview is the one-line text the inbox shows under a conversation for
// its latest message.
func preview(m app.Message) string {
	text := strings.Join(strings.Fields(m.Text), " ")
	switch {
	case m.Type == app.MsgReaction && text != "":
		text = "Reacted " + text
	case m.Type == app.MsgReaction:
		text = "Removed a reaction"
	case text == "":
		text = typeLabel(m)
	case m.Type != app.MsgText && m.Type != app.MsgButtonReply && typeLabel(m) != "":
		text = typeLabel(m) + ": " + text // "Photo: new arrivals"
	}
	if utf8.RuneCountInString(text) > previewMaxRunes {
		r := []rune(text)
		text = string(r[:previewMaxRunes-1]) + "…"
	}
	return text
}

// typeLabel names a message that has no text of its own.
func typeLabel(m app.Message) string {
	switch m.Type {
	case app.MsgImage:
		return "Photo"
	case app.MsgVideo:
		return "Video"
	case app.MsgAudio:
		if m.Media != nil && m.Media.Voice {
			return "Voice message"
		}
		return "Audio"
	case app.MsgVoice:
		return "Voice message"
	case app.MsgDocument:
		if name := mediaName(m); name != "" {
			return "Document " + name
		}
		return "Document"
	case app.MsgSticker:
		return "Sticker"
	case app.MsgLocation:
		if m.Location != nil && m.Location.Name != "" {
			return "Location: " + m.Location.Name
		}
		return "Location"
	case app.MsgContacts:
		if len(m.Contacts) == 1 && m.Contacts[0].Name != "" {
			return "Contact: " + m.Contacts[0].Name
		}
		return "Contact card"
	case app.MsgTemplate:
		if m.Template != nil && m.Template.Name != "" {
			return "Template " + m.Template.Name
		}
		return "Template"
	case app.MsgOrder:
		return "Order"
	case app.MsgSystem:
		return "WhatsApp notice"
	case app.MsgUnsupported:
		return "A message Parley cannot show"
	}
	return ""
}

// mediaName is the sender's file name of m's attachment, ready to show.
func mediaName(m app.Message) string {
	if m.Media == nil {
		return ""
	}
	return app.DisplayName(m.Media.Filename)
}
