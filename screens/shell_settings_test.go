package screens

import (
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// Settings in the navigation opens the Settings page with its quick
// replies (read when it opens) and opt-out words, and is remembered for
// the next start.
func TestNavigationOpensSettings(t *testing.T) {
	cw := newCoreWorld(t)
	if _, err := cw.Core.AddQuickReply(cw.Ctx, app.QuickReply{Title: "Opening hours", Text: "9 to 6"}); err != nil {
		t.Fatal(err)
	}
	cw.shell.nav.sections[1].list.Select(1) // the owner clicks Settings → Settings
	c := cw.Window.Content()
	for _, want := range []string{"Quick replies", "Opt-out words", "Add quick reply", "Opening hours"} {
		if !screentest.ShowsText(c, want) {
			t.Fatalf("Settings does not show %q; the screen shows %q", want, screentest.VisibleTexts(c))
		}
	}
	if cw.shell.prefs.lastPage() != pageSettings {
		t.Errorf("the last page is %q, want Settings", cw.shell.prefs.lastPage())
	}
}
