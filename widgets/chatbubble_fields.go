package widgets

import (
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"github.com/parley-app/parley/app"
)

// AdLinePrefix starts the line on a customer's message that came from a
// click-to-WhatsApp ad.
const AdLinePrefix = "From your ad: "

// adSection is the small line above a customer's message saying which ad
// they came from, with a link to the ad that names only its host. The
// referral comes from the network: a link is offered only for an http or
// https URL with a host, and only the host is shown.
func adSection(r *app.AdReferral) section {
	headline := oneLine(r.Headline)
	if headline == "" {
		headline = oneLine(r.Body)
	}
	if headline == "" {
		headline = "an ad"
		if strings.EqualFold(r.SourceType, "post") {
			headline = "a post"
		}
	}
	text := AdLinePrefix + clip(headline, 80)
	label := mutedText(text, sizeNameChatCaption, fyne.TextStyle{Italic: true})
	width := fyne.MeasureText(text, waCaptionSize, fyne.TextStyle{Italic: true}).Width + 24
	var line fyne.CanvasObject = newIconLine(iconInfo, label, 14)
	if u := SafeWebURL(r.SourceURL); u != nil {
		link := newChatLink(u.Host, u)
		line = container.NewVBox(line, link)
		width = max(width, link.MinSize().Width)
	}
	return section{obj: line, natural: min(width, 320)}
}

// SafeWebURL parses raw and returns it when it is an http or https URL
// with a host, the only links Parley opens from what the network sent;
// otherwise nil.
func SafeWebURL(raw string) *url.URL {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Hostname() == "" || u.User != nil {
		return nil
	}
	return u
}

// ProductLine is what a bubble says about the catalogue product a
// customer's message asks about.
func ProductLine(p app.ReferredProduct) string {
	id := clip(oneLine(p.ProductRetailerID), 60)
	if id == "" {
		id = "from your catalog"
	}
	text := "Asks about product " + id
	if c := clip(oneLine(p.CatalogID), 40); c != "" {
		text += " (catalog " + c + ")"
	}
	return text
}

// productSection is a small card naming the product a customer asks
// about.
func productSection(p *app.ReferredProduct) section {
	text := ProductLine(*p)
	card := newCard(iconInfo, []fyne.CanvasObject{mutedText(text, sizeNameChatCaption, fyne.TextStyle{})})
	width := fyne.MeasureText(text, waCaptionSize, fyne.TextStyle{}).Width + 60
	return section{obj: card, natural: min(width, 320)}
}

// PricingTag is the quiet tag on an outgoing message saying how WhatsApp
// bills it ("Marketing · billable", "Service · free").
func PricingTag(p app.Pricing) string {
	cat := strings.ReplaceAll(clip(oneLine(p.Category), 40), "_", " ")
	bill := "free"
	if p.Billable {
		bill = "billable"
	}
	if cat == "" {
		return capitalise(bill)
	}
	return capitalise(cat) + " · " + bill
}

// pricingSection is the quiet grey line under an outgoing message's
// content with its pricing tag.
func pricingSection(p *app.Pricing) section {
	text := PricingTag(*p)
	label := mutedText(text, sizeNameChatCaption, fyne.TextStyle{})
	return section{obj: label, natural: fyne.MeasureText(text, waCaptionSize, fyne.TextStyle{}).Width + 4}
}

// heldSection explains a message WhatsApp held back (StateHeld,
// StatePaused) in plain words; nothing for other states.
func heldSection(m app.Message) []section {
	text := app.StateText(m.State)
	if m.Direction != app.Outbound || text == "" {
		return nil
	}
	text += "."
	rt := chatText(text, colorNameChatSecondary, sizeNameChatCaption, fyne.TextStyle{})
	width := min(fyne.MeasureText(text, waCaptionSize, fyne.TextStyle{}).Width+24, 300)
	return []section{{obj: newIconLine(iconInfo, rt, 14), natural: width}}
}

// capitalise puts the first letter of s in upper case.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// oneLine folds whitespace (newlines included) of untrusted text into
// single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n runes, ending in "…" when cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
