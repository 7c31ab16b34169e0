package testkit

import "os"

// NoBusAutolaunch keeps a test run outside scripts/with-keyring.sh from
// starting a D-Bus session bus of its own: with no session bus named, a
// keyring call would make the D-Bus library run dbus-launch, whose bus
// and the keyring daemon it activates outlive the test. Call it from
// TestMain; the keyring then simply answers that it is not available.
func NoBusAutolaunch() {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		os.Setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
	}
}
