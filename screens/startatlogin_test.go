package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// fakeLogin is the system's start-at-login setting.
type fakeLogin struct {
	on      bool
	changes int
}

func (f *fakeLogin) Enabled() (bool, error) { return f.on, nil }
func (f *fakeLogin) SetEnabled(on bool) error {
	f.on = on
	f.changes++
	return nil
}

// Once a channel receives, Parley starts with the computer, so a shop's
// computer that restarts keeps receiving; the owner can turn it off in
// About, and Parley then leaves it off.
func TestStartAtLoginTurnsOnOnceAChannelReceives(t *testing.T) {
	w := screentest.NewWorld(t)
	login := &fakeLogin{}
	s := newShell(w.Window, Deps{Core: w.Core, Channels: w.Core, Version: "9.9.9", StartAtLogin: login}, uiPrefs{p: w.App.Preferences()}, screentest.RunNow)
	w.Window.SetContent(s.content)
	ch := w.AddChannel(t)
	receiving := app.ChannelReceiving{ChannelID: ch.ID, State: app.ReceivingOK}
	w.Core.Events().Publish(app.Event{Kind: app.EventReceivingChanged, ChannelID: ch.ID, Receiving: &receiving})
	if !login.on {
		t.Fatal("a channel receives, yet Parley does not start at login")
	}

	test.Tap(screentest.Button(t, w.Window.Content(), "Parley 9.9.9"))
	var check *widget.Check
	for _, o := range test.LaidOutObjects(w.Window.Canvas().Overlays().Top()) {
		if c, ok := o.(*widget.Check); ok && c.Text == textStartAtLogin {
			check = c
		}
	}
	if check == nil || !check.Checked {
		t.Fatalf("About shows no checked %q: %v", textStartAtLogin, check)
	}
	test.Tap(check)
	if login.on {
		t.Fatal("unticking did not turn it off")
	}
	w.Core.Events().Publish(app.Event{Kind: app.EventReceivingChanged, ChannelID: ch.ID, Receiving: &receiving})
	if login.on || login.changes != 2 {
		t.Errorf("Parley turned it on again after the owner turned it off (%d changes)", login.changes)
	}
}
