package screens

import (
	"log/slog"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// StartAtLogin turns starting Parley (in the tray) with the computer on
// and off, the way the system expects; main implements it with
// internal/autostart.
type StartAtLogin interface {
	Enabled() (bool, error)
	SetEnabled(on bool) error
}

// Texts of the start-at-login setting.
const (
	textStartAtLogin       = "Open Parley when I log in (in the tray)"
	textStartAtLoginFailed = "Parley could not change how it starts"
	// prefStartAtLoginChosen remembers that the owner (or Parley, once a
	// channel received) decided, so Parley never turns it on again.
	prefStartAtLoginChosen = "startAtLoginChosen"
)

// startAtLogin is the setting in the About dialog and the default that
// turns it on once a channel receives messages: a shop's computer that
// restarts keeps receiving without anyone opening Parley.
type startAtLogin struct {
	sys    StartAtLogin
	prefs  uiPrefs
	window fyne.Window
	run    kit.Runner
	check  *widget.Check
}

func newStartAtLogin(sys StartAtLogin, prefs uiPrefs, w fyne.Window, run kit.Runner) *startAtLogin {
	return &startAtLogin{sys: sys, prefs: prefs, window: w, run: run}
}

// checkbox is the setting, showing what the system has now.
func (s *startAtLogin) checkbox() fyne.CanvasObject {
	on, err := s.sys.Enabled()
	if err != nil {
		slog.Warn("read start at login", "err", err)
	}
	s.check = widget.NewCheck(textStartAtLogin, nil)
	s.check.SetChecked(on)
	s.check.OnChanged = s.onChanged
	return s.check
}

// onChanged applies the owner's choice, and remembers that they chose.
func (s *startAtLogin) onChanged(on bool) {
	s.prefs.p.SetBool(prefStartAtLoginChosen, true)
	if err := s.sys.SetEnabled(on); err != nil {
		slog.Error("change start at login", "on", on, "err", err)
		dialog.ShowInformation(textStartAtLoginFailed, "The setting stays as it was. Details: "+err.Error(), s.window)
		s.check.OnChanged = nil
		s.check.SetChecked(!on)
		s.check.OnChanged = s.onChanged
	}
}

// received turns the setting on the first time a channel receives, unless
// the owner already chose; it runs on the UI goroutine.
func (s *startAtLogin) received(r app.ChannelReceiving) {
	if r.State != app.ReceivingOK || s.prefs.p.BoolWithFallback(prefStartAtLoginChosen, false) {
		return
	}
	s.prefs.p.SetBool(prefStartAtLoginChosen, true)
	s.run(func() {
		if err := s.sys.SetEnabled(true); err != nil {
			slog.Warn("turn on start at login", "err", err)
			return
		}
		slog.Info("parley now starts at login (a channel receives)")
	})
	if s.check != nil {
		s.check.OnChanged = nil
		s.check.SetChecked(true)
		s.check.OnChanged = s.onChanged
	}
}
