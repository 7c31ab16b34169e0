package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/screentest"
	"github.com/parley-app/parley/screens/templates"
)

func TestChannelPageOpensFromAnyPageAndNavigationLeadsBack(t *testing.T) {
	cw := newCoreWorld(t)
	ch := cw.AddChannel(t)
	cw.shell.show(pageSpace)
	templates.Open(cw.shell.env, cw.Core, ch)
	if !screentest.ShowsText(cw.Window.Content(), "Sync Templates") {
		t.Fatalf("the Templates page did not stay on screen; it shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
	// A click on Channels in the navigation returns to the list.
	cw.shell.nav.sections[1].list.Select(0)
	if screentest.ShowsText(cw.Window.Content(), "Sync Templates") || !screentest.ShowsText(cw.Window.Content(), "+49 30 123456") {
		t.Fatalf("Channels did not lead back to the list; the screen shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
}

func TestProfileOpensFromChannelsAndOffersFirstSync(t *testing.T) {
	cw := newCoreWorld(t)
	cw.AddChannel(t)
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.Window.Content(), "Profile"))

	content := cw.Window.Content()
	for _, want := range []string{"Business profile", "Shop", "+49 30 123456", "This profile has not been synced from WhatsApp yet", "Sync Profile"} {
		if !screentest.ShowsText(content, want) {
			t.Errorf("the new profile page does not show %q; it shows %q", want, screentest.VisibleTexts(content))
		}
	}
	if screentest.ShowsText(content, "Last synced") {
		t.Error("a never-synced profile claims a last sync")
	}
	test.Tap(screentest.Button(t, content, "Channels"))
	if !screentest.ShowsText(cw.Window.Content(), "The WhatsApp numbers connected to Parley") {
		t.Errorf("back did not return to the Channels list; the window shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
}

func TestTemplatesSubmitOpensBuilder(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	test.Tap(screentest.Button(t, c, "Submit Template"))
	if cw.Window.Canvas().Overlays().Top() == nil && screentest.ShowsText(cw.Window.Content(), "Sync Templates") {
		t.Errorf("Submit Template does not lead to the builder; the window shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
}

// The builder leaves with Back: the shell opens the page it was pushed
// over, the templates list, afresh.
func TestBuilderBackReturnsToTheTemplatesList(t *testing.T) {
	cw, c := syncedTemplatesWorld(t)
	test.Tap(screentest.Button(t, c, "Submit Template"))
	if !screentest.ShowsText(cw.Window.Content(), "Submit Template") || screentest.ShowsText(cw.Window.Content(), "Sync Templates") {
		t.Fatalf("the builder did not open; the window shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
	test.Tap(screentest.Button(t, cw.Window.Content(), "Templates")) // the builder's back button
	c = cw.Window.Content()
	if !screentest.ShowsText(c, "Sync Templates") || !listsTemplate(c, "winter_sale", "German · de", "Submitted") {
		t.Fatalf("back from the builder did not return to the templates list; the window shows %q", screentest.VisibleTexts(c))
	}
	test.Tap(screentest.Button(t, c, "Channels"))
	if !screentest.ShowsText(cw.Window.Content(), "The WhatsApp numbers connected to Parley") {
		t.Errorf("back from the templates list did not return to the Channels list; the window shows %q", screentest.VisibleTexts(cw.Window.Content()))
	}
}
