package persistence

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-app/parley/app"
)

// KeyPlaceholder and TunnelPlaceholder stand where the owner pastes a key
// in the lines Parley suggests; a file that still has one is refused, so
// a forgotten paste is reported at start rather than by 360dialog.
const (
	KeyPlaceholder    = "PASTE-API-KEY-HERE"
	TunnelPlaceholder = "PASTE-TUNNEL-TOKEN-HERE"
)

// maxKeysFileSize bounds what Parley reads: a keys file is a few lines,
// so a larger file is the wrong file.
const maxKeysFileSize = 64 << 10

// keysFileContent is what a keys file says.
type keysFileContent struct {
	keys      map[app.ChannelID]string
	lines     map[app.ChannelID]int // the line of each channel's key
	tunnel    string
	hasTunnel bool
}

// parseKeysFile reads the keys file format (see FileSecrets): one
// "channel <number> <API key>" line per channel, at most one
// "tunnel <token>" line, blank lines and lines starting with # ignored.
// Its errors name the line and never contain a key.
func parseKeysFile(path string, r io.Reader) (keysFileContent, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxKeysFileSize+1))
	if err != nil {
		return keysFileContent{}, &KeysFileError{Path: path, Problem: "Parley could not read it", Err: err}
	}
	if len(data) > maxKeysFileSize {
		return keysFileContent{}, &KeysFileError{Path: path, Problem: "it is larger than a keys file can be (64 KiB); is this the right file?"}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF")) // a byte-order mark some editors write
	c := keysFileContent{keys: map[app.ChannelID]string{}, lines: map[app.ChannelID]int{}}
	tunnelLine := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 0, 4096), maxKeysFileSize+1)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		bad := func(problem string) error { return &KeysFileError{Path: path, Line: n, Problem: problem} }
		words := strings.Fields(line)
		switch strings.ToLower(words[0]) {
		case "channel":
			if len(words) != 3 {
				return c, bad(`a channel line is the word "channel", the channel's number and its API key, separated by spaces (channel 3 ` + KeyPlaceholder + `); put comments on their own line, starting with #`)
			}
			id, err := strconv.ParseInt(words[1], 10, 64)
			if err != nil || id <= 0 {
				return c, bad(`the word after "channel" must be the channel's number, as in: channel 3 ` + KeyPlaceholder)
			}
			cid := app.ChannelID(id)
			if first, dup := c.lines[cid]; dup {
				return c, bad(fmt.Sprintf("channel %d already has a key on line %d; keep one line per channel", id, first))
			}
			if words[2] == KeyPlaceholder {
				return c, bad("replace " + KeyPlaceholder + " with the channel's API key from the 360dialog hub")
			}
			c.keys[cid], c.lines[cid] = words[2], n
		case "tunnel":
			if len(words) != 2 {
				return c, bad(`a tunnel line is the word "tunnel" and the tunnel's token, separated by a space; put comments on their own line, starting with #`)
			}
			if tunnelLine != 0 {
				return c, bad(fmt.Sprintf("the tunnel's token is already on line %d; keep one tunnel line", tunnelLine))
			}
			if words[1] == TunnelPlaceholder {
				return c, bad("replace " + TunnelPlaceholder + " with your ngrok token (dashboard.ngrok.com → Your Authtoken)")
			}
			c.tunnel, c.hasTunnel, tunnelLine = words[1], true, n
		default:
			return c, bad(`a line starts with "channel", "tunnel" or # (a comment)`)
		}
	}
	if err := sc.Err(); err != nil {
		return c, &KeysFileError{Path: path, Problem: "Parley could not read it", Err: err}
	}
	return c, nil
}
