// Package builder is the Submit Template builder: a new template, a copy
// or a stored draft, with its live preview.
package builder

import (
	"context"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) the template builder uses.
// Tests may pass a fake.
type Core interface {
	DeleteTemplateDraft(ctx context.Context, id app.ChannelID, name, language string) error
	Now() time.Time
	SaveTemplateDraft(ctx context.Context, id app.ChannelID, t app.Template) error
	SubmitTemplate(ctx context.Context, id app.ChannelID, t app.Template) (app.SubmitResult, error)
	TemplateNameTaken(ctx context.Context, id app.ChannelID, name, language string) (bool, error)
	Templates(ctx context.Context, id app.ChannelID) (app.TemplateList, error)
}

// env is what this feature's pages are built with: the kit's Env and the
// part of the core they use.
type env struct {
	kit.Env
	core Core
}
