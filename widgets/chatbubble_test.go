package widgets

import (
	"image"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

var tenPast = time.Date(2026, 3, 4, 10, 10, 0, 0, time.Local)

// showBubbles puts rows in a column of a test window 700 wide.
func showBubbles(t *testing.T, rows ...fyne.CanvasObject) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, container.NewVBox(rows...))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(700, 900))
	return w
}

// visible walks o and every visible object inside it.
func visible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			visible(c, fn)
		}
	case *widget.RichText, *widget.Label:
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			visible(c, fn)
		}
	}
}

// shown joins every visible text under o.
func shown(o fyne.CanvasObject) string {
	var out []string
	visible(o, func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.RichText:
			out = append(out, x.String())
		case *widget.Label:
			out = append(out, x.Text)
		case *widget.Button:
			out = append(out, x.Text)
		case *widget.Hyperlink:
			out = append(out, x.Text)
		case *canvas.Text:
			out = append(out, x.Text)
		}
	})
	return strings.Join(out, " | ")
}

// tapText taps the innermost visible clickable object showing text.
func tapText(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var target fyne.Tappable
	visible(o, func(c fyne.CanvasObject) {
		if tap, ok := c.(fyne.Tappable); ok && strings.Contains(shown(c), text) {
			target = tap
		}
	})
	if target == nil {
		t.Fatalf("nothing to click labelled %q; the bubble shows %q", text, shown(o))
	}
	test.Tap(target)
}

// tickOf names the delivery icon a bubble shows, or "".
func tickOf(b *ChatBubble) string {
	name := ""
	visible(b, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Resource != nil && strings.HasPrefix(img.Resource.Name(), "state-") {
			name = strings.TrimSuffix(strings.TrimPrefix(img.Resource.Name(), "state-"), ".svg")
		}
	})
	return name
}

func inbound(typ app.MessageType, text string) app.Message {
	return app.Message{ID: 1, Direction: app.Inbound, Type: typ, Text: text, Timestamp: tenPast, WAMessageID: "wamid.1", State: app.StateReceived}
}

func outbound(text string, st app.DeliveryState) app.Message {
	return app.Message{ID: 2, Direction: app.Outbound, Type: app.MsgText, Text: text, Timestamp: tenPast, State: st}
}

func TestChatBubbleShowsEachKindOfContent(t *testing.T) {
	doc := inbound(app.MsgDocument, "Invoice for March")
	doc.Media = &app.Media{Filename: "Rechnung-117.pdf", MIMEType: "application/pdf", Size: 48213}
	loc := inbound(app.MsgLocation, "")
	loc.Location = &app.Location{Latitude: 52.49, Longitude: 13.39, Name: "Bäckerei", Address: "Bergmannstraße 42"}
	cards := inbound(app.MsgContacts, "")
	cards.Contacts = []app.SharedContact{{Name: "Chandler Bing", Phones: []string{"+1 555-555-5555"}, Emails: []string{"c@bing.example"}}}
	unknown := inbound(app.MsgUnsupported, "")
	unknown.RawType = "hologram"
	voice := inbound(app.MsgAudio, "")
	voice.Media = &app.Media{MIMEType: "audio/ogg; codecs=opus", Voice: true}
	tpl := outbound("Your order #12 is ready", app.StateSent)
	tpl.Type, tpl.Template = app.MsgTemplate, &app.TemplateSend{Name: "order_ready"}
	fwd := inbound(app.MsgText, "Look at this")
	fwd.Forwarded = true
	fromPhone := outbound("Ready at 3pm", app.StateDelivered)
	fromPhone.FromPhone = true

	cases := []struct {
		msg  app.Message
		want []string
	}{
		{inbound(app.MsgText, "We open at *8* tomorrow"), []string{"We open at 8 tomorrow", "10:10"}},
		{doc, []string{"Rechnung-117.pdf", "PDF · 48 kB", "Invoice for March"}},
		{loc, []string{"Bäckerei", "Bergmannstraße 42", "Open map"}},
		{cards, []string{"Chandler Bing", "+1 555-555-5555", "c@bing.example"}},
		{inbound(app.MsgButtonReply, "Yes, deliver"), []string{"Button reply", "Yes, deliver"}},
		{unknown, []string{UnsupportedText + " (hologram)."}},
		{voice, []string{"Voice message", "OGG"}},
		{tpl, []string{"Template · order_ready", "Your order #12 is ready"}},
		{fwd, []string{"Forwarded", "Look at this"}},
		{fromPhone, []string{FromPhoneText, "Ready at 3pm"}},
	}
	for _, tc := range cases {
		b := NewChatBubble(tc.msg, BubbleOptions{})
		showBubbles(t, b)
		got := shown(b)
		for _, want := range tc.want {
			if !strings.Contains(got, want) {
				t.Errorf("%s bubble: missing %q in %q", tc.msg.Type, want, got)
			}
		}
	}
}

