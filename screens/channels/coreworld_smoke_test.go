package screens

import "testing"

func TestChannelAddedThroughCoreIsListed(t *testing.T) {
	cw := newCoreWorld(t)
	cw.addChannel(t)
	cw.shell.show(pageChannels)
	if !showsText(cw.window.Content(), "+49 30 123456") {
		t.Fatalf("the new channel is not listed; the page shows %q", visibleTexts(cw.window.Content()))
	}
}
