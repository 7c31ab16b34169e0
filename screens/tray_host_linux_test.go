package screens

import (
	"testing"

	"github.com/godbus/dbus/v5"
)

// Parley offers its tray only when the desktop runs a tray host on the
// session bus (make test runs the tests inside a private one).
func TestTrayHostIsFoundOnTheSessionBus(t *testing.T) {
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatalf("no D-Bus session bus (run the tests through scripts/with-keyring.sh): %v", err)
	}
	defer conn.Close()
	if trayHostAvailable() {
		t.Fatal("a tray host was reported before any desktop provided one")
	}
	reply, err := conn.RequestName(statusNotifierWatcher, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not play the tray host: %v (reply %v)", err, reply)
	}
	if !trayHostAvailable() {
		t.Error("the desktop's tray host was not found")
	}
	if _, err := conn.ReleaseName(statusNotifierWatcher); err != nil {
		t.Fatal(err)
	}
}
