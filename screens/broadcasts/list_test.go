package broadcasts

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// A channel without broadcasts explains what one is and WhatsApp's
// limits, and offers to start one.
func TestEmptyListExplainsBroadcasts(t *testing.T) {
	p := newPage(t)
	openList(p.env)
	if !p.shows("No broadcasts yet") || !p.shows("one approved template to many customers") || !p.shows("WhatsApp limits") {
		t.Fatal("the empty list does not explain broadcasts")
	}
	test.Tap(p.button(t, "New broadcast"))
	if !p.shows("1  Audience") {
		t.Error("New broadcast did not open the first step")
	}
}

// Each broadcast shows its name, template, state and totals, and the
// list follows the core's events.
func TestListShowsBroadcastsAndFollowsEvents(t *testing.T) {
	p := newPage(t)
	p.core.broadcasts = []app.Broadcast{{ID: 3, Name: "Sunday opening", Template: "open_sunday", State: app.BroadcastSending,
		CreatedAt: p.core.now, Totals: app.BroadcastTotals{Recipients: 1200, Delivered: 800, Read: 300, Failed: 12, Waiting: 88}}}
	openList(p.env)
	for _, want := range []string{"Sunday opening", "Sending", "Template open_sunday", "1,200 recipients", "1,100 delivered", "300 read", "12 failed"} {
		if !p.shows(want) {
			t.Errorf("the list does not show %q", want)
		}
	}
	p.core.setState(3, app.BroadcastDone)
	p.core.bus.Publish(app.Event{Kind: app.EventBroadcastsChanged, BroadcastID: 3})
	if !p.shows("Sent") || p.shows("Sending") {
		t.Error("the list did not follow the broadcast's new state")
	}
}

// A broadcast of the list opens its results.
func TestListOpensResults(t *testing.T) {
	p := newPage(t)
	p.core.broadcasts = []app.Broadcast{{ID: 3, Name: "Sunday opening", Template: "open_sunday", State: app.BroadcastDone}}
	l := openList(p.env)
	l.list.Select(0)
	if !p.shows("Recipients") || !p.button(t, "Export results…").Visible() {
		t.Error("selecting a broadcast did not open its results")
	}
}
