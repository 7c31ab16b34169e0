package app

import (
	"strings"
	"unicode/utf8"
)

// SummaryMaxRunes is the longest summary Summary returns.
const SummaryMaxRunes = 120

// Summary is a message in one short line, the same words wherever a
// message is previewed: the inbox row, a notification, a quoted reply.
// Media say what they are ("Photo: new arrivals", "Document invoice.pdf"),
// a reaction says so, and a long text ends with "…".
func Summary(m Message) string {
	text := strings.Join(strings.Fields(m.Text), " ")
	label := summaryLabel(m)
	switch {
	case m.Type == MsgReaction && text != "":
		text = "Reacted " + text
	case m.Type == MsgReaction:
		text = "Removed a reaction"
	case text == "":
		text = label
	case m.Type != MsgText && m.Type != MsgButtonReply && label != "":
		text = label + ": " + text
	}
	if utf8.RuneCountInString(text) > SummaryMaxRunes {
		r := []rune(text)
		text = string(r[:SummaryMaxRunes-1]) + "…"
	}
	return text
}

// summaryLabel names what a message is when it is not plain text.
func summaryLabel(m Message) string {
	switch m.Type {
	case MsgImage:
		return "Photo"
	case MsgVideo:
		return "Video"
	case MsgAudio:
		if m.Media != nil && m.Media.Voice {
			return "Voice message"
		}
		return "Audio"
	case MsgVoice:
		return "Voice message"
	case MsgDocument:
		if m.Media != nil {
			if name := DisplayName(m.Media.Filename); name != "" {
				return "Document " + name
			}
		}
		return "Document"
	case MsgSticker:
		return "Sticker"
	case MsgLocation:
		if m.Location != nil && m.Location.Name != "" {
			return "Location: " + m.Location.Name
		}
		return "Location"
	case MsgContacts:
		if len(m.Contacts) == 1 && m.Contacts[0].Name != "" {
			return "Contact: " + m.Contacts[0].Name
		}
		return "Contact card"
	case MsgTemplate:
		if m.Template != nil && m.Template.Name != "" {
			return "Template " + m.Template.Name
		}
		return "Template"
	case MsgOrder:
		return "Order"
	case MsgSystem:
		return "WhatsApp notice"
	case MsgUnsupported:
		return "A message Parley cannot show"
	}
	return ""
}
