package persistence

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
)

// privateDirMode and privateFileMode keep the data folder and its files
// to the user who runs Parley: other users of the computer could
// otherwise read every customer's messages and the webhook secrets. (On
// Windows the user's profile folder already keeps them out, and these
// modes only decide whether a file is read-only.)
const (
	privateDirMode  fs.FileMode = 0o700
	privateFileMode fs.FileMode = 0o600
)

// MediaFolderName is the folder of attachments inside the data folder.
const MediaFolderName = "media"

// PrivateDataFolder creates dir if needed, readable by its owner only, and
// tightens an existing one (and its attachments folder) that others may
// read, as older Parleys left it. Call it before anything is written in
// dir; Open calls it too.
func PrivateDataFolder(dir string) error {
	if err := os.MkdirAll(dir, privateDirMode); err != nil {
		return fmt.Errorf("create data folder %s: %w", dir, err)
	}
	for _, d := range []string{dir, filepath.Join(dir, MediaFolderName)} {
		if err := tighten(d, privateDirMode); err != nil {
			return fmt.Errorf("make the data folder private: %w", err)
		}
	}
	return nil
}

// privateDatabaseFiles creates the database file at path readable by its
// owner only, before SQLite does (SQLite would create it readable by
// everyone, and gives its -wal and -shm files the database's mode), and
// tightens the files of an existing database.
func privateDatabaseFiles(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, privateFileMode)
	if err == nil {
		// An empty file is an empty database to SQLite.
		if err := f.Close(); err != nil {
			return fmt.Errorf("create database file: %w", err)
		}
	} else if !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create database file: %w", err)
	}
	for _, p := range []string{path, path + "-wal", path + "-shm", path + "-journal"} {
		if err := tighten(p, privateFileMode); err != nil {
			return fmt.Errorf("make the database private: %w", err)
		}
	}
	return nil
}

// tighten removes the permissions of path beyond want. A missing path is
// fine, and so is a disk that keeps no Unix permissions (a USB stick
// formatted for Windows), where chmod is refused or not supported.
func tighten(path string, want fs.FileMode) error {
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if info.Mode().Perm()&^want == 0 {
		return nil
	}
	err = os.Chmod(path, info.Mode().Perm()&want)
	if errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.ENOTSUP) {
		return nil
	}
	return err
}
