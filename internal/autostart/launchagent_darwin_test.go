package autostart

import (
	"os"
	"path/filepath"
	"testing"
)

// TestLaunchAgentFile: Enable writes <ID>.plist into the LaunchAgents
// folder (created when missing); Enabled follows Enable and Disable.
func TestLaunchAgentFile(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Library", "LaunchAgents")
	e := Entry{ID: "app.parley.desktop", Name: "Parley", Exec: "/Applications/Parley.app/Contents/MacOS/parley", Args: []string{"--tray"}, Dir: dir}
	assertAgentEnabled(t, e, false)
	for range 2 {
		if err := Enable(e); err != nil {
			t.Fatal(err)
		}
		assertAgentEnabled(t, e, true)
	}
	info, err := os.Stat(filepath.Join(dir, "app.parley.desktop.plist"))
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("the LaunchAgent: %v, %v; want mode -rw-r--r--", info, err)
	}
	other := e
	other.Exec = "/Users/ana/Downloads/Parley.app/Contents/MacOS/parley"
	assertAgentEnabled(t, other, false)
	for range 2 {
		if err := Disable(e); err != nil {
			t.Fatal(err)
		}
		assertAgentEnabled(t, e, false)
	}
}

// assertAgentEnabled checks what Enabled reports for e.
func assertAgentEnabled(t *testing.T, e Entry, want bool) {
	t.Helper()
	got, err := Enabled(e)
	if err != nil {
		t.Fatal(err)
	}
	if got != want {
		t.Errorf("Enabled(%s) = %v, want %v", e.Exec, got, want)
	}
}
