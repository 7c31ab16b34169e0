package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
)

// entry is one message of a past conversation: from the customer (in),
// or from the bakery (out, or a template).
type entry struct {
	ago   time.Duration // before the demo's first start
	in    *said
	out   string
	tmpl  *sentTemplate
	state app.DeliveryState // of a message from the bakery; read when empty
}

// sentTemplate is a template the bakery sent, with its parameters.
type sentTemplate struct {
	name, lang string
	params     []string
}

// pastConversation is the story so far with one customer.
type pastConversation struct {
	who     customer
	unread  int // how many of the last messages from the customer are unread
	entries []entry
}

func from(ago time.Duration, s said) entry { return entry{ago: ago, in: &s} }
func reply(ago time.Duration, text string) entry {
	return entry{ago: ago, out: text}
}
func sendTemplate(ago time.Duration, name, lang string, params ...string) entry {
	return entry{ago: ago, tmpl: &sentTemplate{name: name, lang: lang, params: params}}
}

const hour, minute = time.Hour, time.Minute

// history is what happened before the first start of the demo: eight
// customers over the last six days, four of them still inside the
// 24-hour window.
func history() []pastConversation {
	return []pastConversation{
		{who: jonas, unread: 1, entries: []entry{
			from(26*hour, text("Hallo! Macht ihr auch Geburtstagstorten? Meine Tochter wird am Samstag 6 🎉")),
			reply(25*hour+50*minute, "Hallo Jonas, ja klar! 🎂 Für wie viele Personen soll die Torte sein, und hast du schon eine Idee?"),
			from(3*hour+10*minute, photo("So ungefähr stelle ich sie mir vor – für 12 Kinder 😊", "torte.jpg", cakePicture)),
			sendTemplate(3*hour+5*minute, "cake_confirmation", "de", "Jonas", "Schoko-Erdbeer-Torte", "12", "Samstag um 10 Uhr"),
			from(2*hour+58*minute, tap("Passt so")),
			from(2*hour, text("Könnt ihr noch eine Kerze in Form einer *6* dazulegen? 🕯️")),
		}},
		{who: sophie, unread: 2, entries: []entry{
			from(50*hour, text("Hi! Do you offer any baking classes? I'd love to learn how to make sourdough 🍞")),
			sendTemplate(49*hour, "workshop_invite", "en_US", "Saturday at 10 am", "4"),
			from(48*hour+40*minute, tap("Yes, sign me up")),
			reply(47*hour, "Wonderful, Sophie! You're on the list. Bring an apron – we provide everything else. 👩‍🍳"),
			from(45*minute, text("Quick question: can I bring a friend? She'd love to join too 😊")),
			from(40*minute, text("And is there somewhere to park nearby?")),
		}},
		{who: petra, entries: []entry{
			from(29*hour, text("Guten Tag, wir möchten für unser Büro am Freitag ein Frühstück für 25 Personen bestellen. Ist das möglich?")),
			reply(28*hour, "Guten Tag Frau Schulz, sehr gern! Schicken Sie uns einfach Ihre Wunschliste, dann machen wir Ihnen ein Angebot."),
			from(5*hour+20*minute, document("Hier unsere Liste – Lieferung bitte bis 8:30 Uhr.", "Bestellung_Buero_Fruehstueck.pdf", officeOrderPDF)),
			entry{ago: 5 * hour, out: "Vielen Dank! Wir prüfen alles und melden uns heute noch mit dem Angebot. 🙂", state: app.StateDelivered},
		}},
		{who: tom, entries: []entry{
			from(21*hour, text("Moin! Ich hätte gern für Samstag:\n*2x Roggenbrot*\n_ein_ Zimtschnecken-Set (6 Stück)\n~Croissants~ doch lieber *Laugencroissants* 😅")),
			reply(20*hour+30*minute, "Moin Tom, notiert! ✅\n\n*Deine Bestellung für Samstag:*\n• 2× Roggenbrot\n• 1× Zimtschnecken-Set (6 Stück)\n• Laugencroissants – wie viele?\n\nAbholung ab 7 Uhr, Abholcode ```TB-0614```"),
			from(20*hour, text("4 Laugencroissants bitte. Danke! 🙏")),
		}},
		{who: lena, entries: []entry{
			from(31*hour, text("Hallo, ich würde gern 2 Roggenmischbrote und 6 Mohnbrötchen für morgen früh bestellen.")),
			reply(30*hour+50*minute, "Gern, Lena! Wir legen alles für dich zurück. 🥖"),
			sendTemplate(30*hour, "order_ready", "de", "Lena", "#1038", "18"),
			from(29*hour+30*minute, tap("Ich komme gleich")),
		}},
		{who: mehmet, entries: []entry{
			from(52*hour, text("Hallo! Liefert ihr auch hierher? Wir wollen am Sonntag mit Freunden brunchen.")),
			from(52*hour-time.Minute, place(52.48702, 13.41497, "Hasenheide 54", "Hasenheide 54, 10967 Berlin")),
			reply(51*hour, "Hallo Mehmet, ja, das liegt in unserem Liefergebiet! 🚲 Ab 25 € liefern wir kostenlos. Bestell einfach bis Samstag 14 Uhr."),
			from(50*hour, text("Super, danke! Ich melde mich.")),
		}},
		{who: aylin, entries: []entry{
			from(74*hour, text("Hi, habt ihr auch glutenfreies Brot?")),
			reply(73*hour, "Hallo Aylin! Glutenfrei backen wir leider nicht – in unserer Backstube ist überall Mehl in der Luft. "+
				"Unser *Dinkel-Vollkornbrot* vertragen aber viele gut. 🌾"),
			from(72*hour, text("Ok, schade. Trotzdem danke für die ehrliche Antwort!")),
		}},
		{who: claudia, entries: []entry{
			from(6*24*hour, text("Habt ihr am Feiertag geöffnet?")),
			reply(6*24*hour-10*minute, "Hallo Claudia, am Feiertag haben wir von *8 bis 12 Uhr* geöffnet. ☀️"),
			from(6*24*hour-25*minute, text("Danke für die Info! 👍")),
		}},
	}
}

