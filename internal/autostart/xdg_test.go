//go:build !windows && !darwin

package autostart

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// parley is the entry Parley would write, for a program installed at a
// path with spaces, a '%', a quote, a '$' and a backslash.
func parley(dir string) Entry {
	return Entry{
		ID:      "app.parley.desktop",
		Name:    "Parley",
		Exec:    `/home/ana/My Apps/50% "off"/$HOME\parley`,
		Args:    []string{"--tray"},
		Comment: "Receive your WhatsApp Business messages",
		Icon:    "app.parley.desktop",
		Dir:     dir,
	}
}

// TestEnableWritesDesktopEntry: the entry lands in the autostart folder
// (created when missing), readable by everyone, with the keys a desktop
// needs, and its Exec line starts the same program with the same
// arguments.
func TestEnableWritesDesktopEntry(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "config", "autostart") // neither exists yet
	e := parley(dir)
	if err := Enable(e); err != nil {
		t.Fatal(err)
	}

	path := filepath.Join(dir, "app.parley.desktop.desktop")
	info, err := os.Stat(path)
	if err != nil {
		t.Fatalf("no desktop entry after Enable: %v", err)
	}
	if info.Mode().Perm() != 0o644 {
		t.Errorf("the entry's mode is %v, want -rw-r--r--", info.Mode().Perm())
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	if !strings.HasPrefix(text, "[Desktop Entry]\n") {
		t.Errorf("the entry does not start with its group header:\n%s", text)
	}
	// The Exec line as the Desktop Entry specification spells it: the
	// path quoted, '%' doubled, '"' and '$' with a backslash that the
	// string escape doubles, and so the backslash with four.
	for _, line := range []string{
		"Type=Application",
		"Name=Parley",
		"Comment=Receive your WhatsApp Business messages",
		`Exec="/home/ana/My Apps/50%% \\"off\\"/\\$HOME\\\\parley" --tray`,
		`TryExec=/home/ana/My Apps/50% "off"/$HOME\\parley`,
		"Icon=app.parley.desktop",
		"Terminal=false",
		"NoDisplay=false",
		"X-GNOME-Autostart-enabled=true",
	} {
		if !slices.Contains(strings.Split(text, "\n"), line) {
			t.Errorf("the entry lacks the line %s:\n%s", line, text)
		}
	}

	keys, err := desktopKeys(data)
	if err != nil {
		t.Fatal(err)
	}
	argv, err := splitExec(keys["Exec"])
	if err != nil {
		t.Fatal(err)
	}
	if want := append([]string{e.Exec}, e.Args...); !slices.Equal(argv, want) {
		t.Errorf("Exec starts %q, want %q", argv, want)
	}
	if keys["TryExec"] != e.Exec {
		t.Errorf("TryExec is %q, want %q", keys["TryExec"], e.Exec)
	}
}

// TestEnableDisableRoundTrip: the setting follows Enable and Disable,
// each may be repeated, and nothing else is left in the folder.
func TestEnableDisableRoundTrip(t *testing.T) {
	dir := t.TempDir()
	e := parley(dir)
	assertEnabled(t, e, false)

	for range 2 {
		if err := Enable(e); err != nil {
			t.Fatal(err)
		}
		assertEnabled(t, e, true)
	}
	assertFiles(t, dir, "app.parley.desktop.desktop")

	for range 2 {
		if err := Disable(e); err != nil {
			t.Fatal(err)
		}
		assertEnabled(t, e, false)
	}
	assertFiles(t, dir)
}

// TestDisableWithoutFolder: turning the setting off when it was never on
// (no autostart folder at all) is not an error.
func TestDisableWithoutFolder(t *testing.T) {
	e := parley(filepath.Join(t.TempDir(), "missing"))
	if err := Disable(e); err != nil {
		t.Fatal(err)
	}
	assertEnabled(t, e, false)
}

