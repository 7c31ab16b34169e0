package services

import (
	"context"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/persistence"
)

// The services run the broadcast runner beside the outbox: a broadcast
// the store holds from before a restart goes on by itself. (Without an
// API key its messages fail, in plain words, rather than wait forever.)
func TestStartRunsBroadcasts(t *testing.T) {
	keyring.MockInit()
	ctx := context.Background()
	dir := t.TempDir()
	store, err := persistence.Open(ctx, dir)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ch, err := store.CreateChannel(ctx, app.Channel{Name: "Shop", PhoneNumber: "+4930123456"})
	if err != nil {
		t.Fatal(err)
	}
	tpl := app.Template{Name: "sunday", Language: "en", Category: app.CategoryUtility, Status: app.TemplateApproved, Body: "Open on Sunday"}
	send := app.TemplateSend{Name: tpl.Name, Language: tpl.Language, Category: tpl.Category}
	now := time.Now()
	id, err := store.CreateBroadcast(ctx, app.BroadcastRecord{ChannelID: ch.ID, Name: "Sunday", Template: tpl,
		State: app.BroadcastSending, StartAt: now, CreatedAt: now,
		Recipients: []app.Recipient{{WAID: "4917612345678"}},
		Messages:   []app.Message{{Type: app.MsgTemplate, Text: tpl.Body, Template: &send}}})
	if err != nil {
		t.Fatal(err)
	}
	core := NewCore(store, dir, nil)
	changed := make(chan struct{}, 1)
	defer core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventBroadcastsChanged || e.Kind == app.EventMessagesChanged {
			select {
			case changed <- struct{}{}:
			default:
			}
		}
	})()
	svc, err := Start(ctx, Config{Store: store, Core: core, ReceiverAddr: "127.0.0.1:0", NoKeeper: true})
	if err != nil {
		t.Fatal(err)
	}
	defer svc.Stop()
	deadline := time.After(30 * time.Second)
	for {
		b, err := core.Broadcast(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		if b.State == app.BroadcastDone {
			if b.Totals.Failed != 1 {
				t.Fatalf("totals = %+v, want the one recipient failed for want of a key", b.Totals)
			}
			return
		}
		select {
		case <-changed:
		case <-deadline:
			t.Fatalf("the broadcast did not move: %+v", b)
		}
	}
}
