package kit

import (
	"time"

	"fyne.io/fyne/v2"
)

// DefaultReloadGap is the least time between two loads of a list that
// events keep changing, in the real app: once a second while messages
// stream in, however many. A change after a quiet second shows at once.
const DefaultReloadGap = time.Second

// DefaultNotifyGap is the least time between two desktop notifications
// of new messages in the real app: a burst is told in one.
const DefaultNotifyGap = 3 * time.Second

// Env is what every feature's page is built with, whatever the feature:
// the window, the runner for slow work and the way to other pages. Each
// feature adds the part of the core it uses.
type Env struct {
	Window fyne.Window
	Run    Runner // runs slow work off the UI goroutine
	Nav    Nav
	// ReloadGap is the least time between two loads of a list that
	// events change (see Reloader); zero, as in tests, loads at once.
	ReloadGap time.Duration
	// NotifyGap is the least time between two notifications of new
	// messages; zero, as in tests, notifies of each batch at once.
	NotifyGap time.Duration
}
