//go:build !windows

package persistence

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestNewDataFolderIsPrivate checks that another user of the computer
// cannot read the customers' messages or the webhook secrets: a new data
// folder is readable by its owner only, and so are the database and its
// -wal and -shm files, even with the usual umask that leaves files
// readable by everyone.
func TestNewDataFolderIsPrivate(t *testing.T) {
	defer syscall.Umask(syscall.Umask(0o022))
	dir := filepath.Join(t.TempDir(), "parley")
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	defer s.Close()
	if _, err := s.CreateChannel(context.Background(), app.Channel{Name: "Shop", WebhookSecret: "s3cret"}); err != nil {
		t.Fatal(err)
	}
	assertPrivate(t, dir)
}

// TestExistingDataFolderIsTightened checks that a data folder an older
// Parley left readable by everyone (folder 0755, files 0644) is made
// private when Parley opens it.
func TestExistingDataFolderIsTightened(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "parley")
	s, err := Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if _, err := s.CreateChannel(context.Background(), app.Channel{Name: "Shop"}); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, MediaFolderName), 0o755); err != nil {
		t.Fatal(err)
	}
	// Loosen everything as older Parleys left it, with the database still
	// open so that its -wal and -shm files exist.
	loosen(t, dir)
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = Open(context.Background(), dir)
	if err != nil {
		t.Fatalf("Open again: %v", err)
	}
	defer s.Close()
	assertPrivate(t, dir)
}

// loosen gives dir and every folder in it mode 0755 and every file 0644.
func loosen(t *testing.T, dir string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.Chmod(p, 0o755)
		}
		return os.Chmod(p, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// assertPrivate fails unless dir and everything in it is readable by its
// owner only, and the database's three files are there.
func assertPrivate(t *testing.T, dir string) {
	t.Helper()
	seen := map[string]bool{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		seen[d.Name()] = true
		if perm := info.Mode().Perm(); perm&0o077 != 0 {
			t.Errorf("%s has mode %#o: other users of the computer can reach it", p, perm)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{DBFileName, DBFileName + "-wal", DBFileName + "-shm"} {
		if !seen[name] {
			t.Errorf("%s is missing from the data folder; cannot check its mode", name)
		}
	}
}
