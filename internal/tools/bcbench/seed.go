package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// seed gives the store's one channel the bench key (in the secrets of
// its workspace) and a messaging limit of 10,000 customers a day, and
// creates a broadcast of benchTemplate to n recipients, paused: the
// channel's customers first, then made-up numbers when n is larger. It
// stays paused until resume, so that it drains during the load and not
// while the window starts.
func seed(ctx context.Context, s *persistence.Store, n int, secrets func(workspace string) app.SecretStore) (app.Broadcast, error) {
	if n <= 0 || n > 10_000 {
		return app.Broadcast{}, errors.New("recipients must be 1 to 10,000 (the channel's daily limit)")
	}
	ch, err := onlyChannel(ctx, s)
	if err != nil {
		return app.Broadcast{}, err
	}
	ws, err := s.WorkspaceID(ctx)
	if err != nil {
		return app.Broadcast{}, fmt.Errorf("read workspace: %w", err)
	}
	sec := secrets(ws)
	if err := sec.SetAPIKey(ch.ID, apiKey); err != nil {
		return app.Broadcast{}, fmt.Errorf("store the key (is a keyring running? use scripts/with-keyring.sh): %w", err)
	}
	if _, err := s.IngestBatch(ctx, ch.ID, app.InboundBatch{Health: []app.AccountHealthEvent{
		{Limit: app.Limit10K, Quality: app.QualityGreen, Timestamp: time.Now()}}}); err != nil {
		return app.Broadcast{}, fmt.Errorf("set the messaging limit: %w", err)
	}
	a, err := audience(ctx, s, ch.ID, n)
	if err != nil {
		return app.Broadcast{}, err
	}
	core := app.New(app.Deps{Store: s, Secrets: sec})
	bc, err := core.CreateBroadcast(ctx, app.BroadcastDraft{ChannelID: ch.ID, Name: "New season", Template: benchTemplate,
		Body: []app.ValueMapping{{Source: app.ValueContactName, Text: "there"}}, Audience: a})
	if err != nil {
		return app.Broadcast{}, err
	}
	if err := core.PauseBroadcast(ctx, bc.ID); err != nil {
		return app.Broadcast{}, err
	}
	return core.Broadcast(ctx, bc.ID)
}

// audience is the channel's first n customers, then made-up numbers
// until there are n recipients.
func audience(ctx context.Context, s *persistence.Store, id app.ChannelID, n int) (app.Audience, error) {
	convs, err := s.Conversations(ctx, id)
	if err != nil {
		return app.Audience{}, fmt.Errorf("read conversations: %w", err)
	}
	a := app.Audience{Source: app.AudienceRecent, Rows: n}
	for _, c := range convs[:min(n, len(convs))] {
		a.Recipients = append(a.Recipients, app.Recipient{WAID: c.WAID, Name: c.ContactName, ConversationID: c.ID})
	}
	for i := len(a.Recipients); i < n; i++ {
		a.Recipients = append(a.Recipients, app.Recipient{WAID: fmt.Sprintf("4916%08d", i)})
	}
	return a, nil
}

// resume lets the store's paused broadcast go.
func resume(ctx context.Context, s *persistence.Store) error {
	ch, err := onlyChannel(ctx, s)
	if err != nil {
		return err
	}
	core := app.New(app.Deps{Store: s})
	bs, err := core.Broadcasts(ctx, ch.ID)
	if err != nil {
		return err
	}
	for _, b := range bs {
		if b.State == app.BroadcastPaused {
			return core.ResumeBroadcast(ctx, b.ID)
		}
	}
	return errors.New("no paused broadcast: run bcbench seed first")
}

// onlyChannel is the store's channel: coldseed makes one.
func onlyChannel(ctx context.Context, s *persistence.Store) (app.Channel, error) {
	chs, err := s.Channels(ctx)
	if err != nil {
		return app.Channel{}, fmt.Errorf("read channels: %w", err)
	}
	if len(chs) != 1 {
		return app.Channel{}, fmt.Errorf("%d channels, want the one coldseed makes", len(chs))
	}
	return chs[0], nil
}
