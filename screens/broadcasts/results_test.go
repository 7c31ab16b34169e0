package broadcasts

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// sending is a broadcast half way through, with a failure that may pass
// another time, one that will not, and a customer who replied.
func sending(p *page) app.Broadcast {
	b := app.Broadcast{ID: 7, Name: "Sunday opening", Template: "open_sunday", Category: app.CategoryMarketing,
		State: app.BroadcastSending, CreatedAt: p.core.now,
		Totals: app.BroadcastTotals{Recipients: 5, Waiting: 1, Delivered: 1, Read: 1, Failed: 2, Replied: 1}}
	p.core.broadcasts = []app.Broadcast{b}
	p.core.recipients[7] = []app.RecipientResult{
		{WAID: "4917611111111", Name: "Anna", ConversationID: 31, Outcome: app.OutcomeRead, Replied: true},
		{WAID: "4917622222222", Outcome: app.OutcomeDelivered},
		{WAID: "4917633333333", Name: "Clara", Outcome: app.OutcomeFailed, Reason: "This number is not on WhatsApp."},
		{WAID: "4917644444444", Name: "Dora", Outcome: app.OutcomeFailed, Retryable: true,
			Reason: "WhatsApp could not deliver it in time. Retrying may work."},
		{WAID: "4917655555555", Outcome: app.OutcomeWaiting},
	}
	p.core.timeline[7] = []app.BroadcastPoint{
		{At: p.core.now, Delivered: 0, Read: 0},
		{At: p.core.now.Add(time.Minute), Delivered: 2, Read: 1},
	}
	return b
}

// The results show the totals, every recipient with the reason in plain
// words, and follow the core's events.
func TestResultsUpdateOnEvents(t *testing.T) {
	p := newPage(t)
	r := openResults(p.env, sending(p))
	for _, want := range []string{"Sunday opening", "Sending", "Marketing", "Anna (+49 176 11111111)", "Replied",
		"This number is not on WhatsApp.", "Failed — can retry", "Waiting", "Retry failed (1)"} {
		if !p.shows(want) {
			t.Errorf("the results do not show %q", want)
		}
	}
	if r.bar.Value != 0.8 {
		t.Errorf("progress %v, want 0.8 (4 of 5 handed to WhatsApp)", r.bar.Value)
	}
	p.core.mu.Lock()
	p.core.broadcasts[0].Totals.Read, p.core.broadcasts[0].Totals.Delivered = 2, 0
	p.core.broadcasts[0].State = app.BroadcastDone
	p.core.recipients[7][1].Outcome = app.OutcomeRead
	p.core.mu.Unlock()
	p.core.bus.Publish(app.Event{Kind: app.EventBroadcastsChanged, BroadcastID: 8}) // another broadcast
	if p.shows("Sent  ·") {
		t.Error("the page reloaded for another broadcast's event")
	}
	p.core.bus.Publish(app.Event{Kind: app.EventBroadcastsChanged, BroadcastID: 7})
	if !p.shows("Sent") || r.recipients[1].Outcome != app.OutcomeRead {
		t.Error("the results did not follow the event")
	}
	if len(r.chart.points) != 2 {
		t.Error("the chart did not get the timeline")
	}
	r.list.Select(3)
	if !p.overlayShows("WhatsApp could not deliver it in time. Retrying may work.") {
		t.Error("a recipient's row does not open their whole reason")
	}
	test.Tap(p.overlayButton(t, "Close"))
	test.Tap(p.button(t, "")) // the chat button of the first row: Anna's conversation
	if len(p.chats) != 1 || p.chats[0] != 31 {
		t.Errorf("opened conversations %v, want Anna's 31", p.chats)
	}
}

