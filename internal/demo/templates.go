package demo

import (
	"time"

	"github.com/parley-app/parley/app"
)

// seedTemplate is one template of the demo business as 360dialog holds it.
type seedTemplate struct {
	app.Template
	// age is how long ago WhatsApp last changed it (its review date).
	age time.Duration
	// review is, for a submitted template, how long after the start of
	// the demo WhatsApp decides; reject is the reason code when it refuses.
	review time.Duration
	reject string
}

// Helpers that keep the catalogue readable.
func quick(texts ...string) []app.TemplateButton {
	bs := make([]app.TemplateButton, len(texts))
	for i, t := range texts {
		bs[i] = app.TemplateButton{Type: app.ButtonQuickReply, Text: t}
	}
	return bs
}

func website(text, url, example string) app.TemplateButton {
	return app.TemplateButton{Type: app.ButtonURL, Text: text, URL: url, Example: example}
}

func call(text string) app.TemplateButton {
	return app.TemplateButton{Type: app.ButtonPhone, Text: text, Phone: BusinessNumber}
}

// imageHeader is an image header with the picture called name.
func imageHeader(name string, pics map[string][]byte) app.TemplateHeader {
	return app.TemplateHeader{Format: app.HeaderImage, Media: pics[name], MediaName: name, MediaMIME: "image/jpeg"}
}

// headerPictures draws the pictures of the image headers, at the same
// time: encoding them is most of the demo's start-up work.
func headerPictures() map[string][]byte {
	return drawAll(map[string]func() []byte{
		"wochenangebot.jpg":   func() []byte { return breadPicture("Wochenangebot") },
		"weekly-offer.jpg":    func() []byte { return breadPicture("Offer of the week") },
		"backkurs.jpg":        func() []byte { return sourdoughPicture("Backkurs") },
		"baking-class.jpg":    func() []byte { return sourdoughPicture("Baking class") },
		"adventskalender.jpg": func() []byte { return adventPicture("Adventskalender") },
		"advent-calendar.jpg": func() []byte { return adventPicture("Advent calendar") },
		"fruehstueck.jpg":     func() []byte { return breakfastPicture("Frühstück to go") },
	})
}

func documentHeader(name string, data []byte) app.TemplateHeader {
	return app.TemplateHeader{Format: app.HeaderDocument, Media: data, MediaName: name, MediaMIME: "application/pdf"}
}

func textHeader(text, example string) app.TemplateHeader {
	return app.TemplateHeader{Format: app.HeaderText, Text: text, Example: example}
}

const (
	day       = 24 * time.Hour
	footerDE  = "Bäckerei Sonnenschein · Kreuzberg"
	footerEN  = "Bäckerei Sonnenschein · Berlin"
	orderURL  = "https://bestellen.baeckerei-sonnenschein.example/"
	statusURL = orderURL + "status/{{1}}"
)

// tpl builds an approved template; the fields left out are set by the
// caller where needed.
func tpl(name, lang, category, body string, examples ...string) app.Template {
	return app.Template{Name: name, Language: lang, Category: category, Status: app.TemplateApproved,
		Body: body, BodyExamples: examples}
}

