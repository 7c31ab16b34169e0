// Package settings is the Settings page: the owner's quick replies, the
// words that opt customers out of marketing and back in, and whatever
// sections the shell adds (see NewPage).
package settings

import (
	"context"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) the Settings page uses. Tests
// may pass a fake.
type Core interface {
	AddQuickReply(ctx context.Context, r app.QuickReply) (app.QuickReply, error)
	DeleteQuickReply(ctx context.Context, id int64) error
	EditQuickReply(ctx context.Context, r app.QuickReply) error
	Events() *app.Bus
	MoveQuickReply(ctx context.Context, id int64, to int) error
	OptOutWords(ctx context.Context) (app.OptOutWords, error)
	QuickReplies(ctx context.Context) ([]app.QuickReply, error)
	SetOptOutWords(ctx context.Context, w app.OptOutWords) error
}

// env is what this feature's page is built with: the kit's Env and the
// part of the core it uses.
type env struct {
	kit.Env
	core Core
}
