package templates

import (
	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Open shows ch's message templates in place of the current page. Submit
// Template and Edit ask k.Nav for the builder (kit.PageBuilder).
func Open(k kit.Env, core Core, ch app.Channel) {
	openTemplates(env{Env: k, core: core}, ch)
}
