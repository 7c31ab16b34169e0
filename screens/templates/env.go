// Package templates is a channel's message templates: the list with
// search and filters, a template's detail, sync and delete.
package templates

import (
	"context"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) a channel's templates page
// uses. Tests may pass a fake.
type Core interface {
	DeleteTemplate(ctx context.Context, id app.ChannelID, name string) error
	Events() *app.Bus
	SyncTemplates(ctx context.Context, id app.ChannelID, progress func(fetched, total int)) ([]app.TemplateChange, error)
	Templates(ctx context.Context, id app.ChannelID) (app.TemplateList, error)
}

// env is what this feature's pages are built with: the kit's Env and the
// part of the core they use.
type env struct {
	kit.Env
	core Core
}
