// Package profile is a channel's WhatsApp Business profile editor.
package profile

import (
	"context"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) the business profile editor
// uses. Tests may pass a fake.
type Core interface {
	CheckProfileConflicts(ctx context.Context, id app.ChannelID) (app.ProfileConflictCheck, error)
	Events() *app.Bus
	Profile(ctx context.Context, id app.ChannelID) (app.ProfileRecord, error)
	ProfilePhoto(ctx context.Context, id app.ChannelID) ([]byte, error)
	ResolveProfileConflicts(ctx context.Context, id app.ChannelID, conflicts []app.FieldConflict, remote app.Profile, keepLocal map[string]bool) (app.ProfileResult, error)
	SaveProfile(ctx context.Context, id app.ChannelID, edited app.Profile, photo *app.PhotoChange) (app.ProfileResult, error)
	SyncProfile(ctx context.Context, id app.ChannelID) (app.ProfileResult, error)
}

// env is what this feature's pages are built with: the kit's Env and the
// part of the core they use.
type env struct {
	kit.Env
	core Core
}
