//go:build !windows && !darwin

package autostart

import (
	"slices"
	"testing"
)

// TestExecRoundTrip: every program path and argument comes back whole
// from the Exec line, whatever characters it holds.
func TestExecRoundTrip(t *testing.T) {
	cases := [][]string{
		{"/usr/bin/parley"},
		{"/usr/bin/parley", "--tray"},
		{"/opt/My Apps/parley", "--data", "/home/ana/Parley data"},
		{`/opt/a\b`, `c:\\d`, `trailing\`},
		{"/opt/100%/parley", "%f", "%%", "50% off", "%"},
		{"/opt/\"quoted\"/parley", "it's", "`tick`", "$HOME", "~", "a#b", "(x)", "a;b|c&d", "<in>", "*?"},
		{"/opt/parley", "", " leading", "trailing ", "two  spaces"},
		{"/opt/Café ☕/parley", "ünïcode"},
	}
	for _, argv := range cases {
		line := escapeValue(execLine(argv[0], argv[1:]))
		got, err := splitExec(unescapeValue(line))
		if err != nil {
			t.Errorf("%q: Exec=%s does not read back: %v", argv, line, err)
			continue
		}
		if !slices.Equal(got, argv) {
			t.Errorf("Exec=%s reads back as %q, want %q", line, got, argv)
		}
	}
}

// TestSplitExecFieldCodes: field codes an entry written by hand may hold
// vanish, as they do when a desktop starts it at login with no files.
func TestSplitExecFieldCodes(t *testing.T) {
	got, err := splitExec("parley %U --tray 100%%")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"parley", "--tray", "100%"}; !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	for _, bad := range []string{"", "  ", `"/opt/parley`, "%U"} {
		if got, err := splitExec(bad); err == nil {
			t.Errorf("splitExec(%q) = %q, want an error", bad, got)
		}
	}
}

// TestDesktopKeys: only the [Desktop Entry] group counts, the first of
// a repeated key wins, and spaces around '=' are ignored.
func TestDesktopKeys(t *testing.T) {
	keys, err := desktopKeys([]byte("# comment\n[Desktop Entry]\nName = Parley\nName=Other\nComment=\\sa\\tb\nExec[fr]=x\n[Desktop Action New]\nExec=other\n"))
	if err != nil {
		t.Fatal(err)
	}
	if keys["Name"] != "Parley" || keys["Comment"] != " a\tb" || keys["Exec"] != "" || len(keys) != 3 {
		t.Errorf("keys = %q", keys)
	}
}
