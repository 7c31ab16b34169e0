// Package broadcasts is a channel's broadcasts: the list, the steps of a
// new broadcast (audience, message, review) and a broadcast's results
// with its chart.
package broadcasts

import (
	"fyne.io/fyne/v2"

	"context"
	"io"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/kit"
)

// Core is the part of the core (*app.Core) the broadcasts pages use.
// Tests may pass a fake.
type Core interface {
	Events() *app.Bus
	Now() time.Time
	Labels(ctx context.Context) ([]app.Label, error)
	Templates(ctx context.Context, id app.ChannelID) (app.TemplateList, error)

	AudienceFromCSV(ctx context.Context, id app.ChannelID, r io.Reader) (app.Audience, error)
	AudienceFromLabels(ctx context.Context, id app.ChannelID, labelIDs []int64) (app.Audience, error)
	AudienceRecent(ctx context.Context, id app.ChannelID, days int) (app.Audience, error)
	BroadcastValues(d app.BroadcastDraft, r app.Recipient) app.TemplateValues
	PlanBroadcast(ctx context.Context, d app.BroadcastDraft) (app.BroadcastPlan, error)
	SendBroadcastTest(ctx context.Context, d app.BroadcastDraft, ownNumber string) (app.Message, error)
	CreateBroadcast(ctx context.Context, d app.BroadcastDraft) (app.Broadcast, error)

	Broadcasts(ctx context.Context, id app.ChannelID) ([]app.Broadcast, error)
	Broadcast(ctx context.Context, broadcastID int64) (app.Broadcast, error)
	BroadcastRecipients(ctx context.Context, broadcastID int64) ([]app.RecipientResult, error)
	BroadcastTimeline(ctx context.Context, broadcastID int64) ([]app.BroadcastPoint, error)
	PauseBroadcast(ctx context.Context, broadcastID int64) error
	ResumeBroadcast(ctx context.Context, broadcastID int64) error
	CancelBroadcast(ctx context.Context, broadcastID int64) error
	RetryBroadcastFailed(ctx context.Context, broadcastID int64) (int, error)
	ExportBroadcastResults(ctx context.Context, broadcastID int64, path string) error
}

// env is what this feature's pages are built with: the kit's Env, the
// part of the core they use, the channel and the way to a customer's
// conversation.
type env struct {
	kit.Env
	core Core
	ch   app.Channel
	// openChat shows a conversation in the Space; nil hides the way.
	openChat func(conversationID int64)
	// wizard is the new broadcast last opened, which takes dropped
	// files while it is on screen.
	wizard *wizard
	// drafts keeps the unfinished new broadcast of each channel.
	drafts *Drafts
}

// Pages are a channel's broadcasts pages, as opened by Open.
type Pages struct{ env *env }

// Open shows ch's broadcasts in place of the current page. openChat, if
// not nil, opens a recipient's conversation in the Space. drafts keeps
// an unfinished new broadcast while the owner is elsewhere; nil keeps
// none.
func Open(k kit.Env, core Core, ch app.Channel, openChat func(conversationID int64), drafts *Drafts) *Pages {
	e := &env{Env: k, core: core, ch: ch, openChat: openChat, drafts: drafts}
	openList(e)
	return &Pages{env: e}
}

// DropFiles takes files dropped on the window while a new broadcast is
// on screen: a CSV file becomes its audience. It reports whether the
// broadcast took them; false leaves them to the rest of the window.
func (p *Pages) DropFiles(uris []fyne.URI) bool {
	w := p.env.wizard
	if w == nil || w.ctx == nil || w.ctx.Err() != nil {
		return false
	}
	w.dropFiles(uris)
	return true
}

// OpenResults shows broadcast b's results (from a notification about it,
// say); Broadcasts on it leads to the channel's list.
func (p *Pages) OpenResults(b app.Broadcast) { openResults(p.env, b) }
