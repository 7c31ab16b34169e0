package screens

import "testing"

func TestChannelPageOpensFromAnyPageAndNavigationLeadsBack(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.addChannel(t)
	cw.shell.show(pageSpace)
	openTemplates(cw.shell.env, ch)
	if !showsText(cw.window.Content(), "Sync Templates") {
		t.Fatalf("the Templates page did not stay on screen; it shows %q", visibleTexts(cw.window.Content()))
	}
	// A click on Channels in the navigation returns to the list.
	cw.shell.nav.sections[1].list.Select(0)
	if showsText(cw.window.Content(), "Sync Templates") || !showsText(cw.window.Content(), "+49 30 123456") {
		t.Fatalf("Channels did not lead back to the list; the screen shows %q", visibleTexts(cw.window.Content()))
	}
}
