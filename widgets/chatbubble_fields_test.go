package widgets

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/parley-app/parley/app"
)

// linksIn returns the chat links visible under o.
func linksIn(o fyne.CanvasObject) []*ChatLink {
	var out []*ChatLink
	visible(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*ChatLink); ok {
			out = append(out, l)
		}
	})
	return out
}

func TestBubbleShowsTheAdACustomerCameFrom(t *testing.T) {
	m := inbound(app.MsgText, "Can I get the sale price?")
	m.Referral = &app.AdReferral{Headline: "Summer Succulent Sale", SourceURL: "https://fb.me/3cr4Wqqkv?x=1", SourceType: "ad"}
	ad := NewChatBubble(m, BubbleOptions{})
	hostile := inbound(app.MsgText, "hi")
	hostile.Referral = &app.AdReferral{Headline: "Win\nbig", SourceURL: "javascript:alert(1)"}
	bad := NewChatBubble(hostile, BubbleOptions{})
	plain := NewChatBubble(inbound(app.MsgText, "Just a message"), BubbleOptions{})
	showBubbles(t, ad, bad, plain)

	if got := shown(ad); !strings.Contains(got, "From your ad: Summer Succulent Sale") || !strings.Contains(got, "Can I get the sale price?") {
		t.Errorf("the ad's bubble shows %q", got)
	}
	links := linksIn(ad)
	if len(links) != 1 || links[0].Text != "fb.me" || links[0].URL.String() != "https://fb.me/3cr4Wqqkv?x=1" {
		t.Errorf("the ad's bubble links %+v, want the host fb.me opening the ad", links)
	}
	if got := shown(bad); !strings.Contains(got, "From your ad: Win big") || strings.Contains(got, "javascript") {
		t.Errorf("a hostile referral shows %q", got)
	}
	if l := linksIn(bad); len(l) != 0 {
		t.Errorf("a javascript: referral is offered as a link: %+v", l)
	}
	if got := shown(plain); strings.Contains(got, AdLinePrefix) {
		t.Errorf("a message without an ad says %q", got)
	}
}

func TestSafeWebURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://fb.me/abc": true, "http://instagram.com/p/1": true, " https://fb.me/x ": true,
		"javascript:alert(1)": false, "file:///etc/passwd": false, "https://": false, "AD_OR_POST_FB_URL": false,
		"https://user:pw@fb.me/": false, "": false, "ftp://fb.me/": false,
	} {
		if got := SafeWebURL(raw) != nil; got != ok {
			t.Errorf("SafeWebURL(%q) = %v, want %v", raw, got, ok)
		}
	}
}

func TestBubbleShowsTheProductAskedAbout(t *testing.T) {
	m := inbound(app.MsgText, "Is this one still in stock?")
	m.Product = &app.ReferredProduct{CatalogID: "194836987003835", ProductRetailerID: "di9ozbzfi4"}
	b := NewChatBubble(m, BubbleOptions{})
	showBubbles(t, b)
	if got := shown(b); !strings.Contains(got, "Asks about product di9ozbzfi4 (catalog 194836987003835)") ||
		!strings.Contains(got, "Is this one still in stock?") {
		t.Errorf("the bubble shows %q", got)
	}
}

func TestOutgoingBubbleShowsWhatWhatsAppBills(t *testing.T) {
	mkt := outbound("Summer sale!", app.StateDelivered)
	mkt.Pricing = &app.Pricing{Billable: true, Category: "marketing", Model: "PMP"}
	free := outbound("Thanks!", app.StateRead)
	free.Pricing = &app.Pricing{Category: "service"}
	none := outbound("Hello", app.StateSent)
	in := inbound(app.MsgText, "Hi")
	in.Pricing = &app.Pricing{Billable: true, Category: "marketing"}
	bm, bf, bn, bi := NewChatBubble(mkt, BubbleOptions{}), NewChatBubble(free, BubbleOptions{}),
		NewChatBubble(none, BubbleOptions{}), NewChatBubble(in, BubbleOptions{})
	showBubbles(t, bm, bf, bn, bi)
	if got := shown(bm); !strings.Contains(got, "Marketing · billable") {
		t.Errorf("the marketing message shows %q", got)
	}
	if got := shown(bf); !strings.Contains(got, "Service · free") {
		t.Errorf("the service message shows %q", got)
	}
	for _, b := range []*ChatBubble{bn, bi} {
		if got := shown(b); strings.Contains(got, "billable") || strings.Contains(got, "free") {
			t.Errorf("a message without pricing (or a customer's) shows %q", got)
		}
	}
	if got := PricingTag(app.Pricing{Billable: true, Category: "authentication_international"}); got != "Authentication international · billable" {
		t.Errorf("PricingTag = %q", got)
	}
}

func TestBubbleShowsTheFullContactCard(t *testing.T) {
	m := inbound(app.MsgContacts, "")
	m.Contacts = []app.SharedContact{{Name: "Barbara J. Johnson", Phones: []string{"+1 (940) 555-1234"},
		Emails: []string{"bjohnson@luckyshrub.example"}, Organization: "Lucky Shrub · Legal · Lead Counsel",
		Birthday: "1999-01-23", Addresses: []string{"Work: 1 Lucky Shrub Way, Menlo Park, CA 94025, United States"},
		URLs: []string{"https://www.luckyshrub.example"}}}
	b := NewChatBubble(m, BubbleOptions{})
	showBubbles(t, b)
	got := shown(b)
	for _, want := range []string{"Barbara J. Johnson", "+1 (940) 555-1234", "bjohnson@luckyshrub.example",
		"Lucky Shrub · Legal · Lead Counsel", "Birthday 1999-01-23", "Work: 1 Lucky Shrub Way, Menlo Park, CA 94025, United States",
		"https://www.luckyshrub.example"} {
		if !strings.Contains(got, want) {
			t.Errorf("the contact card lacks %q; it shows %q", want, got)
		}
	}
	if l := linksIn(b); len(l) != 0 {
		t.Errorf("a contact card's website is a link: %+v", l)
	}
}

func TestHeldAndPausedBubblesSaySoPlainly(t *testing.T) {
	held := NewChatBubble(outbound("Summer sale!", app.StateHeld), BubbleOptions{OnRetry: func() { t.Error("retry offered") }})
	paused := NewChatBubble(outbound("Summer sale!", app.StatePaused), BubbleOptions{})
	showBubbles(t, held, paused)
	if got := shown(held); !strings.Contains(got, "Held by WhatsApp for a quality check") || strings.Contains(got, "Retry") {
		t.Errorf("the held message shows %q", got)
	}
	if got := shown(paused); !strings.Contains(got, "Paused by WhatsApp") {
		t.Errorf("the paused message shows %q", got)
	}
	if got := tickOf(held); got != "queued" {
		t.Errorf("the held message shows the tick %q, want the clock", got)
	}
}
