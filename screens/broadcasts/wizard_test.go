package broadcasts

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
)

// Test data: two labels, an approved marketing template with two values,
// a submitted one, and three customers from a file.
var (
	regulars  = app.Label{ID: 4, Name: "Regulars", Color: app.LabelGreen}
	wholesale = app.Label{ID: 9, Name: "Wholesale", Color: app.LabelBlue}
	offer     = app.Template{Name: "sunday_offer", Language: "de", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Body: "Hallo {{1}}, Ihr Gutschein: {{2}}", BodyExamples: []string{"Anna", "XMAS10"}}
	pending = app.Template{Name: "winter_sale", Language: "de", Category: app.CategoryMarketing, Status: app.TemplateSubmitted,
		Body: "Winterverkauf!"}
	fileAudience = app.Audience{Source: app.AudienceCSV, Columns: []string{"phone", "first_name", "code"}, NumberColumn: "phone",
		Rows: 6, Duplicates: 1, OptedOut: 1,
		Recipients: []app.Recipient{
			{WAID: "4917611111111", Name: "Anna", Columns: map[string]string{"first_name": "Anna", "code": "A1"}, Row: 1},
			{WAID: "4917622222222", Name: "", Columns: map[string]string{"first_name": "Ben", "code": "B2"}, Row: 2},
			{WAID: "4917633333333", Name: "Clara", Columns: map[string]string{"first_name": "Clara", "code": "C3"}, Row: 4},
		},
		ExtraCells: 2,
		Invalid:    []app.InvalidRow{{Row: 3, Line: 4, Value: "0123", Reason: "too short for a German number"}}}
)

// newWizard opens a new broadcast on a channel with labels and templates.
func newWizard(t *testing.T) (*page, *wizard) {
	t.Helper()
	p := newPage(t)
	p.core.labels = []app.Label{regulars, wholesale}
	p.core.templates = app.TemplateList{Templates: []app.Template{offer, pending}}
	p.core.byLabels = func(ids []int64) (app.Audience, error) {
		aud := app.Audience{Source: app.AudienceLabels, Rows: 2 * len(ids)}
		for _, id := range ids {
			aud.Recipients = append(aud.Recipients, app.Recipient{WAID: "49170" + itoa(id) + "000000", Name: "Label " + itoa(id)})
		}
		return aud, nil
	}
	p.core.csv = func(io.Reader) (app.Audience, error) { return fileAudience, nil }
	p.core.plan = app.BroadcastPlan{Recipients: 3, DailyLimit: 1000, LimitKnown: true, Days: 1,
		Category: app.CategoryMarketing, Quality: app.QualityGreen, SecondsAtFullSpeed: 1}
	return p, openWizard(p.env)
}

// csvFile writes a file for the import and returns its path.
func csvFile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "kunden.csv")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// Step 1 offers the labels with their colours; choosing some reads their
// customers and shows who gets it before Next is possible.
func TestAudienceFromLabels(t *testing.T) {
	p, w := newWizard(t)
	if !w.nextBtn.Disabled() {
		t.Error("Next is possible before anyone is chosen")
	}
	test.Tap(p.check(t, "Wholesale"))
	if !p.shows("Recipients") || !p.shows("1 customer gets this broadcast.") {
		t.Fatalf("choosing a label shows no recipients: %q", p.shown())
	}
	test.Tap(p.check(t, "Regulars"))
	if got := w.audience.audience; got == nil || len(got.Recipients) != 2 {
		t.Fatalf("two labels read %v", got)
	}
	if !p.shows("2 customers get this broadcast.") || w.nextBtn.Disabled() {
		t.Error("two labels' customers are not shown, or Next stays off")
	}
	test.Tap(w.nextBtn)
	if !p.shows("Template") || !p.shows("2  Message") {
		t.Error("Next did not show the message step")
	}
}

