package app_test

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// A broadcast reaches every recipient exactly once, with their own
// values; its totals and chart follow WhatsApp's statuses; the Chats
// list shows only the customer who had written before, unmoved; and the
// results page is told of the progress a few times, not once per
// recipient.
func TestBroadcastReachesEveryoneOnceAndStaysOutOfTheChats(t *testing.T) {
	b := newBroadcastWorld(t)
	known := customerWrites(t, b.world, b.ch, bcNumber(0), "Ann", "Hi")
	a := audience(100)
	plan, err := b.core.PlanBroadcast(b.ctx, b.draft(a))
	if err != nil {
		t.Fatal(err)
	}
	if plan.Recipients != 100 || plan.DailyLimit != app.DefaultDailyLimit || plan.LimitKnown || plan.Days != 1 ||
		plan.Category != app.CategoryMarketing {
		t.Fatalf("plan = %+v", plan)
	}
	bc := b.create(t, b.draft(a))
	if bc.State != app.BroadcastSending || bc.Totals.Waiting != 100 || bc.Name != "Sunday opening" {
		t.Fatalf("created %+v", bc)
	}
	changesBefore := b.changes.Load()
	b.run(t, 1000)
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })

	sent := b.sentTo()
	for i := range 100 {
		if sent[bcNumber(i)] != 1 {
			t.Fatalf("%s got %d messages, want 1", bcNumber(i), sent[bcNumber(i)])
		}
	}
	for _, s := range b.emu.Sent(testKey) {
		if s.To == bcNumber(7) && (s.Template == nil || !slices.Equal(s.Template.BodyParams, []string{"Customer 7"})) {
			t.Fatalf("customer 7 got %+v", s.Template)
		}
	}
	if n := b.changes.Load() - changesBefore; n > 20 {
		t.Errorf("%d broadcast events for 100 recipients, want a few", n)
	}
	b.statuses(t)
	b.waitFor(t, "every recipient to have read it", func() bool { return b.totals(t, bc.ID).Totals.Read == 100 })

	chats, err := b.core.Conversations(b.ctx, b.ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(chats) != 1 || chats[0].ID != known.ID || chats[0].LastPreview != "Hi" {
		t.Fatalf("Chats = %+v, want only Ann's conversation, still showing her message", chats)
	}
	rs := b.results(t, bc.ID)
	if rs[0].Name != "Ann" || rs[0].ConversationID != known.ID || rs[5].Outcome != app.OutcomeRead || rs[5].ReadAt.IsZero() || rs[5].SentAt.IsZero() {
		t.Fatalf("results: %+v / %+v", rs[0], rs[5])
	}
	points, err := b.core.BroadcastTimeline(b.ctx, bc.ID)
	if err != nil || len(points) == 0 {
		t.Fatalf("timeline: %v, %v", points, err)
	}
	if last := points[len(points)-1]; last.Delivered != 100 || last.Read != 100 {
		t.Fatalf("the chart ends at %+v", last)
	}
	// A customer who answers gets into the Chats, and counts as a reply.
	customerWrites(t, b.world, b.ch, bcNumber(9), "Ivo", "See you Sunday")
	if chats, _ := b.core.Conversations(b.ctx, b.ch.ID); len(chats) != 2 {
		t.Fatalf("after an answer the Chats hold %d conversations, want 2", len(chats))
	}
	if got := b.totals(t, bc.ID).Totals.Replied; got != 1 {
		t.Fatalf("replies = %d, want 1", got)
	}
	list, err := b.core.Broadcasts(b.ctx, b.ch.ID)
	if err != nil || len(list) != 1 || list[0].ID != bc.ID || list[0].Totals.Read != 100 {
		t.Fatalf("Broadcasts = %+v, %v", list, err)
	}
}

