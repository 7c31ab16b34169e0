package dialog360

import (
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-app/parley/app"
)

type whSharedContact struct {
	Name struct {
		FormattedName string `json:"formatted_name"`
		FirstName     string `json:"first_name"`
		MiddleName    string `json:"middle_name"`
		LastName      string `json:"last_name"`
	} `json:"name"`
	Org struct {
		Company    string `json:"company"`
		Department string `json:"department"`
		Title      string `json:"title"`
	} `json:"org"`
	Birthday  string `json:"birthday"`
	Addresses []struct {
		Street      string `json:"street"`
		City        string `json:"city"`
		State       string `json:"state"`
		Zip         string `json:"zip"`
		Country     string `json:"country"`
		CountryCode string `json:"country_code"`
		Type        string `json:"type"`
	} `json:"addresses"`
	URLs []struct {
		URL  string `json:"url"`
		Type string `json:"type"`
	} `json:"urls"`
	Phones []struct {
		Phone string `json:"phone"`
		WAID  string `json:"wa_id"`
	} `json:"phones"`
	Emails []struct {
		Email string `json:"email"`
	} `json:"emails"`
}

type whOrder struct {
	CatalogID    string `json:"catalog_id"`
	Text         string `json:"text"`
	ProductItems []struct {
		ProductRetailerID string  `json:"product_retailer_id"`
		Quantity          float64 `json:"quantity"`
		ItemPrice         float64 `json:"item_price"`
		Currency          string  `json:"currency"`
	} `json:"product_items"`
}

type whSystem struct {
	Body    string `json:"body"`
	Type    string `json:"type"`
	WAID    string `json:"wa_id"`     // Cloud API: the new number
	NewWAID string `json:"new_wa_id"` // flat v1: the new number
}

// whSetContacts maps shared contact cards. A card without a name is named
// after its first phone number or email so the owner still sees something;
// an empty card is left out.
func whSetContacts(m *app.Message, cards []whSharedContact) {
	if len(cards) == 0 {
		m.Type = app.MsgUnsupported
		return
	}
	m.Type = app.MsgContacts
	m.Contacts = make([]app.SharedContact, 0, len(cards))
	for i := range cards {
		c := &cards[i]
		var sc app.SharedContact
		for _, p := range c.Phones {
			phone := p.Phone
			if phone == "" && p.WAID != "" {
				phone = whPhone(p.WAID)
			}
			if phone != "" {
				sc.Phones = append(sc.Phones, phone)
			}
		}
		for _, e := range c.Emails {
			if e.Email != "" {
				sc.Emails = append(sc.Emails, e.Email)
			}
		}
		for _, a := range c.Addresses {
			region := whJoin(" ", a.State, a.Zip)
			line := whJoin(", ", a.Street, a.City, region, whFirst(a.Country, a.CountryCode))
			if line != "" {
				sc.Addresses = append(sc.Addresses, whLabelled(a.Type, line))
			}
		}
		for _, u := range c.URLs {
			if u := strings.TrimSpace(u.URL); u != "" {
				sc.URLs = append(sc.URLs, u)
			}
		}
		sc.Organization = whJoin(" · ", c.Org.Company, c.Org.Department, c.Org.Title)
		sc.Birthday = strings.TrimSpace(c.Birthday)
		n := c.Name
		sc.Name = n.FormattedName
		if sc.Name == "" {
			sc.Name = strings.Join(strings.Fields(n.FirstName+" "+n.MiddleName+" "+n.LastName), " ")
		}
		if sc.Name == "" {
			sc.Name = c.Org.Company
		}
		if sc.Name == "" && len(sc.Phones) > 0 {
			sc.Name = sc.Phones[0]
		}
		if sc.Name == "" && len(sc.Emails) > 0 {
			sc.Name = sc.Emails[0]
		}
		if sc.Name != "" {
			m.Contacts = append(m.Contacts, sc)
		}
	}
	if len(m.Contacts) == 0 {
		m.Type, m.Contacts = app.MsgUnsupported, nil
	}
}

// whJoin joins the non-blank parts with sep.
func whJoin(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// whLabelled puts the kind of a contact's address ("HOME") before it,
// as "Home: ...".
func whLabelled(kind, line string) string {
	kind = strings.TrimSpace(kind)
	if kind == "" {
		return line
	}
	r, n := utf8.DecodeRuneInString(kind)
	return string(unicode.ToUpper(r)) + strings.ToLower(kind[n:]) + ": " + line
}

// whSetOrder maps a cart sent from the catalogue. Message has no field for
// line items, so Text lists them for the owner, one per line, after the
// customer's note, with a total when every item has the same currency.
// Payload is the catalogue id.
func whSetOrder(m *app.Message, o *whOrder) {
	if o == nil {
		m.Type = app.MsgUnsupported
		return
	}
	m.Type = app.MsgOrder
	m.Payload = o.CatalogID
	var sb strings.Builder
	if o.Text != "" {
		sb.WriteString(o.Text)
	}
	var total float64
	currency, sameCurrency := "", true
	for i, it := range o.ProductItems {
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(whNumber(it.Quantity))
		sb.WriteString(" × ")
		sb.WriteString(whFirst(it.ProductRetailerID, "item"))
		sb.WriteString(" (")
		sb.WriteString(whMoney(it.ItemPrice, it.Currency))
		sb.WriteString(" each)")
		total += it.Quantity * it.ItemPrice
		if i == 0 {
			currency = it.Currency
		} else if it.Currency != currency {
			sameCurrency = false
		}
	}
	if len(o.ProductItems) > 0 && sameCurrency && !math.IsInf(total, 0) && !math.IsNaN(total) {
		sb.WriteString("\nTotal: ")
		sb.WriteString(whMoney(total, currency))
	}
	m.Text = sb.String()
}

// whSetSystem maps a notice from WhatsApp about the customer, in words
// the owner understands. For a number change Payload holds the new
// WhatsApp id, so the core can link the two conversations.
func whSetSystem(m *app.Message, s *whSystem) {
	m.Type = app.MsgSystem
	if s == nil {
		m.Text = "WhatsApp sent a notice about this chat."
		return
	}
	switch s.Type {
	case "user_changed_number", "customer_changed_number":
		newID := whFirst(s.WAID, s.NewWAID)
		m.Payload = newID
		if newID != "" {
			m.Text = "The customer changed their phone number to " + whPhone(newID) +
				". New messages will come from that number."
		} else {
			m.Text = "The customer changed their phone number."
		}
	case "customer_identity_changed", "user_identity_changed":
		m.Text = "The customer's security code changed. They may have reinstalled WhatsApp or moved to a new phone."
	default:
		m.Text = whFirst(s.Body, "WhatsApp sent a notice about this chat.")
	}
}

// whPhone shows a WhatsApp id (digits only) as an international number.
func whPhone(waID string) string {
	if waID == "" || strings.Trim(waID, "0123456789") != "" {
		return waID
	}
	return "+" + waID
}

// whNumber formats a quantity or amount without needless decimals.
func whNumber(f float64) string {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return "?"
	}
	return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
}

func whMoney(f float64, currency string) string {
	if currency == "" {
		return whNumber(f)
	}
	return whNumber(f) + " " + currency
}

// whInt64 parses a size, or returns 0.
func whInt64(s whFlexString) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(string(s)), 10, 64)
	if err != nil || n < 0 {
		return 0
	}
	return n
}