// catalogue returns the bakery's 32 templates in three languages: 22
// approved, 4 waiting for review (one of which WhatsApp will reject), 4
// rejected with different reasons, one paused and one disabled. Several
// have image or document headers and quick-reply, website or call buttons.
func catalogue() []seedTemplate {
	pics := headerPictures()
	var out []seedTemplate
	add := func(age time.Duration, t app.Template) { out = append(out, seedTemplate{Template: t, age: age}) }

	// Ready for pickup, in German, English and Turkish.
	t := tpl("order_ready", "de", app.CategoryUtility,
		"Hallo {{1}}, deine Bestellung *{{2}}* liegt ab sofort zur Abholung bereit. 🥐 Wir haben heute bis {{3}} Uhr geöffnet.",
		"Lena", "#1038", "18")
	t.Footer, t.Buttons = footerDE, quick("Ich komme gleich", "Morgen früh")
	add(41*day, t)
	t = tpl("order_ready", "en_US", app.CategoryUtility,
		"Hi {{1}}, your order *{{2}}* is ready for pickup. 🥐 We are open until {{3}} today.", "Sophie", "#1041", "6 pm")
	t.Footer, t.Buttons = footerEN, quick("On my way", "Tomorrow morning")
	add(41*day, t)
	t = tpl("order_ready", "tr", app.CategoryUtility,
		"Merhaba {{1}}, *{{2}}* numaralı siparişiniz hazır. 🥐 Bugün saat {{3}}'e kadar açığız.", "Mehmet", "#1040", "18")
	t.Footer, t.Buttons = footerDE, quick("Geliyorum", "Yarın sabah")
	add(39*day, t)

	// Cake confirmations.
	t = tpl("cake_confirmation", "de", app.CategoryUtility,
		"Hallo {{1}}, wir haben deine Tortenbestellung: *{{2}}* für {{3}} Personen. Abholung am {{4}}. 🎂",
		"Jonas", "Schoko-Erdbeer-Torte", "12", "Samstag um 10 Uhr")
	t.Header, t.Footer, t.Buttons = textHeader("Deine Torte für {{1}}", "Samstag"), footerDE, quick("Passt so", "Bitte ändern")
	add(33*day, t)
	t = tpl("cake_confirmation", "en_US", app.CategoryUtility,
		"Hi {{1}}, we have your cake order: *{{2}}* for {{3}} people. Pickup on {{4}}. 🎂",
		"Sophie", "lemon drizzle cake", "8", "Saturday at 10 am")
	t.Header, t.Footer, t.Buttons = textHeader("Your cake for {{1}}", "Saturday"), footerEN, quick("Looks good", "Please change it")
	add(33*day, t)

	// The weekly offer, with a picture.
	t = tpl("weekly_offer", "de", app.CategoryMarketing,
		"Diese Woche im Angebot: *{{1}}* für nur {{2}} € – solange der Vorrat reicht! Abbestellen? Antworte mit STOPP.",
		"Roggen-Sauerteigbrot", "4,90")
	t.Header, t.Footer = imageHeader("wochenangebot.jpg", pics), footerDE
	t.Buttons = []app.TemplateButton{website("Zum Angebot", orderURL+"angebote", "")}
	add(12*day, t)
	t = tpl("weekly_offer", "en_US", app.CategoryMarketing,
		"On offer this week: *{{1}}* for only {{2}} € – while stocks last! To unsubscribe, reply STOP.",
		"sourdough rye", "4.90")
	t.Header, t.Footer = imageHeader("weekly-offer.jpg", pics), footerEN
	t.Buttons = []app.TemplateButton{website("See the offer", orderURL+"offers", "")}
	add(12*day, t)

	// The menu of the week as a PDF.
	t = tpl("weekly_menu", "de", app.CategoryUtility,
		"Hallo {{1}}, hier ist unsere Wochenkarte mit allen Broten, Kuchen und dem Mittagstisch. Guten Appetit! 🍞", "Claudia")
	t.Header, t.Footer = documentHeader("Wochenkarte.pdf", weeklyMenuPDF(false)), footerDE
	t.Buttons = []app.TemplateButton{website("Online bestellen", orderURL+"{{1}}", "wochenkarte"), call("Anrufen")}
	add(20*day, t)
	t = tpl("weekly_menu", "en_US", app.CategoryUtility,
		"Hi {{1}}, here is our menu of the week with all breads, cakes and the lunch dishes. Enjoy! 🍞", "Sophie")
	t.Header, t.Footer = documentHeader("Menu-of-the-week.pdf", weeklyMenuPDF(true)), footerEN
	t.Buttons = []app.TemplateButton{website("Order online", orderURL+"{{1}}", "menu"), call("Call us")}
	add(20*day, t)

	// Holiday opening hours.
	t = tpl("holiday_hours", "de", app.CategoryUtility,
		"Liebe Kundschaft, am {{1}} haben wir von {{2}} geöffnet. Wir freuen uns auf euren Besuch! ☀️", "Pfingstmontag", "8 bis 12 Uhr")
	t.Footer = footerDE
	add(58*day, t)
	t = tpl("holiday_hours", "en_US", app.CategoryUtility,
		"Dear customers, on {{1}} we are open {{2}}. We look forward to seeing you! ☀️", "Whit Monday", "from 8 am to noon")
	t.Footer = footerEN
	add(58*day, t)
	t = tpl("holiday_hours", "tr", app.CategoryUtility,
		"Değerli müşterilerimiz, {{1}} günü {{2}} arası açığız. Sizi bekliyoruz! ☀️", "Pazartesi", "08:00–12:00")
	t.Footer = footerDE
	add(58*day, t)

	// The Saturday baking class.
	t = tpl("workshop_invite", "de", app.CategoryMarketing,
		"Lust auf echtes Sauerteigbrot? Am {{1}} zeigen wir dir in unserem Backkurs, wie es geht. Nur noch {{2}} Plätze frei!",
		"Samstag, 10 Uhr", "4")
	t.Header, t.Footer, t.Buttons = imageHeader("backkurs.jpg", pics), footerDE, quick("Ja, ich bin dabei", "Nein, danke")
	add(9*day, t)
	t = tpl("workshop_invite", "en_US", app.CategoryMarketing,
		"Fancy baking real sourdough? On {{1}} we show you how in our baking class. Only {{2}} spots left!",
		"Saturday at 10 am", "4")
	t.Header, t.Footer, t.Buttons = imageHeader("baking-class.jpg", pics), footerEN, quick("Yes, sign me up", "No, thanks")
	add(9*day, t)

	// Thanks after an order.
	t = tpl("thank_you_order", "de", app.CategoryUtility,
		"Danke für deine Bestellung, {{1}}! Wir melden uns, sobald alles fertig ist.", "Tom")
	add(63*day, t)
	t = tpl("thank_you_order", "en_US", app.CategoryUtility,
		"Thank you for your order, {{1}}! We'll let you know as soon as it's ready.", "Sophie")
	add(63*day, t)

	// Delivery by cargo bike.
	t = tpl("delivery_on_the_way", "de", app.CategoryUtility,
		"Gute Nachrichten, {{1}}: deine Lieferung ist unterwegs und kommt gegen {{2}} Uhr an. 🚲", "Petra", "8:15")
	t.Footer, t.Buttons = footerDE, []app.TemplateButton{website("Lieferung verfolgen", statusURL, "A1042")}
	add(27*day, t)

	// Birthday voucher.
	t = tpl("birthday_voucher", "de", app.CategoryMarketing,
		"Zu deinem Geburtstag schenken wir dir ein Stück Kuchen deiner Wahl. 🎂 Zeig einfach diese Nachricht bis {{1}} an der Theke.",
		"Ende Juni")
	t.Header, t.Footer = textHeader("Alles Gute, {{1}}!", "Jonas"), footerDE
	add(15*day, t)

	// Asking for feedback.
	t = tpl("feedback_request", "de", app.CategoryMarketing,
		"Hat es geschmeckt, {{1}}? Wir freuen uns über deine Meinung!", "Tom")
	t.Footer, t.Buttons = footerDE, quick("Sehr lecker 😋", "Geht so", "Nicht gut")
	add(6*day, t)
	t = tpl("feedback_request", "en_US", app.CategoryMarketing,
		"Did you enjoy it, {{1}}? We'd love to hear what you think!", "Sophie")
	t.Footer, t.Buttons = footerEN, quick("Delicious 😋", "It was OK", "Not good")
	add(6*day, t)

	// Call-back request and payment reminder.
	t = tpl("callback_request", "de", app.CategoryUtility,
		"Hallo {{1}}, wir haben versucht, dich wegen deiner Bestellung zu erreichen. Ruf uns gern zurück.", "Mehmet")
	t.Footer, t.Buttons = footerDE, []app.TemplateButton{call("Jetzt anrufen")}
	add(48*day, t)
	t = tpl("payment_reminder", "de", app.CategoryUtility,
		"Hallo {{1}}, für deine Catering-Bestellung {{2}} ist noch ein Betrag von {{3}} € offen. Die Rechnung hängt an dieser Nachricht.",
		"Petra", "#1029", "330,50")
	t.Header, t.Footer = documentHeader("Rechnung-2024-0117.pdf", invoicePDF()), footerDE
	t.Buttons = []app.TemplateButton{website("Rechnung ansehen", orderURL+"rechnung/{{1}}", "2024-0117")}
	add(18*day, t)

	out = append(out, waitingForReview(pics)...)
	out = append(out, refused(pics)...)
	return out
}

