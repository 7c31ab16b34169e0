package app_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
)

// bcWorld is a world with a channel that receives its webhooks and an
// approved marketing template, for broadcasts.
type bcWorld struct {
	*world
	ch  app.Channel
	tpl app.Template
	// changes counts the EventBroadcastsChanged published.
	changes atomic.Int64
}

func newBroadcastWorld(t *testing.T) *bcWorld { return buildBroadcastWorld(t, nil) }

// buildBroadcastWorld builds a bcWorld; wrap, if not nil, wraps the
// emulator's handler (to watch the requests it gets).
func buildBroadcastWorld(t testing.TB, wrap func(http.Handler) http.Handler) *bcWorld {
	t.Helper()
	w := buildWorld(t, false, wrap)
	ch := w.tw.AddChannel(t)
	receiveWebhooks(t, w, ch)
	tpl := app.Template{Name: "sunday", Language: "en", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Body: "Hello {{1}}, we are open on Sunday.", BodyExamples: []string{"Ann"}}
	if err := w.emu.AddTemplate(testKey, tpl); err != nil {
		t.Fatal(err)
	}
	b := &bcWorld{world: w, ch: ch, tpl: tpl}
	t.Cleanup(w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventBroadcastsChanged {
			b.changes.Add(1)
		}
	}))
	return b
}

// receiveWebhooks registers a webhook at the emulator that the core
// ingests, as hookUp does for tests.
func receiveWebhooks(tb testing.TB, w *world, ch app.Channel) {
	tb.Helper()
	sink := httptest.NewServer(http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		b, err := dialog360.ParseWebhook(body)
		if err == nil {
			_, err = w.core.Ingest(r.Context(), ch.ID, b)
		}
		if err != nil {
			http.Error(rw, err.Error(), http.StatusBadRequest)
		}
	}))
	tb.Cleanup(sink.Close)
	p := dialog360.New(testKey, dialog360.WithBaseURL(w.server.URL))
	if err := p.SetWebhook(w.ctx, app.WebhookConfig{URL: sink.URL}); err != nil {
		tb.Fatal(err)
	}
}

// bcNumber is the WhatsApp id of audience member i.
func bcNumber(i int) string { return fmt.Sprintf("4917100%05d", i) }

// audience is n customers from a CSV file with a name column.
func audience(n int) app.Audience {
	a := app.Audience{Source: app.AudienceCSV, Columns: []string{"phone", "name"}, NumberColumn: "phone", Rows: n}
	for i := range n {
		name := fmt.Sprintf("Customer %d", i)
		a.Recipients = append(a.Recipients, app.Recipient{WAID: bcNumber(i), Name: name, Row: i + 1,
			Columns: map[string]string{"phone": "+" + bcNumber(i), "name": name}})
	}
	return a
}

// draft is the world's template to a, {{1}} from the name column.
func (b *bcWorld) draft(a app.Audience) app.BroadcastDraft {
	return app.BroadcastDraft{ChannelID: b.ch.ID, Name: "Sunday opening", Template: b.tpl,
		Body: []app.ValueMapping{{Source: app.ValueColumn, Column: "name"}}, Audience: a}
}

// create stores d and fails the test on error.
func (b *bcWorld) create(t testing.TB, d app.BroadcastDraft) app.Broadcast {
	t.Helper()
	bc, err := b.core.CreateBroadcast(b.ctx, d)
	if err != nil {
		t.Fatalf("CreateBroadcast: %v", err)
	}
	return bc
}

// run runs the outbox (at rate messages/s) and the broadcast runner
// until the returned stop is called (or the test ends).
func (b *bcWorld) run(t testing.TB, rate float64) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(b.ctx)
	var wg sync.WaitGroup
	wg.Go(func() { b.core.RunOutbox(ctx, app.OutboxOptions{Rate: rate, Workers: 8}) })
	wg.Go(func() { b.core.RunBroadcasts(ctx) })
	var once sync.Once
	stop = func() { once.Do(func() { cancel(); wg.Wait() }) }
	t.Cleanup(stop)
	return stop
}

// waitFor waits until cond holds, looking again after every event of the
// core (and every 20 ms, for changes that publish none), at most 30 s.
func (b *bcWorld) waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	poke := make(chan struct{}, 1)
	defer b.core.Events().Subscribe(func(app.Event) {
		select {
		case poke <- struct{}{}:
		default:
		}
	})()
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	deadline := time.NewTimer(30 * time.Second)
	defer deadline.Stop()
	for !cond() {
		select {
		case <-poke:
		case <-tick.C:
		case <-deadline.C:
			t.Fatalf("waited 30 s for %s", what)
		}
	}
}

// totals reads the broadcast's totals.
func (b *bcWorld) totals(t testing.TB, id int64) app.Broadcast {
	t.Helper()
	bc, err := b.core.Broadcast(b.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return bc
}

// sentTo counts the emulator's sends per WhatsApp id.
func (b *bcWorld) sentTo() map[string]int {
	out := map[string]int{}
	for _, s := range b.emu.Sent(testKey) {
		out[s.To]++
	}
	return out
}

// statuses makes the emulator report every status that is due.
func (b *bcWorld) statuses(t testing.TB) {
	t.Helper()
	b.emu.Tick()
	if err := b.emu.Flush(b.ctx); err != nil {
		t.Fatal(err)
	}
}

// results reads every recipient's result.
func (b *bcWorld) results(t testing.TB, id int64) []app.RecipientResult {
	t.Helper()
	rs, err := b.core.BroadcastRecipients(b.ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}
