package autostart

import (
	"encoding/xml"
	"slices"
	"strings"
	"testing"
)

// TestLaunchAgent: the property list is well-formed XML whatever the
// path holds, and launchd would start the same program with the same
// arguments at login.
func TestLaunchAgent(t *testing.T) {
	e := Entry{ID: "app.parley.desktop", Name: "Parley", Exec: `/Users/ana/Apps & Co/<Parley> "1"/Parley.app/Contents/MacOS/parley`, Args: []string{"--tray", "it's"}}
	data := launchAgent(e)

	dec := xml.NewDecoder(strings.NewReader(string(data)))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Fatalf("not well-formed: %v\n%s", err, data)
			}
			break
		}
	}
	text := string(data)
	for _, want := range []string{
		"<key>Label</key>\n\t<string>app.parley.desktop</string>",
		"<key>RunAtLoad</key>\n\t<true/>",
		"&amp; Co/&lt;Parley&gt;",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the LaunchAgent lacks %q:\n%s", want, text)
		}
	}
	info, err := readLaunchAgent(data)
	if err != nil {
		t.Fatal(err)
	}
	if want := append([]string{e.Exec}, e.Args...); !slices.Equal(info.Program, want) || info.Disabled {
		t.Errorf("read back %+v, want ProgramArguments %q and not Disabled", info, want)
	}

	off := strings.Replace(text, "<key>RunAtLoad</key>", "<key>Disabled</key>\n\t<true/>\n\t<key>RunAtLoad</key>", 1)
	if info, err := readLaunchAgent([]byte(off)); err != nil || !info.Disabled {
		t.Errorf("a Disabled agent reads as %+v, %v", info, err)
	}
}