// TestEntryOfAnotherInstall: an entry left by Parley installed at
// another path does not count as on for this one; Enable points it here,
// and Disable removes it whatever it starts.
func TestEntryOfAnotherInstall(t *testing.T) {
	dir := t.TempDir()
	old := parley(dir)
	old.Exec = "/opt/parley-old/parley"
	if err := Enable(old); err != nil {
		t.Fatal(err)
	}
	e := parley(dir)
	assertEnabled(t, e, false)

	if err := Enable(e); err != nil {
		t.Fatal(err)
	}
	assertEnabled(t, e, true)
	assertEnabled(t, old, false)

	if err := Enable(old); err != nil {
		t.Fatal(err)
	}
	if err := Disable(e); err != nil {
		t.Fatal(err)
	}
	assertFiles(t, dir)
}

// TestTurnedOffByTheDesktop: an entry the desktop's own start-up settings
// turned off (GNOME's switch, or Hidden) counts as off; Enable turns it
// on again.
func TestTurnedOffByTheDesktop(t *testing.T) {
	for _, change := range []struct{ from, to string }{
		{"X-GNOME-Autostart-enabled=true", "X-GNOME-Autostart-enabled=false"},
		{"Terminal=false", "Terminal=false\nHidden=true"},
	} {
		dir := t.TempDir()
		e := parley(dir)
		if err := Enable(e); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "app.parley.desktop.desktop")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		edited := strings.Replace(string(data), change.from, change.to, 1)
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		assertEnabled(t, e, false)
		if err := Enable(e); err != nil {
			t.Fatal(err)
		}
		assertEnabled(t, e, true)
	}
}

// TestDefaultFolder: without Dir the entry goes to
// $XDG_CONFIG_HOME/autostart, or ~/.config/autostart when
// XDG_CONFIG_HOME is unset or relative (which the XDG specification
// says to ignore).
func TestDefaultFolder(t *testing.T) {
	for _, xdg := range []string{"absolute", "", "relative/config"} {
		home, config := t.TempDir(), t.TempDir()
		t.Setenv("HOME", home)
		want := filepath.Join(home, ".config", "autostart")
		switch xdg {
		case "absolute":
			t.Setenv("XDG_CONFIG_HOME", config)
			want = filepath.Join(config, "autostart")
		default:
			t.Setenv("XDG_CONFIG_HOME", xdg)
		}
		e := parley("")
		if err := Enable(e); err != nil {
			t.Fatal(err)
		}
		assertFiles(t, want, "app.parley.desktop.desktop")
		assertEnabled(t, e, true)
		if err := Disable(e); err != nil {
			t.Fatal(err)
		}
		assertFiles(t, want)
	}
}

// TestRefusesBadEntries: an entry no desktop could start is refused
// before anything is written.
func TestRefusesBadEntries(t *testing.T) {
	for name, change := range map[string]func(*Entry){
		"relative program":   func(e *Entry) { e.Exec = "parley" },
		"no id":              func(e *Entry) { e.ID = "" },
		"id with a slash":    func(e *Entry) { e.ID = "../parley" },
		"no name":            func(e *Entry) { e.Name = "" },
		"line break in args": func(e *Entry) { e.Args = []string{"--tray\nrm"} },
		"not UTF-8":          func(e *Entry) { e.Exec = "/opt/\xffparley" },
	} {
		dir := t.TempDir()
		e := parley(dir)
		change(&e)
		if err := Enable(e); err == nil {
			t.Errorf("%s: Enable accepted %+v", name, e)
		}
		assertFiles(t, dir)
	}
}

// assertEnabled checks what Enabled reports for e.
func assertEnabled(t *testing.T, e Entry, want bool) {
	t.Helper()
	got, err := Enabled(e)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Enabled(%s) = %v, want %v", e.Exec, got, want)
	}
}

// assertFiles checks that dir holds exactly names (no temporary files).
func assertFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}
