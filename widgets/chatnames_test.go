package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"

	"github.com/parley-app/parley/app"
)

// A conversation draws in WhatsApp's light colours inside Parley's dark
// theme, and it does so without a theme override: Fyne keeps a copy of
// every font per override, for good, so one per bubble made a long
// history cost hundreds of MB.
func TestConversationNeedsNoThemeOverride(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(WithChatNames(darkTheme{theme.DefaultTheme()}))
	photo := inbound(app.MsgImage, "")
	photo.Media = &app.Media{ID: "m1", MIMEType: "image/jpeg"}
	doc := inbound(app.MsgDocument, "")
	doc.Media = &app.Media{ID: "m2", MIMEType: "application/pdf", Filename: "Angebot.pdf"}
	loc := inbound(app.MsgLocation, "")
	loc.Location = &app.Location{Name: "Bakery", Latitude: 52.5, Longitude: 13.4}
	failed := outbound("Your bread is ready", app.StateFailed)
	rows := []fyne.CanvasObject{
		NewDaySeparator("Today"),
		NewSystemNotice("Anna's number changed."),
		NewChatBubble(inbound(app.MsgText, "Hello *there*"), BubbleOptions{Reactions: []string{"👍"}}),
		NewChatBubble(photo, BubbleOptions{MediaNote: "Couldn't download", MediaFailed: true, OnDownload: func() {}}),
		NewChatBubble(doc, BubbleOptions{OnOpen: func() {}}),
		NewChatBubble(loc, BubbleOptions{}),
		NewChatBubble(failed, BubbleOptions{OnRetry: func() {}}),
	}
	w := test.NewTempWindow(t, container.NewVBox(rows...))
	w.Resize(fyne.NewSize(700, 1200))

	var texts []*canvas.Text
	drawn(w.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *container.ThemeOverride:
			t.Errorf("a theme override inside the conversation: %T", x.Content)
		case *canvas.Text:
			texts = append(texts, x)
		}
	})
	want := map[string]color.Color{"Hello ": waText, "there": waText, "Angebot.pdf": waText, "Open map": waLink, "Retry": waText}
	for _, tx := range texts {
		if c, ok := want[tx.Text]; ok {
			if !sameColour(tx.Color, c) {
				t.Errorf("%q is drawn in %v, want WhatsApp's %v (readable on a light bubble)", tx.Text, tx.Color, c)
			}
			delete(want, tx.Text)
		}
	}
	for text := range want {
		t.Errorf("%q is not shown", text)
	}
}

func sameColour(a, b color.Color) bool {
	r1, g1, b1, a1 := a.RGBA()
	r2, g2, b2, a2 := b.RGBA()
	return r1 == r2 && g1 == g2 && b1 == b2 && a1 == a2
}

// drawn walks o and every visible object drawn for it, down to the
// texts inside rich texts.
func drawn(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			drawn(c, fn)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			drawn(c, fn)
		}
	}
}
