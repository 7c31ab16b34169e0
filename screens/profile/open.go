package profile

import (
	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Open shows ch's WhatsApp Business profile editor in place of the
// current page. It leaves with k.Nav.Back.
func Open(k kit.Env, core Core, ch app.Channel) {
	openProfile(env{Env: k, core: core}, ch)
}
