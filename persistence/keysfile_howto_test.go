package persistence

import (
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// The lines Parley suggests are a valid keys file once the keys are
// pasted in, and the steps name the path, chmod, the flag and systemd.
func TestKeysFileHowToLinesParseOncePasted(t *testing.T) {
	chs := []app.Channel{{ID: 3, Name: "Shop", PhoneNumber: "+4930123456"}, {ID: 7, Name: "Bakery"}}
	howto := KeysFileHowTo("/home/pi/.config/parley/keys", chs, true)
	for _, want := range []string{
		"/home/pi/.config/parley/keys",
		"# Shop (+4930123456)", "channel 3 " + KeyPlaceholder, "# Bakery", "channel 7 " + KeyPlaceholder,
		"tunnel " + TunnelPlaceholder,
		"chmod 600 /home/pi/.config/parley/keys",
		"parley --headless --keys-file /home/pi/.config/parley/keys",
		"LoadCredential=parley-keys:/etc/parley/keys",
	} {
		if !strings.Contains(howto, want) {
			t.Errorf("how-to lacks %q:\n%s", want, howto)
		}
	}
	pasted := strings.NewReplacer(KeyPlaceholder, "real-key", TunnelPlaceholder, "real-token").
		Replace(strings.Join(KeysFileLines(chs, true), "\n"))
	c, err := parseKeysFile("keys", strings.NewReader(pasted))
	if err != nil {
		t.Fatalf("the suggested lines with keys pasted do not parse: %v\n%s", err, pasted)
	}
	if c.keys[3] != "real-key" || c.keys[7] != "real-key" || c.tunnel != "real-token" {
		t.Errorf("parsed %+v", c)
	}
}