// demoPhoneID is the phone number id in the webhooks the demo writes itself.
const demoPhoneID = "100000000000001"

// seeder writes the history into the store, the way the webhook receiver
// and the outbox would have: customer messages as parsed webhooks,
// the bakery's messages as sent and read.
type seeder struct {
	store     Store
	channel   app.ChannelID
	now       time.Time
	mediaDir  string // where the history's files go; "" keeps none
	templates []seedTemplate
}

// seed writes every past conversation.
func (s *seeder) seed(ctx context.Context) error {
	for ci, pc := range history() {
		if err := s.conversation(ctx, ci, pc); err != nil {
			return fmt.Errorf("seed conversation with %s: %w", pc.who.Name, err)
		}
	}
	return nil
}

func (s *seeder) conversation(ctx context.Context, ci int, pc pastConversation) error {
	readUpTo := len(pc.entries) // entries before this index are read
	for i, n := len(pc.entries)-1, 0; i >= 0 && n < pc.unread; i-- {
		if pc.entries[i].in != nil {
			readUpTo, n = i, n+1
		}
	}
	var convID int64
	var lastTemplate string
	for i, e := range pc.entries {
		if i == readUpTo && convID != 0 {
			if err := s.store.MarkConversationRead(ctx, convID); err != nil {
				return err
			}
		}
		at := s.now.Add(-e.ago).Truncate(time.Second)
		wamid := fmt.Sprintf("wamid.HBgLZGVtb2hpc3Rvcnk%02d%02dFQIAERgS", ci, i)
		var err error
		if e.in != nil {
			msg := *e.in
			if msg.kind == app.MsgButtonReply && msg.replyTo == "" {
				msg.replyTo = lastTemplate
			}
			convID, err = s.inbound(ctx, pc.who, wamid, at, msg, fmt.Sprintf("91%014d", ci*100+i))
		} else {
			convID, err = s.outbound(ctx, pc.who, wamid, at, e)
			if e.tmpl != nil {
				lastTemplate = wamid
			}
		}
		if err != nil {
			return err
		}
	}
	if readUpTo == len(pc.entries) && convID != 0 {
		return s.store.MarkConversationRead(ctx, convID)
	}
	return nil
}

// inbound stores a customer's message as the receiver would: the webhook
// body parsed by the 360dialog parser. A file is written to the media
// folder and recorded as already downloaded.
func (s *seeder) inbound(ctx context.Context, c customer, wamid string, at time.Time, msg said, mediaID string) (int64, error) {
	body, err := webhookBody(demoPhoneID, c, wamid, at, msg, mediaID)
	if err != nil {
		return 0, err
	}
	batch, err := dialog360.ParseWebhook(body)
	if err != nil {
		return 0, fmt.Errorf("parse history webhook: %w", err)
	}
	if msg.file != nil && s.mediaDir != "" && len(batch.Messages) == 1 && batch.Messages[0].Media != nil {
		path := filepath.Join(s.mediaDir, mediaID+"-"+msg.file.name)
		if err := writeFileOnce(path, msg.file.data()); err != nil {
			return 0, err
		}
		batch.Messages[0].Media.LocalPath = path
	}
	inserted, err := s.store.IngestBatch(ctx, s.channel, batch)
	if err != nil {
		return 0, err
	}
	if len(inserted) == 0 {
		return s.conversationOf(ctx, c)
	}
	return inserted[0].ConversationID, nil
}

// outbound stores a message of the bakery as sent and delivered or read.
func (s *seeder) outbound(ctx context.Context, c customer, wamid string, at time.Time, e entry) (int64, error) {
	m := app.Message{ChannelID: s.channel, From: c.waID(), Type: app.MsgText, Text: e.out, Timestamp: at}
	if e.tmpl != nil {
		body, err := s.fill(e.tmpl)
		if err != nil {
			return 0, err
		}
		m.Type, m.Text = app.MsgTemplate, body
		m.Template = &app.TemplateSend{Name: e.tmpl.name, Language: e.tmpl.lang, BodyParams: e.tmpl.params}
	}
	saved, err := s.store.Enqueue(ctx, m)
	if err != nil {
		return 0, err
	}
	state := e.state
	if state == "" {
		state = app.StateRead
	}
	if err := s.store.UpdateState(ctx, saved.ID, state, wamid, 0, ""); err != nil {
		return 0, err
	}
	return saved.ConversationID, nil
}

// fill returns the body of a catalogue template with its parameters.
func (s *seeder) fill(st *sentTemplate) (string, error) {
	for _, t := range s.templates {
		if t.Name == st.name && t.Language == st.lang {
			body := t.Body
			for i, p := range st.params {
				body = strings.ReplaceAll(body, fmt.Sprintf("{{%d}}", i+1), p)
			}
			return body, nil
		}
	}
	return "", fmt.Errorf("history names template %s (%s), which the catalogue lacks", st.name, st.lang)
}

func (s *seeder) conversationOf(ctx context.Context, c customer) (int64, error) {
	cv, err := s.store.ConversationFor(ctx, s.channel, c.waID(), c.Name)
	if err != nil {
		return 0, err
	}
	return cv.ID, nil
}

// writeFileOnce writes data to path unless the file exists.
func writeFileOnce(path string, data []byte) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create media folder: %w", err)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return nil
}
