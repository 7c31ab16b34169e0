package builder

import (
	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Open shows the Submit Template builder for ch in place of the current
// page: empty when start is nil, the draft start to continue, or a copy
// of any other template. It leaves with k.Nav.Back.
func Open(k kit.Env, core Core, ch app.Channel, start *app.Template) {
	openTemplateBuilder(env{Env: k, core: core}, ch, start)
}
