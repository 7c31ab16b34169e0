package app_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// progress reads the runner's view of the broadcast.
func (b *bcWorld) progress(t testing.TB, id int64) app.BroadcastProgress {
	t.Helper()
	active, err := b.store.ActiveBroadcasts(b.ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range active {
		if p.ID == id {
			return p
		}
	}
	return app.BroadcastProgress{}
}

// heldMidway starts a broadcast to 20 while 360dialog holds every
// request: the outbox is sending 8 (its workers) and 12 are queued.
func heldMidway(t *testing.T) (*bcWorld, app.Broadcast, func()) {
	t.Helper()
	b := newBroadcastWorld(t)
	bc := b.create(t, b.draft(audience(20)))
	release := b.emu.Hold()
	t.Cleanup(release)
	b.run(t, 1000)
	b.waitFor(t, "8 sending, 12 queued", func() bool {
		p := b.progress(t, bc.ID)
		return p.Sending == 8 && p.Queued == 12
	})
	return b, bc, release
}

// Pausing stops the broadcast: what the outbox was sending goes on, the
// rest waits; resuming sends the rest, nobody twice.
func TestPauseAndResumeBroadcast(t *testing.T) {
	b, bc, release := heldMidway(t)
	if err := b.core.PauseBroadcast(b.ctx, bc.ID); err != nil {
		t.Fatal(err)
	}
	release()
	b.waitFor(t, "the 8 in flight to be sent", func() bool { return b.totals(t, bc.ID).Totals.Sending == 0 })
	got := b.totals(t, bc.ID)
	if got.State != app.BroadcastPaused || got.Totals.Waiting != 12 || got.Totals.Sent != 8 || len(b.emu.Sent(testKey)) != 8 {
		t.Fatalf("paused: %d sent, %+v", len(b.emu.Sent(testKey)), got)
	}
	if err := b.core.ResumeBroadcast(b.ctx, bc.ID); err != nil {
		t.Fatal(err)
	}
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	for i := range 20 {
		if n := b.sentTo()[bcNumber(i)]; n != 1 {
			t.Fatalf("%s got %d messages", bcNumber(i), n)
		}
	}
	if err := b.core.ResumeBroadcast(b.ctx, bc.ID); !errors.Is(err, app.ErrBroadcastState) {
		t.Fatalf("resuming a finished broadcast: %v", err)
	}
}

// Cancelling sends nobody else; what the outbox was already sending
// keeps its real outcome, and the cancelled messages say so in their
// conversations.
func TestCancelBroadcastKeepsWhatWasSending(t *testing.T) {
	b, bc, release := heldMidway(t)
	if err := b.core.CancelBroadcast(b.ctx, bc.ID); err != nil {
		t.Fatal(err)
	}
	release()
	b.waitFor(t, "the 8 in flight to be sent", func() bool { return b.totals(t, bc.ID).Totals.Sending == 0 })
	got := b.totals(t, bc.ID)
	if got.State != app.BroadcastCancelled || got.Totals.Cancelled != 12 || got.Totals.Sent != 8 || len(b.emu.Sent(testKey)) != 8 {
		t.Fatalf("cancelled: %d sent, %+v", len(b.emu.Sent(testKey)), got)
	}
	rs := b.results(t, bc.ID)
	last := rs[len(rs)-1]
	if last.Outcome != app.OutcomeCancelled {
		t.Fatalf("last recipient: %+v", last)
	}
	if m := lastMessage(t, b.world, last.ConversationID); m.State != app.StateCancelled || app.StateText(m.State) == "" {
		t.Fatalf("the cancelled message shows %s", m.State)
	}
	if err := b.core.ResumeBroadcast(b.ctx, bc.ID); !errors.Is(err, app.ErrBroadcastState) {
		t.Fatalf("resuming a cancelled broadcast: %v", err)
	}
	if _, err := b.core.RetryBroadcastFailed(b.ctx, bc.ID); !errors.Is(err, app.ErrBroadcastState) {
		t.Fatalf("retrying a cancelled broadcast: %v", err)
	}
}

// After Parley stopped in the middle of sending, the broadcast goes on
// from where it was: those whose send may have reached WhatsApp are
// "unknown" and never sent again by themselves, everyone else once.
func TestBroadcastContinuesAfterARestart(t *testing.T) {
	b := newBroadcastWorld(t)
	bc := b.create(t, b.draft(audience(30)))
	// What the store holds after a crash: 10 released, 3 of them being
	// sent.
	if _, _, err := b.store.ReleaseBroadcast(b.ctx, bc.ID, 10, b.clock.Now(), ""); err != nil {
		t.Fatal(err)
	}
	q, err := b.store.NextQueued(b.ctx, 3)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range q {
		if err := b.store.UpdateState(b.ctx, m.ID, app.StateSending, "", 0, ""); err != nil {
			t.Fatal(err)
		}
	}
	// The restart.
	if _, err := b.core.RecoverOutbox(b.ctx); err != nil {
		t.Fatal(err)
	}
	b.run(t, 1000)
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	got := b.totals(t, bc.ID)
	if got.Totals.Unknown != 3 || got.Totals.Sent != 27 || len(b.emu.Sent(testKey)) != 27 {
		t.Fatalf("after the restart: %d sent, %+v", len(b.emu.Sent(testKey)), got.Totals)
	}
	for _, r := range b.results(t, bc.ID)[:3] {
		if r.Outcome != app.OutcomeUnknown || r.Reason != app.UnknownStateMessage || b.sentTo()[r.WAID] != 0 {
			t.Fatalf("interrupted recipient: %+v", r)
		}
	}
	if n, err := b.core.RetryBroadcastFailed(b.ctx, bc.ID); err != nil || n != 0 {
		t.Fatalf("retry took %d unknown recipients (%v)", n, err)
	}
}

// A customer who opted out after the broadcast was made is not sent to;
// failures say WhatsApp's reason in plain words; a retry sends again only
// where that may pass; the export lists it all.
func TestBroadcastOptOutsFailuresRetryAndExport(t *testing.T) {
	b := newBroadcastWorld(t)
	bc := b.create(t, b.draft(audience(4)))
	rs := b.results(t, bc.ID)
	if err := b.core.SetOptedOut(b.ctx, rs[1].ConversationID, true); err != nil {
		t.Fatal(err)
	}
	b.emu.FailRecipient(bcNumber(2), 131049)
	b.emu.AddUnreachable(bcNumber(3))
	b.run(t, 1000)
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	b.statuses(t)
	b.waitFor(t, "three failures", func() bool { return b.totals(t, bc.ID).Totals.Failed == 3 })

	rs = b.results(t, bc.ID)
	if b.sentTo()[bcNumber(1)] != 0 || rs[1].Reason != app.OptedOutSkipped || rs[1].Retryable {
		t.Fatalf("opted out: sent %d, %+v", b.sentTo()[bcNumber(1)], rs[1])
	}
	if !strings.Contains(rs[2].Reason, "marketing") || !rs[2].Retryable || rs[2].ErrorCode != 131049 {
		t.Fatalf("marketing limit: %+v", rs[2])
	}
	if !strings.Contains(rs[3].Reason, "not on WhatsApp") || rs[3].Retryable {
		t.Fatalf("not on WhatsApp: %+v", rs[3])
	}
	b.emu.FailRecipient(bcNumber(2), 0)
	n, err := b.core.RetryBroadcastFailed(b.ctx, bc.ID)
	if err != nil || n != 1 {
		t.Fatalf("retry = %d, %v", n, err)
	}
	b.waitFor(t, "the retry to be sent", func() bool { return b.sentTo()[bcNumber(2)] == 2 })
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	b.statuses(t)
	b.waitFor(t, "the retry to be read", func() bool { return b.results(t, bc.ID)[2].Outcome == app.OutcomeRead })

	path := filepath.Join(t.TempDir(), "results.csv")
	if err := b.core.ExportBroadcastResults(b.ctx, bc.ID, path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(strings.TrimPrefix(string(data), "\uFEFF"), "\r\n"), "\r\n")
	if len(lines) != 5 || lines[0] != "number,name,outcome,reason,sent,delivered,read,replied" {
		t.Fatalf("export:\n%s", data)
	}
	for i, want := range []string{"+" + bcNumber(0) + ",Customer 0,read,,", "+" + bcNumber(1) + ",Customer 1,failed,Not sent: the customer opted out",
		"+" + bcNumber(2) + ",Customer 2,read,,", "+" + bcNumber(3) + ",Customer 3,failed,\"This number is not on WhatsApp"} {
		if !strings.HasPrefix(lines[i+1], want) {
			t.Errorf("line %d = %q, want it to start %q", i+2, lines[i+1], want)
		}
	}
	if !strings.HasSuffix(lines[1], ",no") || strings.Count(lines[1], ",") != 7 {
		t.Errorf("line 2 = %q", lines[1])
	}
}

// A photo header is uploaded once, and every recipient's message names
// the same media id.
func TestBroadcastUploadsTheHeaderOnce(t *testing.T) {
	var uploads atomic.Int64
	w := buildWorld(t, false, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if r.Method == http.MethodPost && strings.HasSuffix(r.URL.Path, "/media") {
				uploads.Add(1)
			}
			next.ServeHTTP(rw, r)
		})
	})
	ch := w.addChannel(t)
	hookUp(t, w, ch)
	b := &bcWorld{world: w, ch: ch}
	b.tpl = syncedTemplate(t, w, ch, app.Template{Name: "flyer", Language: "en", Category: app.CategoryMarketing,
		Status: app.TemplateApproved, Body: "Hello {{1}}, this week's offers!", BodyExamples: []string{"Ann"},
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: pngOfSize(t, 4), MediaName: "sample.png", MediaMIME: "image/png"}})
	d := b.draft(audience(6))
	if _, err := b.core.PlanBroadcast(b.ctx, d); headerFileProblem(err) == "" {
		t.Fatalf("no header file: %v", err)
	}
	d.HeaderFile = writeFile(t, t.TempDir(), "offers.png", pngOfSize(t, 16))
	before := uploads.Load()
	bc := b.create(t, d)
	b.run(t, 1000)
	b.waitFor(t, "the broadcast to be done", func() bool { return b.totals(t, bc.ID).State == app.BroadcastDone })
	if n := uploads.Load() - before; n != 1 {
		t.Fatalf("%d uploads, want 1", n)
	}
	sent := b.emu.Sent(testKey)
	if len(sent) != 6 {
		t.Fatalf("%d sent", len(sent))
	}
	for _, s := range sent {
		if s.Template == nil || s.Template.HeaderMediaID == "" || s.Template.HeaderMediaID != sent[0].Template.HeaderMediaID {
			t.Fatalf("sent header %+v, first %+v", s.Template, sent[0].Template)
		}
	}
	if _, ok := b.emu.Media(testKey, sent[0].Template.HeaderMediaID); !ok {
		t.Fatal("the header's media id is not an upload")
	}
}

