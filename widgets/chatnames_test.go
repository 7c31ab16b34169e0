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

// A conversation draws in WhatsApp's dark colours inside Parley's dark
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
	dark := darkChat
	want := map[string]color.Color{"Hello ": dark.text, "there": dark.text, "Angebot.pdf": dark.text, "Open map": dark.link, "Retry": dark.text}
	for _, tx := range texts {
		if c, ok := want[tx.Text]; ok {
			if !sameColour(tx.Color, c) {
				t.Errorf("%q is drawn in %v, want WhatsApp's dark chat's %v (readable on a dark bubble)", tx.Text, tx.Color, c)
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

// When the owner's desktop turns dark, an open conversation follows:
// wallpaper, bubbles, day pills and text take WhatsApp's dark colours,
// and turn light again with the desktop.
func TestConversationFollowsTheThemeBetweenLightAndDark(t *testing.T) {
	a := test.NewTempApp(t)
	light, dark := WithChatNames(lightTheme{theme.DefaultTheme()}), WithChatNames(darkTheme{theme.DefaultTheme()})
	a.Settings().SetTheme(light)
	wall := NewChatWallpaper()
	day := NewDaySeparator("Today")
	in := NewChatBubble(inbound(app.MsgText, "Is my cake ready?"), BubbleOptions{Tail: true, Reactions: []string{"❤️"}})
	out := NewChatBubble(outbound("Yes, at 3pm", app.StateRead), BubbleOptions{Tail: true})
	w := test.NewTempWindow(t, container.NewStack(wall, container.NewVBox(day, in, out)))
	w.Resize(fyne.NewSize(600, 400))

	check := func(name string, p *chatPalette) {
		t.Helper()
		if !sameColour(wall.rect.FillColor, p.wallpaper) {
			t.Errorf("%s: the wallpaper is %v, want %v", name, wall.rect.FillColor, p.wallpaper)
		}
		if !sameColour(day.bg.FillColor, p.dayBg) {
			t.Errorf("%s: the day pill is %v, want %v", name, day.bg.FillColor, p.dayBg)
		}
		if got := cardOf(in).FillColor; !sameColour(got, p.bubbleIn) {
			t.Errorf("%s: the customer's bubble is %v, want %v", name, got, p.bubbleIn)
		}
		if got := cardOf(out).FillColor; !sameColour(got, p.bubbleOut) {
			t.Errorf("%s: the owner's bubble is %v, want %v", name, got, p.bubbleOut)
		}
		drawn(w.Content(), func(o fyne.CanvasObject) {
			if tx, ok := o.(*canvas.Text); ok && (tx.Text == "Is my cake ready?" || tx.Text == "Yes, at 3pm") && !sameColour(tx.Color, p.text) {
				t.Errorf("%s: %q is drawn in %v, want %v", name, tx.Text, tx.Color, p.text)
			}
		})
	}
	check("light", lightChat)
	a.Settings().SetTheme(dark)
	check("dark", darkChat)
	a.Settings().SetTheme(light)
	check("light again", lightChat)
}

// lightTheme is the default theme always in its light variant.
type lightTheme struct{ fyne.Theme }

func (l lightTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return l.Theme.Color(n, theme.VariantLight)
}
