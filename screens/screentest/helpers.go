// Package screentest is what the tests of Parley's screens share: a whole
// core in a test window, a navigation that records where a page leads,
// fakes, and helpers that read the screen as a user would. Only tests
// import it.
package screentest

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
	"github.com/parley-app/parley/widgets"
)

// FakeChannels is an in-memory app.ChannelStore.
type FakeChannels struct {
	Mu   sync.Mutex    // guards List and Err
	List []app.Channel // the stored channels
	Err  error         // returned by Channels when set
}

// CreateChannel stores c under the next free id.
func (f *FakeChannels) CreateChannel(_ context.Context, c app.Channel) (app.Channel, error) {
	f.Mu.Lock()
	defer f.Mu.Unlock()
	c.ID = app.ChannelID(len(f.List) + 1)
	f.List = append(f.List, c)
	return c, nil
}

// UpdateChannel replaces the stored channel of c's id.
func (f *FakeChannels) UpdateChannel(_ context.Context, c app.Channel) error {
	f.Mu.Lock()
	defer f.Mu.Unlock()
	for i := range f.List {
		if f.List[i].ID == c.ID {
			f.List[i] = c
			return nil
		}
	}
	return app.ErrNotFound
}

// DeleteChannel removes the channel id.
func (f *FakeChannels) DeleteChannel(_ context.Context, id app.ChannelID) error {
	f.Mu.Lock()
	defer f.Mu.Unlock()
	for i := range f.List {
		if f.List[i].ID == id {
			f.List = append(f.List[:i], f.List[i+1:]...)
			return nil
		}
	}
	return app.ErrNotFound
}

// Channel returns the channel id.
func (f *FakeChannels) Channel(_ context.Context, id app.ChannelID) (app.Channel, error) {
	f.Mu.Lock()
	defer f.Mu.Unlock()
	for _, c := range f.List {
		if c.ID == id {
			return c, nil
		}
	}
	return app.Channel{}, app.ErrNotFound
}

// ChannelByWebhookToken returns the channel with the webhook token.
func (f *FakeChannels) ChannelByWebhookToken(_ context.Context, token string) (app.Channel, error) {
	f.Mu.Lock()
	defer f.Mu.Unlock()
	for _, c := range f.List {
		if c.WebhookToken == token {
			return c, nil
		}
	}
	return app.Channel{}, app.ErrNotFound
}

// Channels returns the stored channels, or Err when set.
func (f *FakeChannels) Channels(context.Context) ([]app.Channel, error) {
	f.Mu.Lock()
	defer f.Mu.Unlock()
	if f.Err != nil {
		return nil, f.Err
	}
	return append([]app.Channel(nil), f.List...), nil
}

// ErrDiskGone is a store failure for tests of error states.
var ErrDiskGone = errors.New("disk I/O error")

// RunNow runs background work at once, so tests need no waiting.
func RunNow(work func()) { work() }

// VisibleTexts collects the text of every visible label, rich text,
// button and canvas text under o, as a user would read it.
func VisibleTexts(o fyne.CanvasObject) []string {
	var out []string
	WalkVisible(o, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		case *widget.Button:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		case TextReader:
			out = append(out, v.ReadText())
		}
	})
	return out
}

// TextReader is a widget that draws its text in pieces (a word each,
// say) and reads it whole, as the owner reads it; VisibleTexts takes the
// whole text, not the pieces.
type TextReader interface {
	ReadText() string
}

// WalkVisible calls fn for o and every visible object inside it.
func WalkVisible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			WalkVisible(c, fn)
		}
	case *widget.Label, *widget.RichText, *widget.Button, TextReader:
		// Their text is already collected.
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			WalkVisible(c, fn)
		}
	}
}

// ShowsText reports whether some visible text under o contains want.
func ShowsText(o fyne.CanvasObject, want string) bool {
	for _, s := range VisibleTexts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// Button returns the visible button labelled text, failing the test if
// there is none.
func Button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	WalkVisible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no visible %q button; the screen shows %q", text, VisibleTexts(o))
	}
	return found
}

// ChatButton returns the visible button labelled text inside a chat
// bubble (widgets.ChatButton), failing the test if there is none.
func ChatButton(t *testing.T, o fyne.CanvasObject, text string) *widgets.ChatButton {
	t.Helper()
	var found *widgets.ChatButton
	WalkVisible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widgets.ChatButton); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no visible %q button in a bubble; the screen shows %q", text, VisibleTexts(o))
	}
	return found
}

// ShownPictures counts the decoded pictures (not icons) under o.
func ShownPictures(o fyne.CanvasObject) int {
	n := 0
	WalkVisible(o, func(o fyne.CanvasObject) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil && img.Resource == nil {
			n++
		}
	})
	return n
}

// BakeryTemplates are the templates of the test number on WhatsApp:
// approved, submitted and rejected ones, one name in two languages.
var BakeryTemplates = []app.Template{
	{Name: "order_shipped", Language: "en_US", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Hi {{1}}, your order {{2}} is on its way.", BodyExamples: []string{"Anna", "A-1043"}},
	{Name: "order_shipped", Language: "de", Category: app.CategoryUtility, Status: app.TemplateApproved,
		Body: "Hallo {{1}}, deine Bestellung {{2}} ist unterwegs.", BodyExamples: []string{"Anna", "A-1043"}},
	{Name: "winter_sale", Language: "de", Category: app.CategoryMarketing, Status: app.TemplateSubmitted,
		Body: "Unser Winterverkauf beginnt morgen: 20 % auf alle Torten!", Footer: "Bäckerei Müller"},
	{Name: "bad_promo", Language: "en_US", Category: app.CategoryMarketing, Status: app.TemplateRejected,
		RejectedReason: "INVALID_FORMAT", Body: "{{1}}{{2}} buy now", BodyExamples: []string{"a", "b"}},
	{Name: "login_code", Language: "en_US", Category: app.CategoryAuthentication, Status: app.TemplateApproved,
		Body: "{{1}} is your verification code.", BodyExamples: []string{"123456"}},
}

// ReviewDelay is how long the emulator's reviewer takes in screen tests.
const ReviewDelay = 24 * time.Hour

// SeedTemplates puts BakeryTemplates on the emulator, reviewed after
// ReviewDelay.
func SeedTemplates(t *testing.T, emu *emulator.Emulator) {
	t.Helper()
	emu.SetReviewDelay(ReviewDelay)
	for _, tpl := range BakeryTemplates {
		if err := emu.AddTemplate(WorldKey, tpl); err != nil {
			t.Fatal(err)
		}
	}
}
