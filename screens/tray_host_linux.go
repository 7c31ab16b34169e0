package screens

import (
	"github.com/godbus/dbus/v5"
)

// statusNotifierWatcher is the D-Bus name of the desktop's tray host
// (KDE, GNOME with the AppIndicator extension, XFCE, Cinnamon, ...).
const statusNotifierWatcher = "org.kde.StatusNotifierWatcher"

// trayHostAvailable reports whether the desktop shows tray icons. Without
// a tray host there is no icon to open a hidden window from, so Parley
// then keeps receiving in the background without one (see
// installTrayOrBackground).
func trayHostAvailable() bool {
	conn, err := dbus.SessionBus()
	if err != nil {
		return false
	}
	var has bool
	err = conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, statusNotifierWatcher).Store(&has)
	return err == nil && has
}
