package main

import (
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-app/parley/internal/autostart"
	"github.com/parley-app/parley/screens"
)

// loginStart starts Parley in the tray when the owner logs in, the way the
// system expects (internal/autostart).
type loginStart struct{ entry autostart.Entry }

// newLoginStart is the start-at-login setting of this program with data
// folder dataDir (passed on when it is not the default one), or nil when
// this program is a temporary build (go run) that must not start at login.
func newLoginStart(dataDir string, defaultDir bool) screens.StartAtLogin {
	exe, err := os.Executable()
	if err == nil {
		exe, err = filepath.EvalSymlinks(exe)
	}
	if err != nil {
		slog.Warn("start at login: where is this program", "err", err)
		return nil
	}
	if strings.HasPrefix(exe, filepath.Clean(os.TempDir())+string(filepath.Separator)) {
		return nil // a build of go run: gone after it stops
	}
	args := []string{"--tray"}
	if !defaultDir {
		args = append(args, "--data", dataDir)
	}
	return &loginStart{entry: autostart.Entry{ID: appID, Name: "Parley", Exec: exe, Args: args, Icon: appID,
		Comment: "Receives your customers' WhatsApp messages"}}
}

// Enabled reports whether Parley starts at login.
func (l *loginStart) Enabled() (bool, error) { return autostart.Enabled(l.entry) }

// SetEnabled turns starting at login on or off.
func (l *loginStart) SetEnabled(on bool) error {
	if on {
		return autostart.Enable(l.entry)
	}
	return autostart.Disable(l.entry)
}
