package autostart

import (
	"fmt"
	"os"
	"path/filepath"
)

// enable writes the LaunchAgent <ID>.plist. launchd reads the folder at
// login, so the agent needs no launchctl call: loading it now would start
// a second copy of the program that is already running.
func enable(e Entry) error {
	dir, err := agentsDir(e.Dir)
	if err != nil {
		return err
	}
	return writeAtomic(dir, e.ID+".plist", launchAgent(e))
}

// disable removes the LaunchAgent. The running program is not stopped.
func disable(e Entry) error {
	path, err := agentPath(e)
	if err != nil {
		return err
	}
	return removeFile(path)
}

// enabled reads the LaunchAgent back: it must start e.Exec and not be
// Disabled. The switch in System Settings → Login Items (macOS 13 and
// later) is kept by the system elsewhere and not seen here.
func enabled(e Entry) (bool, error) {
	path, err := agentPath(e)
	if err != nil {
		return false, err
	}
	data, ok, err := readIfExists(path)
	if err != nil || !ok {
		return false, err
	}
	info, err := readLaunchAgent(data)
	if err != nil || len(info.Program) == 0 {
		// Not an agent Parley wrote; Enable replaces it.
		return false, nil
	}
	return !info.Disabled && filepath.Clean(info.Program[0]) == filepath.Clean(e.Exec), nil
}

// agentPath is the LaunchAgent's path.
func agentPath(e Entry) (string, error) {
	dir, err := agentsDir(e.Dir)
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, e.ID+".plist"), nil
}

// agentsDir is dir, or else ~/Library/LaunchAgents.
func agentsDir(dir string) (string, error) {
	if dir != "" {
		return dir, nil
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "", fmt.Errorf("find the LaunchAgents folder: %w", err)
	}
	return filepath.Join(home, "Library", "LaunchAgents"), nil
}