func TestChatBubbleDeliveryTicks(t *testing.T) {
	for state, want := range map[app.DeliveryState]string{
		app.StateQueued: "queued", app.StateSending: "queued", app.StateSent: "sent", app.StateDelivered: "delivered",
		app.StateRead: "read", app.StateFailed: "failed", app.StateUnknown: "unknown",
	} {
		b := NewChatBubble(outbound("Hi", state), BubbleOptions{})
		showBubbles(t, b)
		if got := tickOf(b); got != want {
			t.Errorf("%s: tick %q, want %q", state, got, want)
		}
	}
	in := NewChatBubble(inbound(app.MsgText, "Hi"), BubbleOptions{})
	showBubbles(t, in)
	if got := tickOf(in); got != "" {
		t.Errorf("an inbound message shows the tick %q", got)
	}
}

func TestFailedBubbleExplainsAndRetries(t *testing.T) {
	failed := outbound("Are you still interested?", app.StateFailed)
	failed.ErrorText = "WhatsApp could not deliver this message."
	retried := 0
	b := NewChatBubble(failed, BubbleOptions{OnRetry: func() { retried++ }})
	showBubbles(t, b)
	if got := shown(b); !strings.Contains(got, "Not sent. WhatsApp could not deliver this message.") {
		t.Fatalf("the failed bubble shows %q", got)
	}
	tapText(t, b, "Retry")
	if retried != 1 {
		t.Fatalf("Retry ran %d times", retried)
	}

	unknown := outbound("Your order ships today", app.StateUnknown)
	unknown.ErrorText = app.UnknownStateMessage
	again := 0
	u := NewChatBubble(unknown, BubbleOptions{OnRetry: func() { again++ }})
	showBubbles(t, u)
	if !strings.Contains(shown(u), app.UnknownStateMessage) {
		t.Fatalf("the unknown bubble shows %q", shown(u))
	}
	tapText(t, u, "Send again")
	if again != 1 {
		t.Fatalf("Send again ran %d times", again)
	}
}

func TestReplyIsOfferedWhileThePointerIsOverTheBubble(t *testing.T) {
	replied := 0
	b := NewChatBubble(inbound(app.MsgText, "Is my cake ready?"), BubbleOptions{OnReply: func() { replied++ }})
	showBubbles(t, b)
	if strings.Contains(shown(b), "Reply") {
		t.Fatal("Reply shows before the pointer is over the bubble")
	}
	b.MouseIn(&desktop.MouseEvent{})
	tapText(t, b, "Reply")
	if replied != 1 {
		t.Fatalf("Reply ran %d times", replied)
	}
	b.MouseOut()
	if strings.Contains(shown(b), "Reply") {
		t.Fatal("Reply stays after the pointer left")
	}
}

func TestPhotoBubbleOpensAndRetries(t *testing.T) {
	photo := inbound(app.MsgImage, "The shelf, size M")
	photo.Media = &app.Media{MIMEType: "image/jpeg"}
	opened := 0
	b := NewChatBubble(photo, BubbleOptions{Thumbnail: image.NewRGBA(image.Rect(0, 0, 400, 300)), OnOpen: func() { opened++ }})
	showBubbles(t, b)
	var pic *canvas.Image
	visible(b, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil {
			pic = img
		}
	})
	if pic == nil || pic.Size().Width < 200 || pic.Size().Height < 100 {
		t.Fatalf("the photo is not shown as a thumbnail: %+v", pic)
	}
	var area *tapArea
	visible(b, func(o fyne.CanvasObject) {
		if a, ok := o.(*tapArea); ok {
			area = a
		}
	})
	test.Tap(area)
	if opened != 1 {
		t.Fatalf("clicking the photo opened it %d times", opened)
	}

	fetched := 0
	failed := NewChatBubble(photo, BubbleOptions{MediaNote: "Couldn't download: no network", MediaFailed: true, OnDownload: func() { fetched++ }})
	showBubbles(t, failed)
	if !strings.Contains(shown(failed), "Couldn't download: no network") {
		t.Fatalf("the failed photo shows %q", shown(failed))
	}
	tapText(t, failed, "Try again")
	if fetched != 1 {
		t.Fatalf("Try again ran %d times", fetched)
	}
}

