//go:build windows

package app

import (
	"fmt"
	"os"
)

// markFromInternet gives path Windows' Mark of the Web, the
// Zone.Identifier stream a browser writes for a download: SmartScreen
// then checks a program before it runs and Office opens documents in
// Protected View with their macros blocked.
func markFromInternet(path string) error {
	if err := os.WriteFile(path+":Zone.Identifier", []byte("[ZoneTransfer]\r\nZoneId=3\r\n"), 0o600); err != nil {
		return fmt.Errorf("set mark of the web: %w", err)
	}
	return nil
}
