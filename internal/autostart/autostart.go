// Package autostart makes a program start when the user logs in, the way
// each system expects it:
//
//   - Linux and other XDG desktops: a desktop entry in
//     $XDG_CONFIG_HOME/autostart (default ~/.config/autostart), per the
//     Desktop Application Autostart and Desktop Entry specifications;
//   - Windows: a value in the user's Run key,
//     HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run;
//   - macOS: a LaunchAgent, ~/Library/LaunchAgents/<ID>.plist, with
//     RunAtLoad. launchd reads it at the next login; the program is not
//     started now (it is already running when the owner turns this on).
//
// Everything is per user: no administrator rights are needed, and other
// users of the computer are not affected.
package autostart

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Entry describes a program to start at login.
type Entry struct {
	// ID is the app's reverse-DNS id, such as "app.parley.desktop"
	// (FyneApp.toml's ID). It names the entry on Linux (<ID>.desktop) and
	// on macOS (<ID>.plist and its Label).
	ID string
	// Name is the app's name, such as "Parley", shown in the system's list
	// of programs that start at login. It names the value in the Run key
	// on Windows.
	Name string
	// Exec is the absolute path of the program.
	Exec string
	// Args are the arguments the program is started with, such as "--tray".
	Args []string
	// Comment says what the program does (Linux only).
	Comment string
	// Icon is the desktop's name for the app's icon (Linux only), such as
	// "app.parley.desktop", the name Parley's package installs it under.
	// Empty leaves it out.
	Icon string
	// Dir is where the entry is kept; empty means the system's own place.
	// On Linux and macOS it is a folder (the autostart folder, the
	// LaunchAgents folder); on Windows a key under HKEY_CURRENT_USER that
	// holds Run and Explorer\StartupApproved\Run (by default
	// Software\Microsoft\Windows\CurrentVersion). Tests set a place of
	// their own.
	Dir string
}

// Enable makes the system start e.Exec with e.Args at every login,
// replacing any entry of the same ID (Name on Windows), such as one left
// by an earlier install at another path. On Windows it also clears a
// "disabled" mark the owner may have set in Task Manager, since turning
// the setting on in Parley is the owner's latest word.
func Enable(e Entry) error {
	if err := e.check(true); err != nil {
		return fmt.Errorf("turn on start at login: %w", err)
	}
	if err := enable(e); err != nil {
		return fmt.Errorf("turn on start at login: %w", err)
	}
	return nil
}

// Disable removes the entry of e.ID (e.Name on Windows), whichever
// program it starts. It is not an error when there is none.
func Disable(e Entry) error {
	if err := e.check(false); err != nil {
		return fmt.Errorf("turn off start at login: %w", err)
	}
	if err := disable(e); err != nil {
		return fmt.Errorf("turn off start at login: %w", err)
	}
	return nil
}

// Enabled reports whether the system will start e.Exec at login: the
// entry exists, starts the same program (e.Args are not compared, so an
// entry written with other arguments still counts; call Enable to bring
// it up to date), and the owner has not turned it off in the system's own
// settings (Hidden or X-GNOME-Autostart-enabled=false on Linux, Task
// Manager's Startup list on Windows, Disabled in the LaunchAgent on
// macOS). An entry left by an older install at another path counts as not
// enabled: it starts another program, and Enable replaces it.
func Enabled(e Entry) (bool, error) {
	if err := e.check(true); err != nil {
		return false, fmt.Errorf("check start at login: %w", err)
	}
	on, err := enabled(e)
	if err != nil {
		return false, fmt.Errorf("check start at login: %w", err)
	}
	return on, nil
}

// check reports what makes e unusable; withExec checks Exec and Args too.
func (e Entry) check(withExec bool) error {
	if err := checkID(e.ID); err != nil {
		return err
	}
	if e.Name == "" {
		return errors.New("the entry has no name")
	}
	for _, s := range []string{e.Name, e.Comment, e.Icon} {
		if err := checkText(s); err != nil {
			return err
		}
	}
	if !withExec {
		return nil
	}
	if !filepath.IsAbs(e.Exec) {
		return fmt.Errorf("the program's path %q is not absolute", e.Exec)
	}
	for _, s := range append([]string{e.Exec}, e.Args...) {
		if err := checkText(s); err != nil {
			return err
		}
	}
	return nil
}

// checkID accepts a reverse-DNS id: letters, digits, '.', '-' and '_',
// which every system takes as a file or value name as it is.
func checkID(id string) error {
	if id == "" || strings.Trim(id, ".") == "" {
		return errors.New("the entry has no id")
	}
	for _, r := range id {
		if r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '-' || r == '_') {
			return fmt.Errorf("the entry's id %q may hold only letters, digits, '.', '-' and '_'", id)
		}
	}
	return nil
}

// checkText refuses what no system's entry can hold as written: text
// that is not UTF-8, and control characters such as line breaks.
func checkText(s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%q is not valid UTF-8", s)
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("%q holds a control character", s)
		}
	}
	return nil
}
