package backup

import (
	"archive/zip"
	"context"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// sectionWorld is the section on a real core with a data folder and a
// media folder, in a test window.
type sectionWorld struct {
	*screentest.World
	s    *section
	data string
}

func newSectionWorld(t *testing.T) *sectionWorld {
	t.Helper()
	data, media := t.TempDir(), t.TempDir()
	w := screentest.NewWorldWith(t, func(d *app.Deps) { d.DataDir, d.MediaDir = data, media })
	s := newSection(w.Env(), w.Core)
	s.quitApp = func() {}
	w.Nav.Show(s.content)
	return &sectionWorld{World: w, s: s, data: data}
}

// customer stores one message of Ann's.
func (sw *sectionWorld) customer(t *testing.T) {
	t.Helper()
	ch := sw.AddChannel(t)
	_, err := sw.Core.Ingest(context.Background(), ch.ID, app.InboundBatch{Contacts: []app.Contact{{WAID: "4917", Name: "Ann"}},
		Messages: []app.Message{{WAMessageID: "wamid.1", From: "4917", Type: app.MsgText, RawType: "text", Text: "Hello", Timestamp: sw.Clock.Now()}}})
	if err != nil {
		t.Fatal(err)
	}
}

// TestBackUpThenRestore: the owner backs up into a file they choose,
// reads that the keys are not in it, restores from it after confirming,
// and is told to start Parley again, with a button to quit.
func TestBackUpThenRestore(t *testing.T) {
	sw := newSectionWorld(t)
	sw.customer(t)
	if !screentest.ShowsText(sw.s.content, "API keys are not in the backup") {
		t.Error("the section does not say that API keys are not in the backup")
	}
	dst := filepath.Join(t.TempDir(), "backup.zip")
	sw.s.chooseSave = func(name string, done func(string)) { done(dst) }
	test.Tap(sw.s.backUp)
	if !screentest.ShowsText(sw.s.content, "Backed up everything") || sw.s.problem.Visible() {
		t.Fatalf("after backing up the section shows %q", screentest.VisibleTexts(sw.s.content))
	}
	if _, err := os.Stat(dst); err != nil {
		t.Fatal(err)
	}
	if sw.s.progress.Visible() || sw.s.backUp.Disabled() {
		t.Error("the progress bar stayed, or the buttons stayed disabled")
	}

	sw.s.chooseOpen = func(done func(string)) { done(dst) }
	test.Tap(sw.s.restore)
	top := sw.Window.Canvas().Overlays().Top()
	if top == nil || !screentest.ShowsText(top, "Restore from this backup?") {
		t.Fatal("restoring did not ask first")
	}
	test.Tap(screentest.Button(t, top, "Yes"))
	if !screentest.ShowsText(sw.s.content, "Quit Parley and start it again") || !sw.s.quit.Visible() {
		t.Errorf("after restoring the section shows %q", screentest.VisibleTexts(sw.s.content))
	}
	if _, err := os.Stat(filepath.Join(sw.data, app.RestoreStagingDir, app.RestoreReadyMark)); err != nil {
		t.Errorf("nothing staged for the next start: %v", err)
	}
}

// TestRestoreRefusesAFileInPlainWords: a zip that is not a Parley
// backup is refused with words the owner understands, and nothing waits
// for the next start.
func TestRestoreRefusesAFileInPlainWords(t *testing.T) {
	sw := newSectionWorld(t)
	p := filepath.Join(t.TempDir(), "holiday.zip")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	w, _ := zw.Create("photo.jpg")
	w.Write([]byte("jpeg"))
	zw.Close()
	f.Close()
	sw.s.stageRestore(p)
	if !sw.s.problem.Visible() || !screentest.ShowsText(sw.s.content, "not a Parley backup") {
		t.Errorf("the section shows %q", screentest.VisibleTexts(sw.s.content))
	}
	if sw.s.quit.Visible() {
		t.Error("a refused restore offers to quit")
	}
}

// TestExportContactsAndConversations: both exports write where the owner
// chose and say so.
func TestExportContactsAndConversations(t *testing.T) {
	sw := newSectionWorld(t)
	sw.customer(t)
	csvPath := filepath.Join(t.TempDir(), "contacts.csv")
	sw.s.chooseSave = func(name string, done func(string)) { done(csvPath) }
	test.Tap(sw.s.exportContacts)
	if !screentest.ShowsText(sw.s.content, "Exported 1 contact to") {
		t.Errorf("the section shows %q", screentest.VisibleTexts(sw.s.content))
	}
	if _, err := os.Stat(csvPath); err != nil {
		t.Error(err)
	}
	dir := t.TempDir()
	sw.s.chooseFolder = func(done func(string)) { done(dir) }
	test.Tap(sw.s.exportAll)
	if !screentest.ShowsText(sw.s.content, "Exported every conversation") {
		t.Errorf("the section shows %q", screentest.VisibleTexts(sw.s.content))
	}
	if pages, _ := filepath.Glob(filepath.Join(dir, "*", "index.html")); len(pages) != 1 {
		t.Errorf("index pages: %v", pages)
	}
}
