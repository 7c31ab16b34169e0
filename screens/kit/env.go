package kit

import "fyne.io/fyne/v2"

// Env is what every feature's page is built with, whatever the feature:
// the window, the runner for slow work and the way to other pages. Each
// feature adds the part of the core it uses.
type Env struct {
	Window fyne.Window
	Run    Runner // runs slow work off the UI goroutine
	Nav    Nav
}