// A photo Parley does not preview (too large, or unreadable) says why in
// its box, in lines that fit, and offers Open.
func TestPhotoWithoutPreviewOffersOpen(t *testing.T) {
	photo := inbound(app.MsgImage, "Look at this")
	photo.Media = &app.Media{MIMEType: "image/png"}
	note := "This photo is too large to show here (30000 × 30000 pixels). You can still open it."
	opened := 0
	b := NewChatBubble(photo, BubbleOptions{MediaNote: note, NoPreview: true, OnOpen: func() { opened++ }})
	showBubbles(t, b)
	if got := strings.ReplaceAll(shown(b), " | ", " "); !strings.Contains(got, note) {
		t.Fatalf("the photo shows %q", got)
	}
	card := cardOf(b)
	visible(b, func(o fyne.CanvasObject) {
		if txt, ok := o.(*canvas.Text); ok && strings.Contains(note, txt.Text) && txt.MinSize().Width > card.Size().Width {
			t.Errorf("the line %q is wider (%v) than the bubble (%v)", txt.Text, txt.MinSize().Width, card.Size().Width)
		}
	})
	tapText(t, b, "Open")
	if opened != 1 {
		t.Fatalf("Open ran %d times", opened)
	}
}

func TestBubbleSidesQuotesAndReactions(t *testing.T) {
	question := inbound(app.MsgText, "Do you have spelt bread?")
	in := NewChatBubble(question, BubbleOptions{Reactions: []string{"👍"}})
	long := outbound(strings.Repeat("We bake it fresh every morning. ", 12), app.StateRead)
	out := NewChatBubble(long, BubbleOptions{Quote: &question, QuoteAuthor: "Anna"})
	showBubbles(t, in, out)

	inCard, outCard := cardOf(in), cardOf(out)
	if inCard.Position().X > 100 {
		t.Errorf("an inbound bubble starts at %v, not on the left", inCard.Position().X)
	}
	if right := outCard.Position().X + outCard.Size().Width; right < 600 {
		t.Errorf("an outbound bubble ends at %v, not on the right", right)
	}
	if w := outCard.Size().Width; w > 700*chatMaxShare+1 {
		t.Errorf("a long message is %v wide; bubbles keep to %v%% of the row", w, chatMaxShare*100)
	}
	if got := shown(out); !strings.Contains(got, "Anna") || !strings.Contains(got, "Do you have spelt bread?") {
		t.Errorf("the reply does not quote its message: %q", got)
	}
	if got := shown(in); !strings.Contains(got, "👍") {
		t.Errorf("the reaction is not shown on its message: %q", got)
	}
}

// cardOf is the background of a bubble's card.
func cardOf(b *ChatBubble) *canvas.Rectangle {
	var card *canvas.Rectangle
	visible(b, func(o fyne.CanvasObject) {
		if r, ok := o.(*canvas.Rectangle); ok && card == nil && r.CornerRadius == bubbleRadius {
			card = r
		}
	})
	return card
}

func TestNoticesAreCentred(t *testing.T) {
	day := NewDaySeparator("Yesterday")
	sys := NewSystemNotice("The customer changed their phone number.")
	showBubbles(t, day, sys)
	for _, n := range []*ChatNotice{day, sys} {
		if !strings.Contains(shown(n), n.Text()) {
			t.Errorf("notice shows %q", shown(n))
		}
		var pill *canvas.Rectangle
		visible(n, func(o fyne.CanvasObject) {
			if r, ok := o.(*canvas.Rectangle); ok && pill == nil {
				pill = r
			}
		})
		mid := pill.Position().X + pill.Size().Width/2
		if mid < 340 || mid > 360 {
			t.Errorf("%q is not centred: its middle is at %v of 700", n.Text(), mid)
		}
	}
}

