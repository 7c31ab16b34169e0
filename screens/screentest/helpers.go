package screens

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// fakeChannels is an in-memory app.ChannelStore.
type fakeChannels struct {
	mu       sync.Mutex
	channels []app.Channel
	err      error // returned by Channels when set
}

func (f *fakeChannels) CreateChannel(_ context.Context, c app.Channel) (app.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c.ID = app.ChannelID(len(f.channels) + 1)
	f.channels = append(f.channels, c)
	return c, nil
}

func (f *fakeChannels) UpdateChannel(_ context.Context, c app.Channel) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.channels {
		if f.channels[i].ID == c.ID {
			f.channels[i] = c
			return nil
		}
	}
	return app.ErrNotFound
}

func (f *fakeChannels) DeleteChannel(_ context.Context, id app.ChannelID) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := range f.channels {
		if f.channels[i].ID == id {
			f.channels = append(f.channels[:i], f.channels[i+1:]...)
			return nil
		}
	}
	return app.ErrNotFound
}

func (f *fakeChannels) Channel(_ context.Context, id app.ChannelID) (app.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.channels {
		if c.ID == id {
			return c, nil
		}
	}
	return app.Channel{}, app.ErrNotFound
}

func (f *fakeChannels) ChannelByWebhookToken(_ context.Context, token string) (app.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, c := range f.channels {
		if c.WebhookToken == token {
			return c, nil
		}
	}
	return app.Channel{}, app.ErrNotFound
}

func (f *fakeChannels) Channels(context.Context) ([]app.Channel, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.err != nil {
		return nil, f.err
	}
	return append([]app.Channel(nil), f.channels...), nil
}

var errDiskGone = errors.New("disk I/O error")

// runNow runs background work at once, so tests need no waiting.
func runNow(work func()) { work() }

// newTestShell shows the shell in a test window of the default size.
func newTestShell(t *testing.T, store app.ChannelStore, demo bool) (*shell, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	s := newShell(w, Deps{Channels: store, Version: "9.9.9", Demo: demo}, uiPrefs{p: a.Preferences()}, runNow)
	w.SetContent(s.content)
	w.Resize(defaultWindowSize)
	return s, w
}

// visibleTexts collects the text of every visible label, rich text,
// button and canvas text under o, as a user would read it.
func visibleTexts(o fyne.CanvasObject) []string {
	var out []string
	walkVisible(o, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		case *widget.Button:
			out = append(out, v.Text)
		case *canvas.Text:
			out = append(out, v.Text)
		}
	})
	return out
}

// walkVisible calls fn for o and every visible object inside it.
func walkVisible(o fyne.CanvasObject, fn func(fyne.CanvasObject)) {
	if o == nil || !o.Visible() {
		return
	}
	fn(o)
	switch v := o.(type) {
	case *fyne.Container:
		for _, c := range v.Objects {
			walkVisible(c, fn)
		}
	case *widget.Label, *widget.RichText, *widget.Button:
		// Their text is already collected.
	case fyne.Widget:
		for _, c := range test.WidgetRenderer(v).Objects() {
			walkVisible(c, fn)
		}
	}
}

// showsText reports whether some visible text under o contains want.
func showsText(o fyne.CanvasObject, want string) bool {
	for _, s := range visibleTexts(o) {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

// button returns the visible button labelled text, failing the test if
// there is none.
func button(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walkVisible(o, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && found == nil {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no visible %q button; the screen shows %q", text, visibleTexts(o))
	}
	return found
}