// waitingForReview are the templates submitted just before the demo
// starts; WhatsApp decides on them one to two minutes later.
func waitingForReview(pics map[string][]byte) []seedTemplate {
	advent := tpl("advent_calendar", "de", app.CategoryMarketing,
		"Unser Adventskalender ist da! 24 Türchen voller Plätzchen – jetzt vorbestellen, {{1}}. Abbestellen? Antworte mit STOPP.", "Claudia")
	advent.Header, advent.Footer = imageHeader("adventskalender.jpg", pics), footerDE
	adventEN := tpl("advent_calendar", "en_US", app.CategoryMarketing,
		"Our advent calendar is here! 24 doors full of cookies – pre-order yours now, {{1}}. To unsubscribe, reply STOP.", "Sophie")
	adventEN.Header, adventEN.Footer = imageHeader("advent-calendar.jpg", pics), footerEN
	pickup := tpl("pickup_reminder", "de", app.CategoryUtility,
		"Kleine Erinnerung, {{1}}: deine Bestellung wartet heute bis {{2}} Uhr auf dich.", "Lena", "18")
	pickup.Footer = footerDE
	branch := tpl("new_branch", "de", app.CategoryUtility,
		"Wir eröffnen am {{1}} unsere zweite Filiale in der {{2}}! Komm vorbei und probier unsere neuen Zimtschnecken – die ersten 100 sind gratis!",
		"1. Oktober", "Oranienstraße")
	branch.Footer = footerDE
	out := []seedTemplate{
		{Template: advent, review: 60 * time.Second},
		{Template: pickup, review: 75 * time.Second},
		{Template: adventEN, review: 90 * time.Second},
		{Template: branch, review: 120 * time.Second, reject: "PROMOTIONAL"},
	}
	for i := range out {
		out[i].Status = app.TemplateSubmitted
	}
	return out
}

