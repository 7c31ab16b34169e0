//go:build !linux

package screens

// trayHostAvailable reports whether the desktop shows tray icons: Windows
// and macOS always do.
func trayHostAvailable() bool { return true }
