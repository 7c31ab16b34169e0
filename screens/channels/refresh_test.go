package channels

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// checkingChannels is a channel list that counts the connection checks
// asked of 360dialog.
type checkingChannels struct {
	screentest.FakeChannels
	checks int
}

func (c *checkingChannels) CheckConnection(context.Context, app.ChannelID) (app.ConnectionStatus, error) {
	c.checks++
	return app.ConnectionStatus{}, nil
}

// Opening the list asks 360dialog about each channel; a webhook arriving
// (Refresh) shows its time without asking 360dialog anything, so a busy
// number does not turn into a stream of calls to the API.
func TestRefreshShowsTheListWithoutAskingWhatsApp(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, nil)
	store := &checkingChannels{}
	store.List = []app.Channel{{ID: 1, Name: "Bakery", PhoneNumber: "+4930123456"}}
	p := NewPage(w, store, screentest.RunNow, 0)
	w.SetContent(p.Content)
	p.Reload()
	if store.checks != 1 {
		t.Fatalf("opening the list made %d connection checks, want 1", store.checks)
	}
	store.List[0].LastEventAt = time.Now()
	store.List[0].Name = "Bakery Berlin"
	p.Refresh()
	p.Refresh()
	if store.checks != 1 {
		t.Errorf("refreshing the list made %d more connection checks, want none", store.checks-1)
	}
	if !screentest.ShowsText(p.Content, "Bakery Berlin") {
		t.Errorf("the refreshed list shows %q", screentest.VisibleTexts(p.Content))
	}
}