// With a messaging limit of 50 customers a day, a broadcast to 70 is
// refused unless spread over days; spread, exactly 50 go today and the
// other 20 once the first sends are a day old.
func TestBroadcastOverTheLimitWaitsForTheNextDay(t *testing.T) {
	b := newBroadcastWorld(t)
	if err := b.emu.QualityChanges(testKey, "GREEN", "TIER_50"); err != nil {
		t.Fatal(err)
	}
	b.statuses(t)
	d := b.draft(audience(70))
	plan, err := b.core.PlanBroadcast(b.ctx, d)
	if err != nil || plan.DailyLimit != 50 || !plan.LimitKnown || plan.Days != 2 || plan.Quality != app.QualityGreen {
		t.Fatalf("plan = %+v, %v", plan, err)
	}
	if _, err := b.core.CreateBroadcast(b.ctx, d); !errors.Is(err, app.ErrOverDailyLimit) {
		t.Fatalf("over the limit: %v", err)
	}
	d.SpreadOverDays = true
	bc := b.create(t, d)
	b.run(t, 1000)
	b.waitFor(t, "50 sends", func() bool { return len(b.emu.Sent(testKey)) == 50 })
	b.waitFor(t, "the outbox to finish", func() bool { return b.totals(t, bc.ID).Totals.Sending == 0 })
	got := b.totals(t, bc.ID)
	if got.Totals.Waiting != 20 || got.State != app.BroadcastSending || len(b.emu.Sent(testKey)) != 50 {
		t.Fatalf("after the first day: %d sent, %+v", len(b.emu.Sent(testKey)), got)
	}
	if want := b.clock.Now().Add(24 * time.Hour); !got.WaitsUntil.Equal(want) {
		t.Fatalf("waits until %v, want %v (a day after the sends)", got.WaitsUntil, want)
	}
	b.clock.Advance(24*time.Hour + time.Second)
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	if n := len(b.emu.Sent(testKey)); n != 70 {
		t.Fatalf("%d sent, want 70", n)
	}
}

// A broadcast set for later starts at its time.
func TestScheduledBroadcastStartsAtItsTime(t *testing.T) {
	b := newBroadcastWorld(t)
	d := b.draft(audience(5))
	d.StartAt = b.clock.Now().Add(time.Hour)
	bc := b.create(t, d)
	if bc.State != app.BroadcastScheduled || !bc.StartAt.Equal(d.StartAt) {
		t.Fatalf("created %+v", bc)
	}
	b.run(t, 1000)
	if n := len(b.emu.Sent(testKey)); n != 0 {
		t.Fatalf("%d sent before the time", n)
	}
	b.clock.Advance(time.Hour)
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	if n := len(b.emu.Sent(testKey)); n != 5 {
		t.Fatalf("%d sent, want 5", n)
	}
}

// PlanBroadcast names each problem of a draft at its field.
func TestPlanBroadcastChecksTheDraft(t *testing.T) {
	b := newBroadcastWorld(t)
	a := audience(3)
	a.Recipients[1].Columns["name"] = " "
	d := b.draft(a)
	d.StartAt = b.clock.Now().Add(-time.Hour)
	_, err := b.core.PlanBroadcast(b.ctx, d)
	var verrs app.ValidationErrors
	if !errors.As(err, &verrs) {
		t.Fatalf("PlanBroadcast: %v", err)
	}
	if got := verrs.For(app.FieldBroadcastValue + ".1"); got == "" || !strings.Contains(got, "row 2") {
		t.Errorf("empty value: %q", got)
	}
	if verrs.For(app.FieldBroadcastStart) == "" {
		t.Error("a start in the past was accepted")
	}
	d = b.draft(app.Audience{})
	d.Body = nil
	d.Template.Status = app.TemplateRejected
	_, err = b.core.PlanBroadcast(b.ctx, d)
	if !errors.As(err, &verrs) || verrs.For(app.FieldBroadcastAudience) == "" || verrs.For(app.FieldBroadcastTemplate) == "" ||
		verrs.For(app.FieldBroadcastValue+".1") == "" {
		t.Fatalf("PlanBroadcast: %v", err)
	}
	d = b.draft(audience(2))
	d.Body = []app.ValueMapping{{Source: app.ValueColumn, Column: "city"}}
	if _, err = b.core.PlanBroadcast(b.ctx, d); !errors.As(err, &verrs) || !strings.Contains(verrs.For(app.FieldBroadcastValue+".1"), "city") {
		t.Fatalf("a missing column: %v", err)
	}
	// A name with a fallback text fills everyone.
	d.Body = []app.ValueMapping{{Source: app.ValueContactName, Text: "friend"}}
	if _, err = b.core.PlanBroadcast(b.ctx, d); err != nil {
		t.Fatal(err)
	}
}

// The broadcasts' refusals are told in plain words.
func TestExplainBroadcastRefusals(t *testing.T) {
	for _, err := range []error{fmt.Errorf("create broadcast: %w", app.ErrOverDailyLimit), fmt.Errorf("pause: %w", app.ErrBroadcastState)} {
		if got := app.Explain(err); strings.HasPrefix(got, "Something went wrong") || !strings.Contains(got, "broadcast") {
			t.Errorf("Explain(%v) = %q", err, got)
		}
	}
}
