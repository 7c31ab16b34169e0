package persistence

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"

	"github.com/parley-app/parley/app"
)

// FileSecrets serves API keys and the tunnel's token from a keys file, for
// a Parley that runs --headless on a computer without a system keyring (a
// server, a Raspberry Pi). The file is read once, when it is opened, and
// never written: Parley stores no key anywhere else by itself.
//
// The format is plain text, one entry per line:
//
//	# Shop (+4930123456)
//	channel 3 <API key of channel 3 from the 360dialog hub>
//	tunnel <token of Parley's tunnel, only when Parley opens its own>
//
// Words are separated by spaces; blank lines and lines starting with #
// are ignored. On Unix the file must belong to the user that runs Parley
// and be readable by no one else (chmod 600).
//
// FileSecrets implements app.SecretStore and app.TunnelTokenStore; saving
// or removing a key returns a *KeysFileReadOnlyError.
type FileSecrets struct {
	path    string
	content keysFileContent
}

var (
	_ app.SecretStore      = (*FileSecrets)(nil)
	_ app.TunnelTokenStore = (*FileSecrets)(nil)
)

// KeysFileError says why a keys file cannot be used, in words for the
// person who set the computer up. It never contains a key.
type KeysFileError struct {
	Path    string
	Line    int    // the line at fault, or 0 for the whole file
	Problem string // what is wrong and how to fix it
	Err     error  // the cause from the system, if any
}

// Error implements error.
func (e *KeysFileError) Error() string {
	where := "the keys file " + e.Path
	if e.Line > 0 {
		where += ", line " + strconv.Itoa(e.Line)
	}
	msg := "Parley cannot use " + where + ": " + e.Problem
	if e.Err != nil {
		msg += " (" + e.Err.Error() + ")"
	}
	return msg
}

// Unwrap returns the cause.
func (e *KeysFileError) Unwrap() error { return e.Err }

// KeysFileReadOnlyError is returned when something tries to save or
// remove a key that comes from a keys file: keys are changed in that file.
type KeysFileReadOnlyError struct {
	Path string
	Op   string // what was tried, e.g. "save the API key of channel 3"
}

// Error implements error.
func (e *KeysFileReadOnlyError) Error() string {
	return "Parley cannot " + e.Op + ": this Parley takes its keys from the file " + e.Path +
		" and never changes it or keeps keys anywhere else. Edit that file, then start Parley again."
}

// OpenKeysFile reads the keys file at path after checking that only the
// user running Parley can read or change it (on Unix: it belongs to that
// user and has mode 600). A symbolic link is followed and the file it
// names is checked.
func OpenKeysFile(path string) (*FileSecrets, error) {
	return openKeysFile(path, true)
}

// openKeysFile reads the keys file, checking its owner and mode when
// checkAccess is set.
func openKeysFile(path string, checkAccess bool) (*FileSecrets, error) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	f, err := os.Open(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, &KeysFileError{Path: path, Problem: "there is no such file. Create it, or give the right path to --keys-file."}
	case errors.Is(err, os.ErrPermission):
		return nil, &KeysFileError{Path: path, Problem: "Parley may not read it. It must belong to the user that runs Parley: " + fixOwnerCommand(path), Err: err}
	case err != nil:
		return nil, &KeysFileError{Path: path, Problem: "Parley could not open it", Err: err}
	}
	defer f.Close()
	// Check the file that was opened, not the name: it cannot be swapped
	// between the check and the read.
	fi, err := f.Stat()
	if err != nil {
		return nil, &KeysFileError{Path: path, Problem: "Parley could not open it", Err: err}
	}
	if !fi.Mode().IsRegular() {
		return nil, &KeysFileError{Path: path, Problem: "it is not a file. Give --keys-file the path of the keys file itself."}
	}
	if checkAccess {
		if err := checkKeysFileAccess(path, fi); err != nil {
			return nil, err
		}
	}
	content, err := parseKeysFile(path, f)
	if err != nil {
		return nil, err
	}
	return &FileSecrets{path: path, content: content}, nil
}

// Path is the keys file's absolute path.
func (f *FileSecrets) Path() string { return f.path }

// ChannelIDs lists the channels the file has a key for, in order.
func (f *FileSecrets) ChannelIDs() []app.ChannelID {
	ids := make([]app.ChannelID, 0, len(f.content.keys))
	for id := range f.content.keys {
		ids = append(ids, id)
	}
	sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] })
	return ids
}

// APIKey returns the channel's API key, or an error wrapping
// app.ErrNotFound when the file has no line for the channel.
func (f *FileSecrets) APIKey(id app.ChannelID) (string, error) {
	if key, ok := f.content.keys[id]; ok {
		return key, nil
	}
	return "", fmt.Errorf("read API key of channel %d: the keys file %s has no line for it: %w", id, f.path, app.ErrNotFound)
}

// SetAPIKey refuses: keys are changed in the file.
func (f *FileSecrets) SetAPIKey(id app.ChannelID, _ string) error {
	return &KeysFileReadOnlyError{Path: f.path, Op: fmt.Sprintf("save the API key of channel %d", id)}
}

// DeleteAPIKey refuses: keys are changed in the file.
func (f *FileSecrets) DeleteAPIKey(id app.ChannelID) error {
	return &KeysFileReadOnlyError{Path: f.path, Op: fmt.Sprintf("remove the API key of channel %d", id)}
}

// TunnelToken returns the tunnel's token, or an error wrapping
// app.ErrNotFound when the file has no tunnel line.
func (f *FileSecrets) TunnelToken() (string, error) {
	if f.content.hasTunnel {
		return f.content.tunnel, nil
	}
	return "", fmt.Errorf("read the tunnel's token: the keys file %s has no tunnel line: %w", f.path, app.ErrNotFound)
}

// SetTunnelToken refuses: the token is changed in the file.
func (f *FileSecrets) SetTunnelToken(string) error {
	return &KeysFileReadOnlyError{Path: f.path, Op: "save the tunnel's token"}
}

// DeleteTunnelToken refuses: the token is changed in the file.
func (f *FileSecrets) DeleteTunnelToken() error {
	return &KeysFileReadOnlyError{Path: f.path, Op: "remove the tunnel's token"}
}