func TestMapURLAndFileDetails(t *testing.T) {
	if got := MapURL(52.4895, 13.3952).String(); !strings.HasPrefix(got, "https://www.openstreetmap.org/?mlat=52.4895&mlon=13.3952") {
		t.Errorf("map link %s", got)
	}
	video := app.Message{Type: app.MsgVideo, Media: &app.Media{MIMEType: "video/mp4"}}
	if got := FileDetails(video); got != "MP4" {
		t.Errorf("video details %q", got)
	}
	doc := app.Message{Type: app.MsgDocument, Media: &app.Media{Filename: "plan.xlsx", Size: 2_400_000}}
	if got := FileDetails(doc); got != "XLSX · 2.4 MB" {
		t.Errorf("document details %q", got)
	}
}

// A photo whose preview is being decoded again keeps the shape it had,
// for photos of any shape: the conversation does not move meanwhile.
func TestPhotoBeingDecodedAgainKeepsItsShape(t *testing.T) {
	photo := inbound(app.MsgImage, "The shelf, size M")
	photo.Media = &app.Media{MIMEType: "image/jpeg"}
	for _, size := range []image.Point{{320, 240}, {180, 320}, {320, 40}} {
		shown := NewChatBubble(photo, BubbleOptions{Thumbnail: image.NewRGBA(image.Rectangle{Max: size})})
		again := NewChatBubble(photo, BubbleOptions{PhotoSize: size, MediaNote: "Loading the photo…"})
		showBubbles(t, shown, again)
		if shown.MinSize() != again.MinSize() {
			t.Errorf("a %v photo is %v shown and %v while decoded again", size, shown.MinSize(), again.MinSize())
		}
	}
}

// TestBubbleFromThePhone: a message the owner typed on the phone is an
// outgoing bubble on the right, in the outgoing green, with its ticks and
// a "Sent from your phone" line; one sent from Parley has no such line.
func TestBubbleFromThePhone(t *testing.T) {
	m := outbound("Yes, ready at 3pm!", app.StateRead)
	m.FromPhone = true
	phone := NewChatBubble(m, BubbleOptions{})
	parley := NewChatBubble(outbound("Anything else?", app.StateSent), BubbleOptions{})
	showBubbles(t, phone, parley)

	card := cardOf(phone)
	if right := card.Position().X + card.Size().Width; right < 600 {
		t.Errorf("the bubble from the phone ends at %v, not on the right", right)
	}
	if want := chatLook().bubbleOut; card.FillColor != want {
		t.Errorf("the bubble from the phone is %v, want the outgoing green %v", card.FillColor, want)
	}
	if got := shown(phone); !strings.Contains(got, FromPhoneText) || !strings.Contains(got, "Yes, ready at 3pm!") {
		t.Errorf("the bubble from the phone shows %q", got)
	}
	if got := tickOf(phone); got != "read" {
		t.Errorf("the bubble from the phone shows the tick %q, want read", got)
	}
	if got := shown(parley); strings.Contains(got, FromPhoneText) {
		t.Errorf("a message sent from Parley says %q", got)
	}
}

// TestChatZoomScalesMessageText: the owner's zoom changes the size the
// theme gives message text, within its bounds, and not the captions.
func TestChatZoomScalesMessageText(t *testing.T) {
	defer SetChatZoom(1)
	th := WithChatNames(test.NewTheme())
	if got := SetChatZoom(1.23); math.Abs(float64(got)-1.2) > 1e-4 || math.Abs(float64(th.Size(sizeNameChatText))-waTextSize*1.2) > 1e-3 {
		t.Errorf("zoom 1.2 = %v, text size %v", got, th.Size(sizeNameChatText))
	}
	if th.Size(sizeNameChatCaption) != waCaptionSize {
		t.Errorf("the zoom changed captions: %v", th.Size(sizeNameChatCaption))
	}
	if got := SetChatZoom(5); got != MaxChatZoom {
		t.Errorf("zoom 5 = %v, want the largest, %v", got, MaxChatZoom)
	}
	if got := SetChatZoom(0.1); got != MinChatZoom {
		t.Errorf("zoom 0.1 = %v, want the smallest, %v", got, MinChatZoom)
	}
}
