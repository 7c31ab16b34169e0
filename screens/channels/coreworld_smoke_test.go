package channels

import (
	"testing"

	"github.com/parley-app/parley/screens/screentest"
)

func TestChannelAddedThroughCoreIsListed(t *testing.T) {
	cw := newCoreWorld(t)
	cw.AddChannel(t)
	cw.shell.show(pageChannels)
	if !screentest.ShowsText(cw.Window.Content(), "+49 30 123456") {
		t.Fatalf("the new channel is not listed; the page shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
}
