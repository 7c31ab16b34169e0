package widgets

import (
	"fmt"
	"net/url"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// PhotoMaxSide is the longest side a bubble shows a photo at, in Fyne's
// units: a preview decoded larger than this times the screen's scale
// only costs memory.
const PhotoMaxSide float32 = 320

// UnsupportedText is what a bubble says about a message Parley cannot
// show.
const UnsupportedText = "This message type can't be shown in Parley yet"

// FromPhoneText marks a bubble of a message the owner sent from the
// WhatsApp Business app on their phone rather than from Parley.
const FromPhoneText = "Sent from your phone"

// Widths the content of a bubble would like.
const (
	fileCardWidth    float32 = 310
	locationWidth    float32 = 250
	contactCardWidth float32 = 230
	photoMaxWidth    float32 = 300
	photoMaxHeight   float32 = PhotoMaxSide
	photoMinHeight   float32 = 90
	stickerSize      float32 = 150
	quoteMaxWidth    float32 = 360
)

// contentSections builds the parts of a bubble for its message: an
// optional "Sent from your phone" line, "Forwarded" line, the ad the
// customer came from, quote and product asked about, then the content of
// its type, and under an outgoing message what WhatsApp bills for it.
func contentSections(b *ChatBubble) []section {
	m := b.msg
	var out []section
	if m.FromPhone && m.Direction == app.Outbound {
		out = append(out, fromPhoneSection())
	}
	if m.Forwarded {
		out = append(out, forwardedSection())
	}
	if m.Referral != nil && m.Direction == app.Inbound {
		out = append(out, adSection(m.Referral))
	}
	if b.opts.Quote != nil {
		out = append(out, quoteSection(*b.opts.Quote, b.opts.QuoteAuthor, m.Direction == app.Outbound))
	}
	if m.Product != nil && m.Direction == app.Inbound {
		out = append(out, productSection(m.Product))
	}
	out = append(out, bodySections(b)...)
	if m.Pricing != nil && m.Direction == app.Outbound {
		out = append(out, pricingSection(m.Pricing))
	}
	return out
}

// bodySections builds the content of the message's type.
func bodySections(b *ChatBubble) []section {
	m := b.msg
	var out []section
	switch m.Type {
	case app.MsgText:
		out = append(out, textSection(m.Text))
	case app.MsgImage, app.MsgSticker:
		out = append(out, photoSection(b))
		if m.Type == app.MsgImage && m.Text != "" {
			out = append(out, textSection(m.Text))
		}
	case app.MsgVideo, app.MsgAudio, app.MsgVoice, app.MsgDocument:
		out = append(out, fileSection(b))
		if m.Text != "" && (m.Media == nil || m.Text != m.Media.Filename) {
			out = append(out, textSection(m.Text))
		}
	case app.MsgLocation:
		out = append(out, locationSection(m.Location))
	case app.MsgContacts:
		out = append(out, contactsSection(m.Contacts))
	case app.MsgButtonReply:
		out = append(out, tagSection("Button reply"), textSection(m.Text))
	case app.MsgTemplate:
		label := "Template"
		if m.Template != nil && m.Template.Name != "" {
			label += " · " + m.Template.Name
		}
		out = append(out, tagSection(label), textSection(m.Text))
	case app.MsgOrder:
		out = append(out, tagSection("Order"), textSection(m.Text))
	case app.MsgReaction:
		out = append(out, textSection(reactionText(m.Text)))
	default:
		out = append(out, unsupportedSection(m))
	}
	return out
}

// reactionText describes a reaction whose message is not shown.
func reactionText(emoji string) string {
	if emoji == "" {
		return "_Removed a reaction_"
	}
	return "Reacted " + emoji
}

// textSection is WhatsApp-formatted text that wraps at the bubble's
// width.
func textSection(text string) section {
	segs := inChatStyle(RichTextFromWhatsApp(text, nil))
	return section{obj: wrapped(segs), natural: naturalWidth(segs, chatTextSize()) + 1, text: true}
}

// mutedText is a short line of secondary text at size (one of the chat's
// size names).
func mutedText(text string, size fyne.ThemeSizeName, style fyne.TextStyle) *WrappingText {
	return chatText(text, colorNameChatSecondary, size, style)
}

// chatText is wrapping text in one of the chat's colours and sizes.
func chatText(text string, colour fyne.ThemeColorName, size fyne.ThemeSizeName, style fyne.TextStyle) *WrappingText {
	return wrapped([]widget.RichTextSegment{&widget.TextSegment{Text: text, Style: widget.RichTextStyle{
		ColorName: colour, SizeName: size, TextStyle: style, Inline: true,
	}}})
}

// inChatStyle gives segments in the theme's text colour or size the
// chat's instead, and returns them.
func inChatStyle(segs []widget.RichTextSegment) []widget.RichTextSegment {
	for _, s := range segs {
		if ts, ok := s.(*widget.TextSegment); ok {
			if ts.Style.ColorName == "" || ts.Style.ColorName == theme.ColorNameForeground {
				ts.Style.ColorName = colorNameChatText
			}
			if ts.Style.SizeName == "" || ts.Style.SizeName == theme.SizeNameText {
				ts.Style.SizeName = sizeNameChatText
			}
		}
	}
	return segs
}

// forwardedSection is the grey "Forwarded" line above forwarded content.
func forwardedSection() section {
	line := newIconLine(iconForwarded, mutedText("Forwarded", sizeNameChatCaption, fyne.TextStyle{Italic: true}), 14)
	return section{obj: line, natural: line.MinSize().Width}
}

// fromPhoneSection is the grey "Sent from your phone" line above the
// content of a message the owner typed in the WhatsApp Business app.
func fromPhoneSection() section {
	line := newIconLine(iconFromPhone, mutedText(FromPhoneText, sizeNameChatCaption, fyne.TextStyle{Italic: true}), 14)
	return section{obj: line, natural: line.MinSize().Width}
}

// tagSection is a small grey label above the content saying what kind
// of message it is ("Button reply", "Template · order_ready").
func tagSection(label string) section {
	t := newTag(label)
	return section{obj: t, natural: t.MinSize().Width}
}

// unsupportedSection stands in for a message type Parley cannot show.
func unsupportedSection(m app.Message) section {
	text := UnsupportedText
	if m.RawType != "" && m.RawType != "unsupported" {
		text += " (" + m.RawType + ")"
	}
	text += "."
	label := mutedText(text, sizeNameChatText, fyne.TextStyle{Italic: true})
	line := newIconLine(iconInfo, label, 18)
	width := fyne.MeasureText(text, chatTextSize(), fyne.TextStyle{Italic: true}).Width + 24
	return section{obj: line, natural: min(width, 320)}
}

// quoteSection shows the message this one replies to: a tinted box with
// a coloured bar, its author and the start of its text.
func quoteSection(q app.Message, author string, outbound bool) section {
	snippet := app.Summary(q)
	box := newQuote(author, snippet, q.Direction == app.Outbound, outbound)
	width := max(fyne.MeasureText(author, waCaptionSize+1, fyne.TextStyle{Bold: true}).Width,
		fyne.MeasureText(snippet, waCaptionSize+1, fyne.TextStyle{}).Width) + 24
	return section{obj: box, natural: min(width, quoteMaxWidth)}
}

// locationSection shows a shared location: pin, name, address and a link
// to the place on OpenStreetMap.
func locationSection(loc *app.Location) section {
	if loc == nil {
		loc = &app.Location{}
	}
	name := loc.Name
	if name == "" {
		name = "Shared location"
	}
	lines := []fyne.CanvasObject{boldText(name)}
	if loc.Address != "" {
		lines = append(lines, mutedText(loc.Address, sizeNameChatCaption, fyne.TextStyle{}))
	}
	lines = append(lines, newChatLink("Open map", MapURL(loc.Latitude, loc.Longitude)))
	card := newCard(iconPin, lines)
	return section{obj: card, natural: locationWidth}
}

// MapURL links to a point on OpenStreetMap.
func MapURL(lat, lon float64) *url.URL {
	q := url.Values{}
	q.Set("mlat", strconv.FormatFloat(lat, 'f', -1, 64))
	q.Set("mlon", strconv.FormatFloat(lon, 'f', -1, 64))
	return &url.URL{Scheme: "https", Host: "www.openstreetmap.org", Path: "/", RawQuery: q.Encode(),
		Fragment: fmt.Sprintf("map=16/%s/%s", strconv.FormatFloat(lat, 'f', 5, 64), strconv.FormatFloat(lon, 'f', 5, 64))}
}

// contactsSection shows shared contact cards: name, numbers,
// organisation, emails, addresses, websites (as text: a card is the
// customer's word, not a link Parley vouches for) and birthday.
func contactsSection(cs []app.SharedContact) section {
	var cards []fyne.CanvasObject
	for _, c := range cs {
		name := c.Name
		if name == "" {
			name = "Contact"
		}
		lines := []fyne.CanvasObject{boldText(name)}
		for _, p := range c.Phones {
			lines = append(lines, mutedText(p, sizeNameChatCaption, fyne.TextStyle{}))
		}
		if c.Organization != "" {
			lines = append(lines, mutedText(c.Organization, sizeNameChatCaption, fyne.TextStyle{Italic: true}))
		}
		for _, e := range c.Emails {
			lines = append(lines, mutedText(e, sizeNameChatCaption, fyne.TextStyle{}))
		}
		for _, a := range c.Addresses {
			lines = append(lines, mutedText(a, sizeNameChatCaption, fyne.TextStyle{}))
		}
		for _, u := range c.URLs {
			lines = append(lines, mutedText(u, sizeNameChatCaption, fyne.TextStyle{}))
		}
		if c.Birthday != "" {
			lines = append(lines, mutedText("Birthday "+c.Birthday, sizeNameChatCaption, fyne.TextStyle{}))
		}
		cards = append(cards, newAvatarCard(lines))
	}
	if len(cards) == 0 {
		cards = append(cards, newAvatarCard([]fyne.CanvasObject{boldText("Contact card")}))
	}
	return section{obj: newStack(cards), natural: contactCardWidth}
}

// boldText is a wrapping line of bold text.
func boldText(text string) *WrappingText {
	return chatText(text, colorNameChatText, sizeNameChatText, fyne.TextStyle{Bold: true})
}
