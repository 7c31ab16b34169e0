package persistence

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

// writeKeysFile writes content to a private keys file in a temp folder.
func writeKeysFile(t *testing.T, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// The IT person's file, with comments, blank lines, spacing and Windows
// line ends, gives each channel its key and the tunnel its token.
func TestKeysFileServesItsKeys(t *testing.T) {
	path := writeKeysFile(t, "\uFEFF# Parley's keys\r\n\r\n# Shop (+4930123456)\r\nchannel 3   key-three\r\n  CHANNEL 12\tkey-twelve  \r\n\n# our tunnel\ntunnel tok_123\n")
	f, err := OpenKeysFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for id, want := range map[app.ChannelID]string{3: "key-three", 12: "key-twelve"} {
		if got, err := f.APIKey(id); err != nil || got != want {
			t.Errorf("APIKey(%d) = %q, %v; want %q", id, got, err, want)
		}
	}
	if _, err := f.APIKey(4); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("APIKey of a channel the file does not name = %v, want ErrNotFound", err)
	}
	if got, err := f.TunnelToken(); err != nil || got != "tok_123" {
		t.Errorf("TunnelToken = %q, %v", got, err)
	}
	if ids := f.ChannelIDs(); len(ids) != 2 || ids[0] != 3 || ids[1] != 12 {
		t.Errorf("ChannelIDs = %v, want [3 12]", ids)
	}
}

func TestKeysFileWithoutTunnelLineHasNoToken(t *testing.T) {
	f, err := OpenKeysFile(writeKeysFile(t, "channel 1 k\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.TunnelToken(); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("TunnelToken = %v, want ErrNotFound", err)
	}
}

// A mistake is reported with its line number, and the message never
// shows a key, wherever on the line the key was.
func TestKeysFileBadLinesNameTheLineNotTheKey(t *testing.T) {
	const secret = "SECRETKEY123"
	cases := []struct {
		name, content, want string
		line                string
	}{
		{"key without a channel number", "# c\nchannel " + secret + "\n", "channel's number", "line 2"},
		{"key before the number", "channel " + secret + " 3\n", "channel's number", "line 1"},
		{"a comment after the key", "\n\nchannel 3 " + secret + " # shop\n", "own line", "line 3"},
		{"a key alone", "channel 1 k\n" + secret + "\n", `"channel", "tunnel"`, "line 2"},
		{"duplicate channel", "channel 3 a\n# again\nchannel 3 " + secret + "\n", "already has a key on line 1", "line 3"},
		{"two tunnel lines", "tunnel a\ntunnel " + secret + "\n", "already on line 1", "line 2"},
		{"tunnel with two words", "tunnel " + secret + " x\n", "tunnel", "line 1"},
		{"placeholder left", "channel 3 " + KeyPlaceholder + "\n", "replace " + KeyPlaceholder, "line 1"},
		{"tunnel placeholder left", "tunnel " + TunnelPlaceholder + "\n", "replace " + TunnelPlaceholder, "line 1"},
		{"zero channel", "channel 0 " + secret + "\n", "channel's number", "line 1"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := writeKeysFile(t, tc.content)
			_, err := OpenKeysFile(path)
			var kerr *KeysFileError
			if !errors.As(err, &kerr) {
				t.Fatalf("OpenKeysFile = %v, want a *KeysFileError", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, path+", "+tc.line+":") || !strings.Contains(msg, tc.want) {
				t.Errorf("message %q\nwant it to name %q and say %q", msg, tc.line, tc.want)
			}
			if strings.Contains(msg, secret) {
				t.Errorf("message shows the key: %q", msg)
			}
		})
	}
}

func TestKeysFileEmptyIsAccepted(t *testing.T) {
	f, err := OpenKeysFile(writeKeysFile(t, "# nothing yet\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.ChannelIDs()) != 0 {
		t.Errorf("ChannelIDs = %v, want none", f.ChannelIDs())
	}
}

func TestKeysFileMissingSaysSo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope")
	_, err := OpenKeysFile(path)
	if err == nil || !strings.Contains(err.Error(), "there is no such file") || !strings.Contains(err.Error(), path) {
		t.Errorf("OpenKeysFile of a missing file = %v", err)
	}
}

func TestKeysFileDirectoryIsRefused(t *testing.T) {
	_, err := OpenKeysFile(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "not a file") {
		t.Errorf("OpenKeysFile of a folder = %v", err)
	}
}

// Nothing can save or remove a key through the file: the owner is told
// to edit the file, and the file is left as it was.
func TestKeysFileRefusesToChangeKeys(t *testing.T) {
	const content = "channel 3 key-three\ntunnel tok\n"
	path := writeKeysFile(t, content)
	f, err := OpenKeysFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range map[string]error{
		"SetAPIKey":         f.SetAPIKey(3, "new"),
		"DeleteAPIKey":      f.DeleteAPIKey(3),
		"SetTunnelToken":    f.SetTunnelToken("new"),
		"DeleteTunnelToken": f.DeleteTunnelToken(),
	} {
		var ro *KeysFileReadOnlyError
		if !errors.As(err, &ro) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "Edit that file") {
			t.Errorf("%s = %v, want a refusal naming %s", name, err, path)
		}
	}
	if got, _ := f.APIKey(3); got != "key-three" {
		t.Errorf("APIKey(3) after refused changes = %q", got)
	}
	if data, _ := os.ReadFile(path); string(data) != content {
		t.Errorf("the file changed to %q", data)
	}
}

// On Unix a file others may read is refused with the command that fixes
// it; the same file made private is accepted.
func TestKeysFileReadableByOthersIsRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Log("Windows has no Unix file modes; nothing to refuse")
		return
	}
	path := writeKeysFile(t, "channel 3 key-three\n")
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := OpenKeysFile(path)
	if err == nil || !strings.Contains(err.Error(), "chmod 600 "+path) {
		t.Fatalf("OpenKeysFile of a 0644 file = %v, want a refusal with chmod 600", err)
	}
	if err := os.Chmod(path, 0o640); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenKeysFile(path); err == nil {
		t.Fatal("a file the group may read was accepted")
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenKeysFile(path); err != nil {
		t.Fatalf("OpenKeysFile of a 0600 file = %v", err)
	}
}

// A link to a private file is followed; the file it names is checked.
func TestKeysFileSymlinkChecksTheTarget(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Log("symbolic links need privileges on Windows")
		return
	}
	target := writeKeysFile(t, "channel 3 key-three\n")
	link := filepath.Join(t.TempDir(), "keys-link")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	f, err := OpenKeysFile(link)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := f.APIKey(3); got != "key-three" {
		t.Errorf("APIKey through a link = %q", got)
	}
	if err := os.Chmod(target, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := OpenKeysFile(link); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a link to a file others may read = %v, want refused", err)
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/etc/parley/keys":    "/etc/parley/keys",
		"/home/a b/keys":      "'/home/a b/keys'",
		"/tmp/it's":           `'/tmp/it'\''s'`,
		"C:/Users/x/keys.txt": "C:/Users/x/keys.txt",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