// refused are templates WhatsApp rejected, paused or disabled earlier.
func refused(pics map[string][]byte) []seedTemplate {
	flash := tpl("flash_sale", "de", app.CategoryMarketing, "Nur heute: {{1}}{{2}} auf alle Brötchen!", "20", "%")
	subscription := tpl("bread_subscription", "de", app.CategoryUtility,
		"Jetzt neu: unser Brot-Abo! Jede Woche ein frisches Brot für nur {{1}} € im Monat. Sichere dir jetzt deinen Platz!", "19")
	welcome := tpl("welcome_message", "de", app.CategoryUtility,
		"Welcome to Bäckerei Sonnenschein! Reply with your order and we'll get back to you.")
	loyalty := tpl("loyalty_code", "de", app.CategoryAuthentication,
		"Dein Stempelkarten-Code ist {{1}}. Zehn Stempel = ein Brot gratis! 🥖", "4711")
	breakfast := tpl("breakfast_offer", "de", app.CategoryMarketing,
		"Guten Morgen, {{1}}! Heute gibt es Kaffee und Croissant für {{2}} €. Abbestellen? Antworte mit STOPP.", "Tom", "3,50")
	breakfast.Header, breakfast.Footer = imageHeader("fruehstueck.jpg", pics), footerDE
	summer := tpl("summer_ice_cream_2023", "de", app.CategoryMarketing,
		"Der Sommer ist da! Ab sofort gibt es bei uns hausgemachtes Eis, {{1}}. 🍦", "Aylin")
	out := []seedTemplate{
		{Template: flash, age: 4 * day, reject: "INVALID_FORMAT"},
		{Template: subscription, age: 3 * day, reject: "PROMOTIONAL"},
		{Template: welcome, age: 30 * day, reject: "TAG_CONTENT_MISMATCH"},
		{Template: loyalty, age: 11 * day, reject: "INCORRECT_CATEGORY"},
		{Template: breakfast, age: 2 * day},
		{Template: summer, age: 300 * day},
	}
	for i := range out[:4] {
		out[i].Status, out[i].RejectedReason = app.TemplateRejected, out[i].reject
	}
	out[4].Status = app.TemplatePaused
	out[5].Status = app.TemplateDisabled
	return out
}

// reviewOutcome is WhatsApp's decision on the templates waiting for
// review: it refuses those with a reject reason and approves the rest.
func reviewOutcome(ts []seedTemplate) func(name string) (bool, string) {
	reasons := map[string]string{}
	for _, t := range ts {
		if t.Status == app.TemplateSubmitted && t.reject != "" {
			reasons[t.Name] = t.reject
		}
	}
	return func(name string) (bool, string) {
		if r, ok := reasons[name]; ok {
			return false, r
		}
		return true, ""
	}
}
