package broadcasts

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
)

// tenThousand is a broadcast's results with 10,000 recipients, one in a
// hundred failed.
func tenThousand() []app.RecipientResult {
	all := make([]app.RecipientResult, 10000)
	for i := range all {
		all[i] = app.RecipientResult{WAID: fmt.Sprintf("49176%08d", i), Name: fmt.Sprintf("Customer %d", i), Outcome: app.OutcomeDelivered}
		if i%100 == 0 {
			all[i].Outcome, all[i].Reason = app.OutcomeFailed, "This number is not on WhatsApp."
		}
	}
	return all
}

// BenchmarkResultsShow10k is one live update of the results page with
// 10,000 recipients (totals, chart, actions and the visible rows), as
// an event brings it at most once a second; BenchmarkBareList10k is a
// bare widget.List of as many labels refreshed in the same window, the
// baseline.
func BenchmarkResultsShow10k(b *testing.B) {
	p := newPage(b)
	bc := sending(p)
	all := tenThousand()
	p.core.recipients[7] = all
	r := openResults(p.env, bc)
	d := resultsData{b: p.core.broadcasts[0], recipients: all, timeline: p.core.timeline[7]}
	b.ResetTimer()
	for range b.N {
		r.show(d, nil)
	}
}

func BenchmarkBareList10k(b *testing.B) {
	p := newPage(b)
	all := tenThousand()
	l := widget.NewList(func() int { return len(all) }, func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(all[id].Name) })
	p.nav.Show(l)
	test.NewTempWindow(b, l).Resize(fyne.NewSize(1100, 720))
	b.ResetTimer()
	for range b.N {
		l.Refresh()
	}
}
