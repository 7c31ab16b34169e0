//go:build darwin

package app

import (
	"fmt"
	"time"

	"golang.org/x/sys/unix"
)

// markFromInternet sets macOS's quarantine attribute on path, as a
// browser does for a download: Gatekeeper then checks a program in it
// before it first runs.
func markFromInternet(path string) error {
	// Flags 0081: quarantined, downloaded by an app; then the time and
	// the app's name.
	value := fmt.Sprintf("0081;%08x;Parley;", time.Now().Unix())
	if err := unix.Setxattr(path, "com.apple.quarantine", []byte(value), 0); err != nil {
		return fmt.Errorf("set quarantine attribute: %w", err)
	}
	return nil
}
