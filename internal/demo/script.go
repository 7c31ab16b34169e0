package demo

import "github.com/parley-app/parley/app"

// liveLine is a message a customer sends while the demo runs; then is a
// text the customer writes a few seconds later (after a location).
type liveLine struct {
	who  customer
	say  said
	then string
}

// liveScript is what customers write while the demo runs, one line every
// 30 to 90 seconds, starting over after the last.
func liveScript() []liveLine {
	return []liveLine{
		{who: katrin, say: text("Guten Morgen! Habt ihr heute noch Dinkelbrötchen? 🙂")},
		{who: jonas, say: text("Und können wir die Torte schon um *9:30 Uhr* abholen?")},
		{who: sophie, say: text("Also – do I need to bring my own container for the bread?")},
		{who: tom, say: photo("Das Zimtschnecken-Set war der Hit beim Frühstück! 😍", "zimtschnecken.jpg", cinnamonPicture)},
		{who: katrin, say: text("Super, dann komme ich in 10 Minuten vorbei.")},
		{who: anna, say: text("Hallo, ich glaube, ich habe gestern meinen Schal bei euch liegen lassen – einen blauen. Ist der noch da?")},
		{who: petra, say: document("Noch die finale Teilnehmerzahl: 27 Personen.", "Teilnehmerliste_Freitag.pdf", guestListPDF)},
		{who: mehmet, say: text("Hallo nochmal! Wir würden gern für Sonntag *2 Brunch-Körbe* bestellen. Geht das?")},
		{who: anna, say: place(52.48893, 13.39556, "Bergmannstraße 30", "Bergmannstraße 30, 10961 Berlin"),
			then: "Ich bin gerade um die Ecke – kann ich den Schal gleich abholen?"},
		{who: lena, say: text("Habt ihr nächste Woche wieder Mohnbrötchen?")},
		{who: aylin, say: text("Hallo! Gibt es das Dinkel-Vollkornbrot auch als halbes Brot?")},
		{who: claudia, say: text("Wie lange habt ihr am Samstag offen?")},
	}
}

// afterTap is what a customer writes right after tapping a quick reply:
// people rarely leave it at the tap.
var afterTap = map[string]string{
	"Ich komme gleich":  "Bin in 10 Minuten da 🚲",
	"Morgen früh":       "Ich hole alles morgen gegen 8 ab, ok?",
	"Passt so":          "Danke, die Kinder werden sich freuen! 🎉",
	"Bitte ändern":      "Könnte die Schrift auf der Torte bitte blau sein?",
	"Ja, ich bin dabei": "Freu mich schon! Muss ich etwas mitbringen?",
	"Nein, danke":       "Diesmal passt es leider nicht, vielleicht beim nächsten Mal!",
	"Sehr lecker 😋":     "Die Zimtschnecken sind die besten in Kreuzberg!",
	"Geht so":           "Das Brot war diesmal etwas trocken.",
	"Nicht gut":         "Leider war der Kuchen nicht mehr ganz frisch.",
	"On my way":         "See you in 10 minutes!",
	"Tomorrow morning":  "I'll come by around 8 tomorrow, if that's OK.",
	"Looks good":        "Perfect, thank you so much!",
	"Please change it":  "Could you write \"Happy Birthday, Mia\" on it?",
	"Yes, sign me up":   "Can't wait! Do I need to bring anything?",
	"No, thanks":        "Not this time, but maybe next month!",
	"Delicious 😋":       "Best cinnamon rolls in Berlin!",
	"It was OK":         "The bread was a little dry this time.",
	"Not good":          "Sadly the cake wasn't very fresh.",
	"Geliyorum":         "10 dakikaya oradayım!",
	"Yarın sabah":       "Yarın sabah 8 gibi gelirim.",
}

// thanks are short answers to the bakery's messages, by language.
var thanks = map[string][]string{
	"de": {"Danke! 🙏", "Perfekt, bis dann!", "Alles klar 👍", "Super, vielen Dank!", "Top, danke euch! ☀️"},
	"en": {"Thank you! 🙏", "Perfect, see you then!", "Great, thanks a lot!", "Sounds good 👍"},
}

// quickReplies returns the quick-reply buttons of the catalogue template
// name in lang.
func quickReplies(ts []seedTemplate, name, lang string) []string {
	var out []string
	for _, t := range ts {
		if t.Name != name || t.Language != lang {
			continue
		}
		for _, b := range t.Buttons {
			if b.Type == app.ButtonQuickReply {
				out = append(out, b.Text)
			}
		}
	}
	return out
}
