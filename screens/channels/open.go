package channels

import (
	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// OpenConfigure shows ch's settings in place of the current page. It
// leaves with k.Nav.Back.
func OpenConfigure(k kit.Env, core Core, ch app.Channel) {
	openConfigure(env{Env: k, core: core}, ch)
}

// OpenAddChannel starts the Add Channel wizard over the window.
func OpenAddChannel(k kit.Env, core Core) {
	openAddChannel(env{Env: k, core: core})
}
