// Package channels is Settings → Channels: the list of connected numbers,
// the Add Channel wizard and a channel's Configure page.
package channels

import (
	"context"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) the Channels list, the Add
// Channel wizard and Configure use. Tests may pass a fake.
type Core interface {
	AddChannel(ctx context.Context, nc app.NewChannel) (app.Channel, error)
	ChangeConnection(ctx context.Context, id app.ChannelID, number, newKey string) error
	ChannelHistory(ctx context.Context, id app.ChannelID, limit int) ([]app.ProviderEvent, error)
	CheckConnection(ctx context.Context, id app.ChannelID) (app.ConnectionStatus, error)
	DisconnectChannel(ctx context.Context, id app.ChannelID) error
	LocalWebhookURL(ch app.Channel) string
	Now() time.Time
	ReconnectChannel(ctx context.Context, id app.ChannelID, number, key string) error
	RegisterWebhook(ctx context.Context, id app.ChannelID, public string) (app.Channel, error)
	RemoveChannel(ctx context.Context, id app.ChannelID) error
	RenameChannel(ctx context.Context, id app.ChannelID, name string) error
	TestWebhook(ctx context.Context, id app.ChannelID) error
	UseTunnel(ctx context.Context, token, domain string) error
	UseOwnAddress(ctx context.Context) error
	ReceivingSettings(ctx context.Context) (app.ReceivingSettings, error)
	ReceivingStatus() app.ReceivingStatus
	Events() *app.Bus
}

// env is what this feature's pages are built with: the kit's Env and the
// part of the core they use.
type env struct {
	kit.Env
	core Core
}

// Lister lists channels: all the Channels list needs to show them. The
// Core and test fakes implement it; the list finds the rest of what it
// offers (checks, removal) by asking the lister for more.
type Lister interface {
	Channels(ctx context.Context) ([]app.Channel, error)
}
