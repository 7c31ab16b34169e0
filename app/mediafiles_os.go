package app

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// osMediaFiles is the MediaFiles of the computer's own file system, the
// default. It and quarantine_*.go are the only core files that touch
// files directly (see TestCoreReachesFilesAndNetworkOnlyThroughPorts).
type osMediaFiles struct{}

// Stat implements MediaFiles.
func (osMediaFiles) Stat(path string) (fs.FileInfo, error) { return os.Stat(path) }

// Open implements MediaFiles.
func (osMediaFiles) Open(path string) (io.ReadCloser, error) { return os.Open(path) }

// ReadFile implements MediaFiles.
func (osMediaFiles) ReadFile(path string) ([]byte, error) { return os.ReadFile(path) }

// MarkFromInternet implements MediaFiles with the system's mark, if any.
func (osMediaFiles) MarkFromInternet(path string) error { return markFromInternet(path) }

// WriteFile implements MediaFiles: it writes data to path through a
// temporary file, so a crash never leaves a half-written attachment under
// the final name.
func (osMediaFiles) WriteFile(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("create media folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".download-*")
	if err != nil {
		return fmt.Errorf("save attachment: %w", err)
	}
	defer os.Remove(tmp.Name()) // no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("save attachment: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("save attachment: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("save attachment: %w", err)
	}
	return nil
}