// Pause, Resume and Cancel are offered as the state allows.
func TestControlsFollowTheState(t *testing.T) {
	p := newPage(t)
	r := openResults(p.env, sending(p))
	if r.pauseBtn.Disabled() || r.resumeBtn.Visible() || r.cancelBtn.Disabled() {
		t.Error("a sending broadcast cannot be paused or cancelled")
	}
	test.Tap(r.pauseBtn)
	if len(p.core.controls) != 1 || p.core.controls[0] != "pause 7" {
		t.Fatalf("controls %v", p.core.controls)
	}
	if r.pauseBtn.Visible() || !r.resumeBtn.Visible() || r.resumeBtn.Disabled() || r.cancelBtn.Disabled() {
		t.Error("a paused broadcast does not offer Resume and Cancel")
	}
	test.Tap(r.resumeBtn)
	if r.pauseBtn.Disabled() || r.resumeBtn.Visible() {
		t.Error("a resumed broadcast cannot be paused again")
	}
	p.core.setState(7, app.BroadcastDone)
	p.core.bus.Publish(app.Event{Kind: app.EventBroadcastsChanged})
	if !r.pauseBtn.Disabled() || !r.cancelBtn.Disabled() || r.retryBtn.Disabled() {
		t.Error("a finished broadcast can be paused or cancelled, or not retried")
	}
	test.Tap(r.retryBtn)
	if p.core.controls[len(p.core.controls)-1] != "retry 7" {
		t.Errorf("controls %v", p.core.controls)
	}
}

// Cancel asks first and says what happens to messages that may already
// have reached WhatsApp.
func TestCancelAsksFirst(t *testing.T) {
	p := newPage(t)
	r := openResults(p.env, sending(p))
	test.Tap(r.cancelBtn)
	if !p.overlayShows("1 customer who has not got it yet will not get it.") {
		t.Error("the question does not say who will not get it")
	}
	if !p.overlayShows("The 2 messages Parley already handed to WhatsApp cannot be called back") || !p.overlayShows("never sends them again") {
		t.Error("the question does not say what happens to what reached WhatsApp")
	}
	test.Tap(p.overlayButton(t, "Keep it"))
	if len(p.core.controls) != 0 {
		t.Fatal("keeping it cancelled it")
	}
	test.Tap(r.cancelBtn)
	test.Tap(p.overlayButton(t, "Cancel broadcast"))
	if len(p.core.controls) != 1 || p.core.controls[0] != "cancel 7" {
		t.Fatalf("controls %v", p.core.controls)
	}
	if !r.cancelBtn.Disabled() || !r.pauseBtn.Disabled() || !p.shows("Cancelled") {
		t.Error("a cancelled broadcast can still be controlled")
	}
}

// The list stays one widget.List however many recipients, and the
// filters narrow it.
func TestTenThousandRecipients(t *testing.T) {
	p := newPage(t)
	b := sending(p)
	all := make([]app.RecipientResult, 10000)
	for i := range all {
		all[i] = app.RecipientResult{WAID: fmt.Sprintf("49176%08d", i), Outcome: app.OutcomeDelivered}
		if i%100 == 0 {
			all[i].Outcome, all[i].Reason = app.OutcomeFailed, "Not on WhatsApp."
		}
	}
	p.core.recipients[7] = all
	start := time.Now()
	r := openResults(p.env, b)
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("opening 10,000 recipients took %v", took)
	}
	if r.list.Length() != 10000 {
		t.Fatalf("the list has %d rows", r.list.Length())
	}
	r.filterSel.SetSelected(filterFailed)
	if r.list.Length() != 100 {
		t.Errorf("the failed filter keeps %d rows, want 100", r.list.Length())
	}
}

// Export asks the core to write the results where the owner chose.
func TestExport(t *testing.T) {
	p := newPage(t)
	r := openResults(p.env, sending(p))
	r.export("/tmp/x/results.csv")
	if p.core.controls[0] != "export /tmp/x/results.csv 7" || !p.shows("Results saved to /tmp/x/results.csv.") {
		t.Errorf("controls %v", p.core.controls)
	}
}

// A broadcast held back by the daily limit says until when.
func TestResultsSayWhenTheLimitLeavesRoom(t *testing.T) {
	p := newPage(t)
	b := sending(p)
	p.core.broadcasts[0].WaitsUntil = p.core.now.Add(20 * time.Hour)
	openResults(p.env, b)
	if !p.shows("Your number's daily limit is reached: 1 customer waits until 4 Dec 2026, 06:00") {
		t.Errorf("the wait is not explained: %q", p.shown())
	}
}