// The owner's reply written while a broadcast drains goes out next, after
// at most the broadcast messages the outbox is sending (its 8 workers),
// not after the hundreds released or still waiting.
func TestOwnersReplyDoesNotWaitBehindABroadcast(t *testing.T) {
	b := newBroadcastWorld(t)
	if err := b.emu.QualityChanges(testKey, "GREEN", "TIER_10K"); err != nil {
		t.Fatal(err)
	}
	b.statuses(t)
	cv := customerWrites(t, b.world, b.ch, "4915550001", "Zoe", "Are you open on Sunday?")
	bc := b.create(t, b.draft(audience(400)))
	b.run(t, 200)
	b.waitFor(t, "the broadcast to be under way", func() bool { return len(b.emu.Sent(testKey)) >= 40 })
	if _, err := b.core.SendText(b.ctx, cv.ID, "Yes, from 10 to 4!", ""); err != nil {
		t.Fatal(err)
	}
	before := len(b.emu.Sent(testKey))
	b.waitFor(t, "the reply to be sent", func() bool { return b.sentTo()["4915550001"] == 1 })
	at := slices.IndexFunc(b.emu.Sent(testKey), func(s emulator.SentMessage) bool { return s.To == "4915550001" })
	if waited := at - before; waited > 8 {
		t.Fatalf("the reply waited behind %d broadcast messages, want at most the 8 in flight", waited)
	}
	if got := b.totals(t, bc.ID).Totals; got.Waiting == 0 {
		t.Fatalf("the broadcast was over before the reply was tested: %+v", got)
	}
}