// A CSV file is previewed: rows read, recipients, each invalid number
// with its row and reason, duplicates and opted-out customers.
func TestCSVImportPreview(t *testing.T) {
	p, w := newWizard(t)
	w.audience.importFile(csvFile(t, "phone,first_name,code\n+4917611111111,Anna,A1\n"))
	if w.audience.source.Selected != choiceCSV || p.core.csvRead == "" {
		t.Fatal("importing a file did not choose and read it")
	}
	for _, want := range []string{"kunden.csv", "Rows read", "Invalid numbers", "Duplicates merged", "Opted out, left out",
		"Line 4", "0123", "too short for a German number", "3 customers get this broadcast.", "1 customer who opted out",
		"2 rows have more cells than the first row names"} {
		if !p.shows(want) {
			t.Errorf("the preview does not show %q", want)
		}
	}
	if w.nextBtn.Disabled() {
		t.Error("Next stays off with recipients")
	}
}

// A file the core refuses says why at the file field, and nothing moves
// on.
func TestBadCSVFileIsExplainedAtTheField(t *testing.T) {
	p, w := newWizard(t)
	p.core.csv = func(io.Reader) (app.Audience, error) {
		return app.Audience{}, app.FieldError{Field: app.FieldBroadcastFile, Message: "This file is empty: it has no rows of numbers."}
	}
	w.audience.importFile(csvFile(t, ""))
	if !w.audience.fileNote.HasProblem() || !p.shows("This file is empty: it has no rows of numbers.") {
		t.Error("the file's problem is not shown at the file field")
	}
	if !w.nextBtn.Disabled() || p.shows("Rows read") {
		t.Error("a refused file still lets the owner move on")
	}
	w.audience.importFile(filepath.Join(t.TempDir(), "gone.csv"))
	if !p.shows("Parley could not open this file: it is no longer there.") {
		t.Errorf("a missing file is not explained: %q", p.shown())
	}
}

// Customers who wrote recently: the number of days is checked in plain
// words.
func TestAudienceRecentDays(t *testing.T) {
	p, w := newWizard(t)
	var asked []int
	p.core.recent = func(days int) (app.Audience, error) {
		asked = append(asked, days)
		return app.Audience{Source: app.AudienceRecent, Rows: 1, Recipients: []app.Recipient{{WAID: "4917699999999"}}}, nil
	}
	w.audience.source.SetSelected(choiceRecent)
	w.audience.days.SetText("400")
	if !p.shows("Type a number of days from 1 to 365.") || !w.nextBtn.Disabled() {
		t.Error("400 days is taken")
	}
	w.audience.days.SetText("14")
	if len(asked) == 0 || asked[len(asked)-1] != 14 || w.nextBtn.Disabled() {
		t.Errorf("asked for %v days", asked)
	}
}

// A CSV file dropped on a new broadcast becomes its audience, from any
// step; other files are refused in plain words, and once the owner left
// the new broadcast, drops go elsewhere.
func TestDroppedCSVBecomesTheAudience(t *testing.T) {
	p, w := newWizard(t)
	pages := &Pages{env: p.env}
	toCompose(t, p, w)
	if !pages.DropFiles([]fyne.URI{storage.NewFileURI(filepath.Join(t.TempDir(), "photo.jpg"))}) {
		t.Fatal("a drop on a new broadcast was not taken")
	}
	if w.step != stepAudience || !p.shows("Only a CSV file of numbers can be dropped here") {
		t.Error("a photo dropped is not refused at the file field")
	}
	p.core.csvRead = ""
	pages.DropFiles([]fyne.URI{storage.NewFileURI(csvFile(t, "phone\n+4917611111111\n"))})
	if p.core.csvRead != "phone\n+4917611111111\n" || !p.shows("kunden.csv") || !p.shows("3 customers get this broadcast.") {
		t.Error("a dropped CSV file was not read as the audience")
	}
	openList(p.env)
	if pages.DropFiles([]fyne.URI{storage.NewFileURI(csvFile(t, "phone\n"))}) {
		t.Error("the list took a drop meant for a conversation")
	}
}
