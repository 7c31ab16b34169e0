package widgets

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/internal/testkit"
)

var nineFortyOne = time.Date(2025, 3, 4, 9, 41, 0, 0, time.Local)

func orderTemplate() app.Template {
	return app.Template{
		Name:         "order_update",
		Header:       app.TemplateHeader{Format: app.HeaderText, Text: "Your order {{1}}", Example: "#1042"},
		Body:         "Hi {{1}},\n\nyour order *{{2}}* has _shipped_ ~late~.\nCode: ```{{3}}```",
		BodyExamples: []string{"Anna", "#1042"},
		Footer:       "Reply STOP to unsubscribe",
		ModifiedAt:   nineFortyOne,
		Buttons: []app.TemplateButton{
			{Type: app.ButtonURL, Text: "Track order", URL: "https://x.io/{{1}}", Example: "1042"},
			{Type: app.ButtonPhone, Text: "Call the shop", Phone: "+4930123456"},
		},
	}
}

// showPreview puts a preview of tpl in a test window of the given size.
func showPreview(t *testing.T, tpl app.Template, size fyne.Size) (*TemplatePreview, fyne.Window) {
	t.Helper()
	p := NewTemplatePreview(tpl)
	w := test.NewWindow(p)
	t.Cleanup(w.Close)
	w.SetPadded(false)
	w.Resize(size)
	return p, w
}

// objectsOf lists o and everything drawn inside it, in drawing order, as
// the window shows them (test.LaidOutObjects would build new renderers).
func objectsOf(o fyne.CanvasObject) []fyne.CanvasObject {
	out := []fyne.CanvasObject{o}
	switch x := o.(type) {
	case *fyne.Container:
		for _, c := range x.Objects {
			out = append(out, objectsOf(c)...)
		}
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(x).Objects() {
			out = append(out, objectsOf(c)...)
		}
	}
	return out
}

// screenText lists what a user can read in o, in drawing order: the full
// text of every rich text, and every other text.
func screenText(o fyne.CanvasObject) []string {
	var out []string
	inRichText := map[fyne.CanvasObject]bool{}
	for _, obj := range objectsOf(o) {
		switch x := obj.(type) {
		case *widget.RichText:
			out = append(out, x.String())
			for _, c := range objectsOf(x) {
				inRichText[c] = true
			}
		case *canvas.Text:
			if !inRichText[x] && x.Text != "" {
				out = append(out, x.Text)
			}
		}
	}
	return out
}

// findText returns the drawn text object reading s.
func findText(o fyne.CanvasObject, s string) *canvas.Text {
	for _, obj := range objectsOf(o) {
		if x, ok := obj.(*canvas.Text); ok && x.Text == s {
			return x
		}
	}
	return nil
}

// absPos returns the position of obj on the canvas.
func absPos(w fyne.Window, obj fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(obj)
}

func TestTemplatePreviewShowsEveryPart(t *testing.T) {
	test.NewTempApp(t)
	p, w := showPreview(t, orderTemplate(), fyne.NewSize(420, 520))

	got := screenText(p)
	want := []string{
		"Your order #1042",
		"Hi Anna,\n\nyour order #1042 has shipped l\u0336a\u0336t\u0336e\u0336.\nCode: {{3}}",
		"Reply STOP to unsubscribe",
		"09:41",
		"Track order",
		"Call the shop",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("preview reads\n %q\nwant\n %q", got, want)
	}

	// The buttons sit under the bubble, one per row, as wide as the bubble.
	stamp := findText(p, "09:41")
	track, call := findText(p, "Track order"), findText(p, "Call the shop")
	if !(absPos(w, stamp).Y < absPos(w, track).Y && absPos(w, track).Y < absPos(w, call).Y) {
		t.Errorf("buttons are not stacked under the bubble: stamp %v, track %v, call %v",
			absPos(w, stamp), absPos(w, track), absPos(w, call))
	}
	bubble := stageOf(p).Objects[2]
	for _, row := range stageOf(p).Objects[3:] {
		if row.Size().Width != bubble.Size().Width || absPos(w, row).X != absPos(w, bubble).X {
			t.Errorf("button row %v at %v, bubble %v at %v", row.Size(), absPos(w, row), bubble.Size(), absPos(w, bubble))
		}
	}
}

func TestTemplatePreviewButtonIcons(t *testing.T) {
	test.NewTempApp(t)
	tpl := orderTemplate()
	tpl.Buttons = append(tpl.Buttons, app.TemplateButton{Type: app.ButtonQuickReply, Text: "Stop"})
	p, _ := showPreview(t, tpl, fyne.NewSize(420, 600))
	var icons []string
	for _, row := range stageOf(p).Objects[3:] {
		for _, obj := range objectsOf(row) {
			if img, ok := obj.(*canvas.Image); ok {
				icons = append(icons, img.Resource.Name())
			}
		}
	}
	if strings.Join(icons, " ") != "wa-link.svg wa-phone.svg wa-reply.svg" {
		t.Errorf("button icons = %v", icons)
	}
}

func TestTemplatePreviewSetTemplate(t *testing.T) {
	test.NewTempApp(t)
	p, _ := showPreview(t, orderTemplate(), fyne.NewSize(420, 520))

	p.SetTemplate(app.Template{Body: "Your table is *ready*.", ModifiedAt: nineFortyOne})

	got := screenText(p)
	if strings.Join(got, "|") != "Your table is ready.|09:41" {
		t.Errorf("after SetTemplate the preview reads %q", got)
	}
	if len(stageOf(p).Objects[3:]) != 0 {
		t.Errorf("buttons of the old template are still shown")
	}
	if p.Template().Body != "Your table is *ready*." {
		t.Errorf("Template() = %q", p.Template().Body)
	}
}

