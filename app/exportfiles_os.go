package app

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// osExportFiles is ExportFiles on the computer's own files.
type osExportFiles struct{}

func (osExportFiles) Create(path string) (ExportFile, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create folder %s: %w", dir, err)
	}
	f, err := os.CreateTemp(dir, ".parley-*.part")
	if err != nil {
		return nil, fmt.Errorf("create %s: %w", path, err)
	}
	return &osExportFile{f: f, path: path}, nil
}

func (osExportFiles) Open(path string) (io.ReadCloser, error) { return os.Open(path) }

func (osExportFiles) Walk(root string, fn func(rel string, size int64) error) error {
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if path == root && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipAll
			}
			return err
		}
		if !d.Type().IsRegular() {
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		return fn(filepath.ToSlash(rel), info.Size())
	})
	if err != nil {
		return fmt.Errorf("list %s: %w", root, err)
	}
	return nil
}

func (osExportFiles) Exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

func (osExportFiles) RemoveAll(path string) error { return os.RemoveAll(path) }

func (osExportFiles) MkdirAll(dir string) error { return os.MkdirAll(dir, 0o700) }

func (osExportFiles) OpenZip(path string) (*zip.ReadCloser, error) { return zip.OpenReader(path) }

// osExportFile is a temporary file next to its final name.
type osExportFile struct {
	f         *os.File
	path      string
	committed bool
}

func (w *osExportFile) Write(p []byte) (int, error) { return w.f.Write(p) }

func (w *osExportFile) Commit() error {
	err := w.f.Sync()
	if cerr := w.f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(w.f.Name(), w.path)
	}
	if err != nil {
		_ = os.Remove(w.f.Name())
		return fmt.Errorf("write %s: %w", w.path, err)
	}
	w.committed = true
	syncDir(filepath.Dir(w.path))
	return nil
}

func (w *osExportFile) Abort() {
	if w.committed {
		return
	}
	_ = w.f.Close()
	_ = os.Remove(w.f.Name())
}

// syncDir flushes a folder's entries (a rename) to the disk where the
// system allows it; Windows does not, and needs not.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}
