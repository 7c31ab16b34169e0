//go:build !windows && !darwin

package autostart

import (
	"fmt"
	"os"
	"path/filepath"
)

// enable writes the desktop entry <ID>.desktop into the autostart folder.
func enable(e Entry) error {
	dir, err := autostartDir(e.Dir)
	if err != nil {
		return err
	}
	return writeAtomic(dir, e.ID+".desktop", desktopEntry(e))
}

// disable removes the desktop entry.
func disable(e Entry) error {
	path, err := entryPath(e)
	if err != nil {
		return err
	}
	return removeFile(path)
}

// enabled reads the desktop entry back: it must start e.Exec, and be
// neither Hidden (the desktop's way of deleting an entry) nor turned off
// by GNOME's start-up settings (X-GNOME-Autostart-enabled=false).
func enabled(e Entry) (bool, error) {
	path, err := entryPath(e)
	if err != nil {
		return false, err
	}
	data, ok, err := readIfExists(path)
	if err != nil || !ok {
		return false, err
	}
	keys, err := desktopKeys(data)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", path, err)
	}
	if keys["Hidden"] == "true" || keys["X-GNOME-Autostart-enabled"] == "false" {
		return false, nil
	}
	argv, err := splitExec(keys["Exec"])
	if err != nil {
		// Not an entry Parley wrote; Enable replaces it.
		return false, nil
	}
	return filepath.Clean(argv[0]) == filepath.Clean(e.Exec), nil
}

// entryPath is the desktop entry's path.
func entryPath(e Entry) (string, error) {
	dir, err := autostartDir(e.Dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, e.ID+".desktop"), nil
}

// autostartDir is dir, or else $XDG_CONFIG_HOME/autostart. An unset or
// relative XDG_CONFIG_HOME is ignored, as the XDG Base Directory
// specification asks, for ~/.config.
func autostartDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	base := os.Getenv("XDG_CONFIG_HOME")
	if !filepath.IsAbs(base) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("find the autostart folder: %w", err)
		}
		base = filepath.Join(home, ".config")
	}
	return filepath.Join(base, "autostart"), nil
}