func TestTemplatePreviewTimeWithoutModifiedAt(t *testing.T) {
	test.NewTempApp(t)
	p := NewTemplatePreview(app.Template{Body: "Hello"})
	p.Now = func() time.Time { return time.Date(2025, 1, 1, 18, 5, 0, 0, time.Local) }
	w := test.NewWindow(p)
	defer w.Close()
	if findText(p, "18:05") == nil {
		t.Errorf("time stamp missing; preview reads %q", screenText(p))
	}
}

func TestTemplatePreviewMediaHeaders(t *testing.T) {
	test.NewTempApp(t)
	var photo bytes.Buffer
	if err := png.Encode(&photo, image.NewRGBA(image.Rect(0, 0, 64, 40))); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		header app.TemplateHeader
		reads  []string
	}{
		{"image sample", app.TemplateHeader{Format: app.HeaderImage, Media: photo.Bytes(), MediaName: "sale.png"}, []string{"Hello", "09:41"}},
		{"image without file", app.TemplateHeader{Format: app.HeaderImage, Example: "https://cdn.example/x.jpg"}, []string{"Image", "Hello", "09:41"}},
		{"broken image", app.TemplateHeader{Format: app.HeaderImage, Media: []byte("not an image"), MediaName: "x.png"}, []string{"x.png", "Hello", "09:41"}},
		{"video", app.TemplateHeader{Format: app.HeaderVideo, MediaName: "tour.mp4"}, []string{"tour.mp4", "Hello", "09:41"}},
		{"document", app.TemplateHeader{Format: app.HeaderDocument, Media: make([]byte, 245_000), MediaName: "menu.pdf"}, []string{"menu.pdf", "PDF · 245 kB", "Hello", "09:41"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, _ := showPreview(t, app.Template{Header: tc.header, Body: "Hello", ModifiedAt: nineFortyOne}, fyne.NewSize(420, 400))
			if got := screenText(p); strings.Join(got, "|") != strings.Join(tc.reads, "|") {
				t.Errorf("preview reads %q, want %q", got, tc.reads)
			}
			photoShown := false
			for _, obj := range objectsOf(p) {
				if img, ok := obj.(*canvas.Image); ok && img.FillMode == canvas.ImageFillCover && img.Size().Height > 100 {
					photoShown = true
				}
			}
			if want := tc.name == "image sample"; photoShown != want {
				t.Errorf("photo shown = %v, want %v", photoShown, want)
			}
		})
	}
}

// A sample picture whose header claims 30000×30000 pixels is not decoded:
// the preview shows the placeholder with the file's name.
func TestTemplatePreviewDoesNotDecodeAPictureBomb(t *testing.T) {
	test.NewTempApp(t)
	bomb := testkit.HugePNG(30000, 30000)
	var p *TemplatePreview
	alloc := testkit.AllocatedBy(func() {
		p, _ = showPreview(t, app.Template{Header: app.TemplateHeader{Format: app.HeaderImage, Media: bomb, MediaName: "poster.png"},
			Body: "Hello", ModifiedAt: nineFortyOne}, fyne.NewSize(420, 400))
		p.Refresh()
	})
	if alloc > 32<<20 {
		t.Errorf("previewing a %d-byte picture bomb allocated %d MB", len(bomb), alloc>>20)
	}
	if got := screenText(p); strings.Join(got, "|") != "poster.png|Hello|09:41" {
		t.Errorf("preview reads %q", got)
	}
}

// The preview looks like the customer's phone in light mode inside
// Parley's dark theme, and without a theme override: Fyne keeps a copy of
// every font per override for good, so each preview the owner opened
// (the templates page, the builder, the template picker) cost 6 MB.
func TestTemplatePreviewStaysLightInDarkTheme(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(WithChatNames(test.Theme()))
	_, w := showPreview(t, orderTemplate(), fyne.NewSize(420, 520))
	a.Settings().SetTheme(WithChatNames(darkTheme{theme.DefaultTheme()}))
	w.Content().Refresh()
	colours := map[string]color.Color{}
	drawn(w.Content(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *container.ThemeOverride:
			t.Errorf("a theme override inside the preview: %T", x.Content)
		case *canvas.Text:
			colours[x.Text] = x.Color
		}
	})
	for text, want := range map[string]color.Color{"Hi ": waText, "Anna": waSample, "{{3}}": waMissing} {
		if got, ok := colours[text]; !ok || !sameColour(got, want) {
			t.Errorf("%q is drawn in %v in the dark theme, want WhatsApp's %v", text, got, want)
		}
	}
}

func TestTemplatePreviewMarkup(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(WithChatNames(test.Theme()))
	_, w := showPreview(t, orderTemplate(), fyne.NewSize(400, 420))
	test.AssertRendersToMarkup(t, "template_preview.xml", w.Canvas())
}

// stageOf returns the laid-out objects of a preview: background, tail,
// bubble, then one row per button.
func stageOf(p *TemplatePreview) *fyne.Container {
	return test.WidgetRenderer(p).(*previewRenderer).stage
}

// darkTheme is the default theme always in its dark variant, whatever the
// user's preference: the owner's desktop set to dark.
type darkTheme struct{ fyne.Theme }

func (d darkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return d.Theme.Color(n, theme.VariantDark)
}
