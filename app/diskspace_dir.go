//go:build linux || darwin || windows

package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// existingDir is path or the nearest folder above it that exists: the
// media folder is made with the first saved file. The systems whose free
// space Parley measures share it.
func existingDir(path string) (string, error) {
	for p := filepath.Clean(path); ; p = filepath.Dir(p) {
		_, err := os.Stat(p)
		if err == nil {
			return p, nil
		}
		if !errors.Is(err, fs.ErrNotExist) || filepath.Dir(p) == p {
			return "", fmt.Errorf("free space of %s: %w", path, err)
		}
	}
}
