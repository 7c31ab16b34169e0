package instance

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
)

// socketDirTries is how many private folders in the temporary folder are
// tried before giving up: another user may have taken the first names.
const socketDirTries = 4

// errNoPrivateFolder is returned when no folder only this user can use
// could be found for the socket.
var errNoPrivateFolder = errors.New("no private folder for the socket: the temporary folder's are all taken by another user")

// socketDir returns a folder that only this user can use: the user's
// runtime folder (XDG_RUNTIME_DIR) if it is private, else a folder of
// this user's own in the temporary folder, created with mode 0700.
//
// The temporary folder is shared by every user of the computer: a socket
// (or a folder) planted there by another user must neither stop Parley
// from starting nor be talked to. A folder that is not a real folder
// owned by this user and closed to everyone else is passed over, and the
// next name is tried; every Parley of this user tries them in the same
// order, so they still find each other.
func socketDir() (string, error) {
	if dir := os.Getenv("XDG_RUNTIME_DIR"); dir != "" && private(dir) == nil {
		return dir, nil
	}
	base := filepath.Join(os.TempDir(), userFolderName())
	var problems []error
	for i := range socketDirTries {
		dir := base
		if i > 0 {
			dir += "-" + strconv.Itoa(i)
		}
		if err := os.Mkdir(dir, 0o700); err != nil && !errors.Is(err, fs.ErrExist) {
			problems = append(problems, err)
			continue
		}
		err := private(dir)
		if err == nil {
			return dir, nil
		}
		problems = append(problems, err)
	}
	return "", fmt.Errorf("%w: %w", errNoPrivateFolder, errors.Join(problems...))
}

// userFolderName names this user's folder in the temporary folder.
func userFolderName() string {
	if uid := currentUID(); uid >= 0 {
		return "parley-" + strconv.Itoa(uid)
	}
	return "parley"
}

// currentUID is the user id the socket folder must belong to, or -1
// where there is none (Windows); tests change it.
var currentUID = os.Getuid

// realFolder returns dir's details when it is a real folder, not a link
// or a file.
func realFolder(dir string) (fs.FileInfo, error) {
	info, err := os.Lstat(dir)
	if err != nil {
		return nil, err
	}
	if !info.IsDir() {
		return nil, fmt.Errorf("%s is not a folder", dir)
	}
	return info, nil
}
