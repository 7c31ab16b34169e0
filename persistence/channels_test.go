package persistence

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func TestChannelRoundTrip(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	in := app.Channel{
		Name: "Bakery", PhoneNumber: "+4930123456", Provider: app.ProviderName360dialog,
		WebhookSecret: "hdr-secret", WebhookURL: "https://tunnel.example/webhook/abc", KeyState: app.KeyOK,
	}
	c, err := s.CreateChannel(ctx, in)
	if err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || len(c.WebhookToken) < 20 || !c.CreatedAt.Equal(baseTime.Add(time.Hour)) {
		t.Fatalf("created channel %+v: want ID, a random webhook token and CreatedAt = now", c)
	}
	got, err := s.Channel(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != in.Name || got.PhoneNumber != in.PhoneNumber || got.WebhookSecret != in.WebhookSecret ||
		got.WebhookURL != in.WebhookURL || got.KeyState != app.KeyOK || got.WebhookToken != c.WebhookToken ||
		!got.CreatedAt.Equal(c.CreatedAt) || !got.LastEventAt.IsZero() {
		t.Errorf("Channel = %+v, want %+v", got, c)
	}
	byToken, err := s.ChannelByWebhookToken(ctx, c.WebhookToken)
	if err != nil || byToken.ID != c.ID {
		t.Errorf("ChannelByWebhookToken = %+v, %v", byToken, err)
	}

	got.Name = "Bakery Mitte"
	got.KeyState = app.KeyRejected
	got.LastEventAt = baseTime.Add(-48 * time.Hour) // stale copies must not win
	if err := s.UpdateChannel(ctx, got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Channel(ctx, c.ID)
	if again.Name != "Bakery Mitte" || again.KeyState != app.KeyRejected || !again.LastEventAt.IsZero() {
		t.Errorf("after update: %+v", again)
	}

	second := addChannel(t, s, "Salon")
	list, err := s.Channels(ctx)
	if err != nil || len(list) != 2 || list[0].ID != c.ID || list[1].ID != second.ID {
		t.Errorf("Channels = %+v, %v; want both in the order added", list, err)
	}
}

func TestChannelErrors(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	a := addChannel(t, s, "A")
	if _, err := s.Channel(ctx, 999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("Channel(999) = %v, want ErrNotFound", err)
	}
	if _, err := s.ChannelByWebhookToken(ctx, "nope"); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("ChannelByWebhookToken(nope) = %v, want ErrNotFound", err)
	}
	if err := s.UpdateChannel(ctx, app.Channel{ID: 999, Name: "x", WebhookToken: "t"}); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("UpdateChannel(999) = %v, want ErrNotFound", err)
	}
	if err := s.DeleteChannel(ctx, 999); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("DeleteChannel(999) = %v, want ErrNotFound", err)
	}
	_, err := s.CreateChannel(ctx, app.Channel{Name: "B", WebhookToken: a.WebhookToken})
	if !errors.Is(err, ErrWebhookTokenTaken) {
		t.Errorf("duplicate webhook token: %v, want ErrWebhookTokenTaken", err)
	}
}

func TestDeleteChannelRemovesAllItsData(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	gone := addChannel(t, s, "Gone")
	kept := addChannel(t, s, "Kept")
	for _, c := range []app.Channel{gone, kept} {
		if err := s.SaveRemoteProfile(ctx, c.ID, app.Profile{About: "hi"}, baseTime); err != nil {
			t.Fatal(err)
		}
		if err := s.ReplaceTemplates(ctx, c.ID, []app.Template{{Name: "hello", Language: "en", Status: app.TemplateApproved}}, baseTime); err != nil {
			t.Fatal(err)
		}
		b := textBatch("491701", "Ann", "w"+c.Name, 3)
		b.Statuses = []app.StatusUpdate{{WAMessageID: "unknown-" + c.Name, State: app.StateSent}}
		b.Other = []app.ProviderEvent{{Field: "account_update", Title: "ok"}}
		mustIngest(t, s, c.ID, b)
		if _, err := s.Enqueue(ctx, app.Message{ChannelID: c.ID, From: "491702", Text: "queued"}); err != nil {
			t.Fatal(err)
		}
	}
	tables := []string{"profiles", "templates", "sync_state", "contacts", "conversations", "messages", "early_statuses", "provider_events"}
	before := map[string]int{}
	for _, tb := range tables {
		before[tb] = countRows(t, s, tb)
	}

	if err := s.DeleteChannel(ctx, gone.ID); err != nil {
		t.Fatal(err)
	}
	for _, tb := range tables {
		if got := countRows(t, s, tb); got*2 != before[tb] {
			t.Errorf("%s: %d rows after delete, want %d (only the kept channel's)", tb, got, before[tb]/2)
		}
	}
	if convs, _ := s.Conversations(ctx, gone.ID); len(convs) != 0 {
		t.Errorf("deleted channel still lists %d conversations", len(convs))
	}
	if _, err := s.Channel(ctx, gone.ID); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("deleted channel still readable: %v", err)
	}
}
