package screens

import (
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/screens/screentest"
)

// TestPreparingWindowShowsProgress: while an older data folder is brought
// up to date, the owner sees what Parley does and how far it is.
func TestPreparingWindowShowsProgress(t *testing.T) {
	a := test.NewTempApp(t)
	p := NewPreparingWindow(a)
	defer p.Close()
	p.SetProgress(50_000, 200_000)
	content := p.w.Content()
	for _, want := range []string{"Preparing search for your messages", "50,000 of 200,000 messages"} {
		if !screentest.ShowsText(content, want) {
			t.Errorf("the window does not show %q: %q", want, screentest.VisibleTexts(content))
		}
	}
	if got := p.bar.Value; got != 0.25 {
		t.Errorf("the bar is at %v, want a quarter", got)
	}
}
