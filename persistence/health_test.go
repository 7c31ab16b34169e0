package persistence

import (
	"context"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// TestAccountHealthIsKeptPerChannel: what WhatsApp reports about a
// number's standing adds up to one state per channel, kept across
// payloads; a late, older report does not turn it back, and another
// channel is untouched.
func TestAccountHealthIsKeptPerChannel(t *testing.T) {
	ctx := context.Background()
	s := openTestStore(t)
	shop, other := addChannel(t, s, "Shop"), addChannel(t, s, "Other")
	until := baseTime.Add(7 * 24 * time.Hour)
	mustIngest(t, s, shop.ID, app.InboundBatch{Health: []app.AccountHealthEvent{
		{Quality: app.QualityYellow, Limit: app.Limit1K, Timestamp: baseTime},
	}})
	mustIngest(t, s, shop.ID, app.InboundBatch{Health: []app.AccountHealthEvent{
		{Restriction: &app.Restriction{Kind: app.RestrictionLimited, Blocks: "starting conversations", Until: until},
			Timestamp: baseTime.Add(time.Minute)},
		{Quality: app.QualityGreen, Timestamp: baseTime.Add(-time.Hour)}, // late and older: ignored
	}})
	got, err := s.Channel(ctx, shop.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := app.AccountHealth{Quality: app.QualityYellow, Limit: app.Limit1K,
		Restriction: app.Restriction{Kind: app.RestrictionLimited, Blocks: "starting conversations", Until: until},
		UpdatedAt:   baseTime.Add(time.Minute)}
	if !healthEqual(got.Health, want) {
		t.Errorf("health = %+v, want %+v", got.Health, want)
	}
	list, err := s.Channels(ctx)
	if err != nil || len(list) != 2 {
		t.Fatalf("Channels = %v, %v", list, err)
	}
	if !healthEqual(list[0].Health, want) {
		t.Errorf("listed health = %+v, want %+v", list[0].Health, want)
	}
	if list[1].ID != other.ID || list[1].Health != (app.AccountHealth{}) {
		t.Errorf("other channel's health = %+v, want none", list[1].Health)
	}
	// Lifting the restriction keeps the rating and limit.
	mustIngest(t, s, shop.ID, app.InboundBatch{Health: []app.AccountHealthEvent{
		{Restriction: &app.Restriction{}, Timestamp: baseTime.Add(time.Hour)}}})
	got, _ = s.Channel(ctx, shop.ID)
	if got.Health.Restriction.Kind != app.RestrictionNone || got.Health.Quality != app.QualityYellow ||
		got.Health.Limit != app.Limit1K {
		t.Errorf("after the restriction was lifted: %+v", got.Health)
	}
}

func healthEqual(a, b app.AccountHealth) bool {
	return a.Quality == b.Quality && a.Limit == b.Limit && a.Restriction.Kind == b.Restriction.Kind &&
		a.Restriction.Blocks == b.Restriction.Blocks && a.Restriction.Violation == b.Restriction.Violation &&
		a.Restriction.Until.Equal(b.Restriction.Until) && a.UpdatedAt.Equal(b.UpdatedAt)
}
