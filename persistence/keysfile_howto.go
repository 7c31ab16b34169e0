package persistence

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/app"
)

// SystemKeysFile is where a keys file handed over by systemd's
// LoadCredential is suggested to live.
const SystemKeysFile = "/etc/parley/keys"

// KeysFileHowTo tells the person setting up an always-on computer, step
// by step, how to give Parley its keys in a file at path: the lines to
// write for channels (and for the tunnel's token when tunnel is set),
// the permissions, the flag, and systemd's LoadCredential as the
// alternative.
func KeysFileHowTo(path string, channels []app.Channel, tunnel bool) string {
	var b strings.Builder
	q := shellQuote(path)
	fmt.Fprintf(&b, "  1. Create the file %s (and its folder) with these lines, putting in place of %s each channel's API key from the 360dialog hub", q, KeyPlaceholder)
	if tunnel {
		fmt.Fprintf(&b, ", and in place of %s your ngrok token (dashboard.ngrok.com → Your Authtoken)", TunnelPlaceholder)
	}
	b.WriteString(" (lines starting with # are comments):\n\n")
	for _, line := range KeysFileLines(channels, tunnel) {
		b.WriteString("       " + line + "\n")
	}
	fmt.Fprintf(&b, "\n  2. Make it readable only by the user that runs Parley:\n       chmod 600 %s\n", q)
	fmt.Fprintf(&b, "  3. Start Parley as before, adding --keys-file:\n       parley --headless --keys-file %s\n", q)
	fmt.Fprintf(&b, "\nUnder systemd you can instead keep the file as %s, owned by root (chmod 600), and add to the [Service] section of Parley's unit:\n       LoadCredential=%s:%s\n", SystemKeysFile, KeysCredential, SystemKeysFile)
	return b.String()
}

// KeysFileLines are the lines of a keys file for channels, each after a
// comment naming the channel, with KeyPlaceholder where the key goes; a
// tunnel line follows when tunnel is set.
func KeysFileLines(channels []app.Channel, tunnel bool) []string {
	var lines []string
	for _, ch := range channels {
		name := ch.Name
		if ch.PhoneNumber != "" {
			name += " (" + ch.PhoneNumber + ")"
		}
		lines = append(lines, "# "+strings.TrimSpace(name), fmt.Sprintf("channel %d %s", ch.ID, KeyPlaceholder))
	}
	if tunnel {
		lines = append(lines, "# the ngrok token of Parley's own tunnel", "tunnel "+TunnelPlaceholder)
	}
	return lines
}
