package app_test

import (
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

// healthEvents collects the EventAccountHealthChanged the core publishes.
type healthEvents struct {
	mu  sync.Mutex
	got []app.Event
}

func watchHealth(t *testing.T, w *world) *healthEvents {
	h := &healthEvents{}
	cancel := w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventAccountHealthChanged {
			h.mu.Lock()
			h.got = append(h.got, e)
			h.mu.Unlock()
		}
	})
	t.Cleanup(cancel)
	return h
}

func (h *healthEvents) take() []app.Event {
	h.mu.Lock()
	defer h.mu.Unlock()
	got := h.got
	h.got = nil
	return got
}

// deliver flushes the emulator's queued webhooks into the core.
func deliver(t *testing.T, w *world) {
	t.Helper()
	if err := w.emu.Flush(w.ctx); err != nil {
		t.Fatal(err)
	}
}

// TestQualityDowngradeIsStoredAndToldOnce: WhatsApp reports over HTTP
// that the number's rating fell to yellow with a 1,000-a-day limit. The
// channel shows it, and exactly one worsening is published; the same
// report again changes nothing; the recovery to green is published as
// a change that is not worse.
func TestQualityDowngradeIsStoredAndToldOnce(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	events := watchHealth(t, w)

	if err := w.emu.QualityChanges(testKey, "YELLOW", "TIER_1K"); err != nil {
		t.Fatal(err)
	}
	deliver(t, w)
	list, err := w.core.Channels(w.ctx)
	if err != nil || len(list) != 1 {
		t.Fatalf("Channels = %v, %v", list, err)
	}
	got := list[0]
	if got.Health.Quality != app.QualityYellow || got.Health.Limit != app.Limit1K {
		t.Fatalf("health = %+v, want yellow with a 1,000 limit", got.Health)
	}
	if got.Health.Quality.Label() != "medium (yellow)" || got.Health.Limit.Label() != "1,000 customers a day" {
		t.Errorf("labels %q, %q", got.Health.Quality.Label(), got.Health.Limit.Label())
	}
	evs := events.take()
	if len(evs) != 1 || evs[0].ChannelID != ch.ID || evs[0].Health == nil || !evs[0].Health.Worse ||
		evs[0].Health.After.Quality != app.QualityYellow {
		t.Fatalf("events after the downgrade = %+v, want one worsening of the channel", evs)
	}

	// A redelivery of the same news is no change.
	if err := w.emu.QualityChanges(testKey, "YELLOW", "TIER_1K"); err != nil {
		t.Fatal(err)
	}
	deliver(t, w)
	if evs := events.take(); len(evs) != 0 {
		t.Fatalf("the same rating again published %+v, want nothing", evs)
	}

	w.clock.Advance(time.Minute)
	if err := w.emu.QualityChanges(testKey, "GREEN", "TIER_1K"); err != nil {
		t.Fatal(err)
	}
	deliver(t, w)
	evs = events.take()
	if len(evs) != 1 || evs[0].Health.Worse || evs[0].Health.After.Quality != app.QualityGreen {
		t.Fatalf("events after the recovery = %+v, want one change that is not worse", evs)
	}
}

// TestRestrictionIsExplained: a restriction is a worsening and explains
// itself in plain words: what is blocked, until when, what to do.
func TestRestrictionIsExplained(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	events := watchHealth(t, w)
	if err := w.emu.AccountRestricted(testKey, "RESTRICTED_BIZ_INITIATED_MESSAGING", 7); err != nil {
		t.Fatal(err)
	}
	deliver(t, w)
	evs := events.take()
	if len(evs) != 1 || !evs[0].Health.Worse {
		t.Fatalf("events = %+v, want one worsening", evs)
	}
	h := evs[0].Health.After
	title, advice := h.Explain(w.clock.Now())
	if !strings.Contains(title, "restricted") || !strings.Contains(title, "starting conversations") ||
		!strings.Contains(title, "until") || advice == "" {
		t.Errorf("explanation %q / %q", title, advice)
	}
	// Once it has ended it needs no attention.
	if h.NeedsAttention(w.clock.Now().Add(8 * 24 * time.Hour)) {
		t.Error("an ended restriction still needs attention")
	}
}

// TestHealthWorseThan pins what counts as worse for the owner.
func TestHealthWorseThan(t *testing.T) {
	now := time.Now()
	green := app.AccountHealth{Quality: app.QualityGreen, Limit: app.Limit10K}
	cases := []struct {
		name   string
		before app.AccountHealth
		after  app.AccountHealth
		worse  bool
	}{
		{"first report green", app.AccountHealth{}, green, false},
		{"green to yellow", green, app.AccountHealth{Quality: app.QualityYellow, Limit: app.Limit10K}, true},
		{"yellow to red", app.AccountHealth{Quality: app.QualityYellow}, app.AccountHealth{Quality: app.QualityRed}, true},
		{"limit shrinks", green, app.AccountHealth{Quality: app.QualityGreen, Limit: app.Limit1K}, true},
		{"limit grows", green, app.AccountHealth{Quality: app.QualityGreen, Limit: app.Limit100K}, false},
		{"violation", green, app.AccountHealth{Quality: app.QualityGreen, Limit: app.Limit10K,
			Restriction: app.Restriction{Kind: app.RestrictionViolation, Violation: "adult"}}, true},
		{"restriction lifted", app.AccountHealth{Restriction: app.Restriction{Kind: app.RestrictionLimited}},
			app.AccountHealth{}, false},
	}
	for _, c := range cases {
		if got := c.after.WorseThan(c.before, now); got != c.worse {
			t.Errorf("%s: worse = %v, want %v", c.name, got, c.worse)
		}
	}
}
