package demo

import (
	"strings"

	"github.com/parley-app/parley/app"
)

// The demo business: a neighbourhood bakery in Berlin-Kreuzberg. Its
// number and every customer's number come from the blocks Germany's
// regulator and the North American numbering plan keep for films and
// books (030 23125…, 040 66969…, 069 90009…, 0221 4710…, 089 99998…,
// 555-01xx), so no real person is ever shown.
const (
	// BusinessName is the demo channel's name and verified name.
	BusinessName = "Bäckerei Sonnenschein"
	// BusinessNumber is the demo channel's WhatsApp number.
	BusinessNumber = "+493023125100"
	// APIKey is the demo channel's API key at the emulator. It is not a
	// secret: it opens nothing but the in-process emulator.
	APIKey = "demo-key-baeckerei-sonnenschein"
)

// businessProfile is the demo's WhatsApp business profile.
func businessProfile() app.Profile {
	return app.Profile{
		About:   "Frisches Brot & Kuchen aus Kreuzberg 🥐 Mo–Sa 6:30–18 Uhr, So 7–12 Uhr",
		Address: "Bergmannstraße 42, 10961 Berlin",
		Description: "Familienbäckerei seit 1987. Wir backen jeden Morgen mit Sauerteig, Bio-Mehl aus Brandenburg " +
			"und viel Zeit. Torten auf Bestellung, Frühstück fürs Büro und Backkurse am Samstag.",
		Email:    "hallo@baeckerei-sonnenschein.example",
		Vertical: "GROCERY",
		Websites: []string{"https://www.baeckerei-sonnenschein.example", "https://bestellen.baeckerei-sonnenschein.example"},
	}
}

// customer is a made-up customer of the bakery.
type customer struct {
	Name  string // WhatsApp profile name
	Phone string // E.164
	Lang  string // "de" or "en": the language they write in
}

// waID is the customer's WhatsApp id: the number's digits.
func (c customer) waID() string { return strings.TrimPrefix(c.Phone, "+") }

// The bakery's customers.
var (
	jonas   = customer{"Jonas Weber", "+493023125417", "de"}
	aylin   = customer{"Aylin Demir", "+494066969231", "de"}
	petra   = customer{"Petra Schulz", "+496990009118", "de"}
	sophie  = customer{"Sophie Martin", "+12025550143", "en"}
	mehmet  = customer{"Mehmet Yıldız", "+492214710356", "de"}
	lena    = customer{"Lena Hoffmann", "+498999998602", "de"}
	tom     = customer{"Tom Becker", "+493023125789", "de"}
	claudia = customer{"Claudia Neumann", "+493023125233", "de"}
	katrin  = customer{"Katrin Vogel", "+493023125552", "de"}
	anna    = customer{"Anna Richter", "+493023125664", "de"}
)

// customers lists everyone who writes in the demo.
var customers = []customer{jonas, aylin, petra, sophie, mehmet, lena, tom, claudia, katrin, anna}

// customerByWAID finds a customer by WhatsApp id.
func customerByWAID(waID string) (customer, bool) {
	for _, c := range customers {
		if c.waID() == waID {
			return c, true
		}
	}
	return customer{}, false
}
