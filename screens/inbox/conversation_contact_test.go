package inbox

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

// openPanel opens Anna's conversation and its contact panel with the
// header's info button, as the owner would.
func openPanel(t *testing.T, sw *spaceWorld) (*conversationView, *contactPanel) {
	t.Helper()
	sw.writes(t, annaWAID, "Anna Schmidt", "Is my cake ready?")
	v := sw.open(t, "Anna Schmidt")
	test.Tap(v.side.info)
	if v.side.panel == nil || !v.side.slot.Visible() {
		t.Fatal("the info button did not show the contact panel")
	}
	return v, v.side.panel
}

// TestContactPanelRenamesTheCustomer: the owner opens the panel, gives
// Anna their own name and a note, and saves: the header, the list and the
// panel show the new name at once, WhatsApp's name stays in the panel,
// and what was saved is there after the panel is opened again.
func TestContactPanelRenamesTheCustomer(t *testing.T) {
	sw := newSpaceWorld(t)
	v, p := openPanel(t, sw)
	for _, want := range []string{"Anna Schmidt", app.FormatPhone("+" + annaWAID), "Contact", "First contact"} {
		if !screentest.ShowsText(p.content, want) {
			t.Errorf("the panel does not show %q: %q", want, screentest.VisibleTexts(p.content))
		}
	}

	test.Type(p.name, "Anna (wedding cake)")
	test.Type(p.notes, "Three tiers.\nNo nuts!")
	test.Type(p.email, "anna@example.com")
	test.Type(p.birthday, "1988-02-29")
	test.Tap(p.save)

	if !screentest.ShowsText(v.header.content, "Anna (wedding cake)") {
		t.Errorf("the header shows %q, want the owner's name", screentest.VisibleTexts(v.header.content))
	}
	if got := conversationName(sw.inbox().shown[0]); got != "Anna (wedding cake)" {
		t.Errorf("the list names her %q", got)
	}
	if !screentest.ShowsText(sw.inbox().list, "Anna (wedding cake)") {
		t.Errorf("the list row shows %q", screentest.VisibleTexts(sw.inbox().list))
	}
	if p.title.Text != "Anna (wedding cake)" || p.waName.Text != "Anna Schmidt" {
		t.Errorf("the panel's title %q and WhatsApp name %q", p.title.Text, p.waName.Text)
	}
	if !screentest.ShowsText(p.content, "Saved on this computer.") {
		t.Errorf("no word that it was saved: %q", screentest.VisibleTexts(p.content))
	}

	// Esc (the shell calls ClosePanel) closes it; opening again shows
	// what was saved.
	if !sw.shell.space.ClosePanel() || v.side.slot.Visible() {
		t.Fatal("ClosePanel did not close the panel")
	}
	if sw.shell.space.ClosePanel() {
		t.Error("ClosePanel reports a panel it did not close")
	}
	test.Tap(v.side.info)
	if p.notes.Text != "Three tiers.\nNo nuts!" || p.birthday.Text != "1988-02-29" {
		t.Errorf("after opening again: notes %q, birthday %q", p.notes.Text, p.birthday.Text)
	}
}

// TestContactPanelShowsProblemsAtTheirFields: a wrong email and a
// birthday written another way are explained under their own fields,
// nothing is saved, and what the owner typed stays.
func TestContactPanelShowsProblemsAtTheirFields(t *testing.T) {
	sw := newSpaceWorld(t)
	v, p := openPanel(t, sw)
	test.Type(p.name, "Anna S.")
	test.Type(p.birthday, "29.02.1988")
	test.Tap(p.save)
	if !screentest.ShowsText(p.boxes[app.ContactFieldBirthday], "Write the date as year-month-day, like 1990-04-23.") {
		t.Errorf("the birthday field shows %q", screentest.VisibleTexts(p.boxes[app.ContactFieldBirthday]))
	}

	p.birthday.SetText("")
	test.Type(p.email, "anna@example")
	test.Tap(p.save)
	if !screentest.ShowsText(p.boxes[app.ContactFieldEmail], "This does not look like an email address") {
		t.Errorf("the email field shows %q", screentest.VisibleTexts(p.boxes[app.ContactFieldEmail]))
	}
	if screentest.ShowsText(p.boxes[app.ContactFieldBirthday], "Write the date") {
		t.Error("the birthday's old problem is still shown")
	}
	if screentest.ShowsText(p.boxes[app.ContactFieldName], "must") || screentest.ShowsText(p.boxes[app.ContactFieldName], "does not") {
		t.Errorf("the name, which is fine, shows %q", screentest.VisibleTexts(p.boxes[app.ContactFieldName]))
	}
	if p.email.Text != "anna@example" || p.name.Text != "Anna S." {
		t.Error("a refused save lost what the owner typed")
	}
	if !screentest.ShowsText(v.header.content, "Anna Schmidt") {
		t.Errorf("a refused save renamed the customer: %q", screentest.VisibleTexts(v.header.content))
	}
}

// TestExportConversationFromTheHeader: "Export conversation…" in the
// header's menu writes the conversation into the folder the owner picks
// and says where.
func TestExportConversationFromTheHeader(t *testing.T) {
	sw := newSpaceWorld(t)
	sw.writes(t, annaWAID, "Anna Schmidt", "<b>Is my cake ready?</b>")
	v := sw.open(t, "Anna Schmidt")
	dir := t.TempDir()
	v.side.chooseFolder = func(done func(string)) { done(dir) }
	test.Tap(v.side.more)
	item := v.side.menu.Items[0]
	if item.Label != "Export conversation…" {
		t.Fatalf("the menu offers %q", item.Label)
	}
	item.Action()
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "conversation.html"))
	if len(pages) != 1 {
		t.Fatalf("exported %v", pages)
	}
	page, _ := os.ReadFile(pages[0])
	if !strings.Contains(string(page), "&lt;b&gt;Is my cake ready?&lt;/b&gt;") {
		t.Errorf("the page does not show Anna's text: %s", page)
	}
	if top := sw.topDialog(t); !screentest.ShowsText(top, "Conversation exported") {
		t.Errorf("the dialog says %q", screentest.VisibleTexts(top))
	}
}
