package autostart

import (
	"errors"
	"path/filepath"
	"strings"
	"syscall"

	"golang.org/x/sys/windows/registry"
)

// defaultBase is the key under HKEY_CURRENT_USER that holds Run and
// Explorer\StartupApproved\Run.
const defaultBase = `Software\Microsoft\Windows\CurrentVersion`

// keys are the Run key, whose values Windows starts at login, and the
// StartupApproved key, where Task Manager's Startup list (and Settings →
// Apps → Startup) marks a Run value turned off.
func keys(dir string) (run, approved string) {
	base := dir
	if base == "" {
		base = defaultBase
	}
	return base + `\Run`, base + `\Explorer\StartupApproved\Run`
}

// enable sets the Run value e.Name to e's command line, and removes a
// StartupApproved mark, so the value is started whatever the owner chose
// in Task Manager before.
func enable(e Entry) error {
	if strings.Contains(e.Exec, `"`) {
		return errors.New("the program's path holds a quote")
	}
	run, approved := keys(e.Dir)
	k, _, err := registry.CreateKey(registry.CURRENT_USER, run, registry.SET_VALUE)
	if err != nil {
		return err
	}
	defer k.Close()
	if err := k.SetStringValue(e.Name, commandLine(e)); err != nil {
		return err
	}
	return deleteValue(approved, e.Name)
}

// disable deletes the Run value and its StartupApproved mark.
func disable(e Entry) error {
	run, approved := keys(e.Dir)
	return errors.Join(deleteValue(run, e.Name), deleteValue(approved, e.Name))
}

// enabled reads the Run value back: its program must be e.Exec (paths
// compared as Windows does, ignoring case), and Task Manager must not
// have turned it off.
func enabled(e Entry) (bool, error) {
	run, approved := keys(e.Dir)
	k, err := registry.OpenKey(registry.CURRENT_USER, run, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer k.Close()
	cmd, _, err := k.GetStringValue(e.Name)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if !strings.EqualFold(filepath.Clean(programOf(cmd)), filepath.Clean(e.Exec)) {
		return false, nil
	}
	off, err := turnedOff(approved, e.Name)
	return !off, err
}

// commandLine is the program's path in quotes (which a Windows path
// cannot hold, and which keep a path with spaces whole) followed by the
// arguments, each quoted as programs' C runtime reads them back.
func commandLine(e Entry) string {
	var b strings.Builder
	b.WriteString(`"` + e.Exec + `"`)
	for _, a := range e.Args {
		b.WriteString(" " + syscall.EscapeArg(a))
	}
	return b.String()
}

// programOf is the program of a command line: the part in quotes, or the
// first word.
func programOf(cmd string) string {
	cmd = strings.TrimLeft(cmd, " \t")
	if rest, ok := strings.CutPrefix(cmd, `"`); ok {
		program, _, _ := strings.Cut(rest, `"`)
		return program
	}
	program, _, _ := strings.Cut(cmd, " ")
	return program
}

// turnedOff reports whether StartupApproved marks the value name as
// turned off: Task Manager writes 12 bytes, the first even when the
// value is on (02) and odd when off (03, with the time it was turned
// off); no mark means on.
func turnedOff(key, name string) (bool, error) {
	k, err := registry.OpenKey(registry.CURRENT_USER, key, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	defer k.Close()
	mark, _, err := k.GetBinaryValue(name)
	if errors.Is(err, registry.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return len(mark) > 0 && mark[0]&1 == 1, nil
}

// deleteValue deletes the value name of key; a missing key or value is
// no error.
func deleteValue(key, name string) error {
	k, err := registry.OpenKey(registry.CURRENT_USER, key, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer k.Close()
	if err := k.DeleteValue(name); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return err
	}
	return nil
}
