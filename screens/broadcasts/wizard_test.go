package broadcasts

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
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

// toCompose takes the wizard to the message step with the file's
// customers and the offer chosen.
func toCompose(t *testing.T, p *page, w *wizard) {
	t.Helper()
	w.audience.importFile(csvFile(t, "phone\n"))
	test.Tap(w.nextBtn)
	if len(w.compose.picker.Options) != 1 {
		t.Fatalf("the templates offered are %q, want only the approved one", w.compose.picker.Options)
	}
	w.compose.picker.SetSelected(w.compose.picker.Options[0])
}

// Step 2 offers only approved templates with their category, maps each
// value to a column, and the preview steps through the recipients.
func TestComposePreviewStepsThroughRecipients(t *testing.T) {
	p, w := newWizard(t)
	toCompose(t, p, w)
	if !p.shows("Marketing template. WhatsApp charges per message by category.") {
		t.Error("the template's category is not shown")
	}
	c := w.compose
	if len(c.body) != 2 || c.body[0].source.Selected != columnOption("first_name") || c.body[1].source.Selected != columnOption("code") {
		t.Fatalf("the values are not mapped to the file's columns in order")
	}
	if !slices.Contains(c.body[0].source.Options, optionName) || slices.Contains(c.body[0].source.Options, columnOption("phone")) {
		t.Errorf("the choices of a value are %q", c.body[0].source.Options)
	}
	if !p.shows("Hallo Anna, Ihr Gutschein: A1") || !p.shows("1 of 3: Anna (+49 176 11111111)") {
		t.Fatalf("the preview does not show the first recipient: %q", p.shown())
	}
	test.Tap(p.button(t, "›"))
	if !p.shows("Hallo Ben, Ihr Gutschein: B2") || !p.shows("2 of 3") {
		t.Error("› did not show the second recipient")
	}
	test.Tap(p.button(t, "‹"))
	test.Tap(p.button(t, "‹"))
	if !p.shows("Hallo Clara, Ihr Gutschein: C3") || !p.shows("3 of 3") {
		t.Error("‹ from the first recipient did not go round to the last")
	}
	c.body[1].source.SetSelected(optionFixed)
	test.Type(c.body[1].text, "WEEKEND")
	if !p.shows("Hallo Clara, Ihr Gutschein: WEEKEND") {
		t.Error("fixed text does not show in the preview")
	}
}

// Going back and forth keeps every choice.
func TestBackKeepsEverything(t *testing.T) {
	p, w := newWizard(t)
	toCompose(t, p, w)
	test.Type(w.compose.name, "Sunday offer")
	w.compose.body[1].source.SetSelected(optionFixed)
	test.Type(w.compose.body[1].text, "WEEKEND")
	test.Tap(w.backBtn)
	if !p.shows("kunden.csv") || !p.shows("3 customers get this broadcast.") {
		t.Error("the audience was lost going back")
	}
	test.Tap(w.nextBtn)
	if w.compose.name.Text != "Sunday offer" || w.compose.template == nil || w.compose.body[1].text.Text != "WEEKEND" {
		t.Error("the message was lost going back and forth")
	}
}

// The core's problems with the draft show under their fields, on the
// step they belong to.
func TestPlanProblemsShowAtTheirFields(t *testing.T) {
	p, w := newWizard(t)
	toCompose(t, p, w)
	p.core.planErr = app.ValidationErrors{
		{Field: app.FieldBroadcastValue + ".2", Message: "{{2}} is empty for 1 recipient (row 4)."},
		{Field: app.FieldBroadcastAudience, Message: "Nobody left to send to."},
	}
	test.Tap(w.nextBtn)
	if w.step != stepAudience || !p.shows("Nobody left to send to.") {
		t.Errorf("the audience's problem did not lead back to the audience (step %d)", w.step)
	}
	test.Tap(w.nextBtn)
	if !p.shows("{{2}} is empty for 1 recipient (row 4).") {
		t.Error("the value's problem is not under {{2}}")
	}
	p.core.planErr = nil
	test.Tap(w.nextBtn)
	if w.step != stepReview {
		t.Error("a good draft did not reach the review")
	}
	d := p.core.planned[len(p.core.planned)-1]
	if d.Template.Name != "sunday_offer" || len(d.Body) != 2 || d.Body[0] != (app.ValueMapping{Source: app.ValueColumn, Column: "first_name"}) ||
		len(d.Audience.Recipients) != 3 || d.ChannelID != testChannel.ID {
		t.Errorf("the core planned %+v", d)
	}
}

// A test goes to the owner's number, which is remembered.
func TestSendATestRemembersTheNumber(t *testing.T) {
	p, w := newWizard(t)
	toCompose(t, p, w)
	test.Type(w.compose.testNumber, "+49 170 5555555")
	test.Tap(p.button(t, "Send a test to my number"))
	if len(p.core.tests) != 1 || p.core.tests[0] != "+49 170 5555555" || !p.shows("Test sent to") {
		t.Fatalf("tests went to %q", p.core.tests)
	}
	p.core.testErr = app.ValidationErrors{{Field: app.FieldBroadcastTest, Message: "This is not a valid phone number."}}
	test.Tap(p.button(t, "Send a test to my number"))
	if !w.compose.testNote.HasProblem() || !p.shows("This is not a valid phone number.") {
		t.Error("a bad own number is not explained at its field")
	}
	if again := openWizard(p.env); again.compose.testNumber.Text != "+49 170 5555555" {
		t.Error("the number is not remembered for the next broadcast")
	}
}

// toReview takes the wizard to the review with plan.
func toReview(t *testing.T, p *page, w *wizard, plan app.BroadcastPlan) {
	t.Helper()
	toCompose(t, p, w)
	p.core.plan = plan
	test.Tap(w.nextBtn)
	if w.step != stepReview {
		t.Fatalf("the review is not shown: %q", p.shown())
	}
}

// The review says what WhatsApp charges and, over the daily limit, how
// many days it takes; it starts only once the owner agrees to spread it.
func TestReviewSpreadsOverDays(t *testing.T) {
	p, w := newWizard(t)
	toReview(t, p, w, app.BroadcastPlan{Recipients: 3000, DailyLimit: 1000, LimitKnown: true, UsedToday: 200, Days: 4,
		Category: app.CategoryMarketing, Quality: app.QualityGreen, SecondsAtFullSpeed: 40})
	for _, want := range []string{"3,000 customers", "Marketing", "WhatsApp charges per message by category",
		"1,000 customers a day", "200 already reached in the last 24 hours", "needs 4 days", "800 customers today"} {
		if !p.shows(want) {
			t.Errorf("the review does not show %q", want)
		}
	}
	if p.shows("quality is") {
		t.Error("a green number is warned about its quality")
	}
	start := p.button(t, "Start broadcast")
	if !start.Disabled() {
		t.Error("Start is possible before agreeing to spread over days")
	}
	test.Tap(p.check(t, "Spread over 4 days"))
	test.Tap(start)
	if len(p.core.created) != 1 || !p.core.created[0].SpreadOverDays || !p.core.created[0].StartAt.IsZero() {
		t.Fatalf("created %+v", p.core.created)
	}
	if !p.shows("Pause") || !p.shows("sunday_offer") {
		t.Error("the results are not shown once started")
	}
}

// A number whose quality is not green is warned before it starts.
func TestReviewWarnsAboutQuality(t *testing.T) {
	p, w := newWizard(t)
	toReview(t, p, w, app.BroadcastPlan{Recipients: 3, DailyLimit: 250, Days: 1, Category: app.CategoryUtility,
		Quality: app.QualityYellow})
	if !p.shows("Your number's quality is medium (yellow)") || !p.shows("Utility") || !p.shows("keeps to a new number's") {
		t.Errorf("the review does not warn: %q", p.shown())
	}
}

// A start at a set time goes to the core; its problem shows at the time.
func TestScheduleProblemShowsAtTheTime(t *testing.T) {
	p, w := newWizard(t)
	toReview(t, p, w, p.core.plan)
	w.review.when.SetSelected(choiceLater)
	start := p.button(t, "Schedule broadcast")
	if tomorrow := p.core.now.AddDate(0, 0, 1); w.review.date.Date == nil || w.review.date.Date.Day() != tomorrow.Day() || start.Disabled() {
		t.Error("a set time does not start as tomorrow at 09:00")
	}
	w.review.clock.SetText("9 o'clock")
	if !start.Disabled() || !p.shows("Type the time as hours and minutes") {
		t.Error("Schedule is possible without a time, or says nothing")
	}
	day := p.core.now.AddDate(0, 0, -1)
	w.review.date.SetDate(&day)
	w.review.clock.SetText("08:30")
	p.core.createErr = app.ValidationErrors{{Field: app.FieldBroadcastStart, Message: "This time has passed. Choose a later one."}}
	test.Tap(start)
	if !w.review.whenNote.HasProblem() || !p.shows("This time has passed. Choose a later one.") {
		t.Error("the start's problem is not at the time")
	}
	if got := p.core.created[0].StartAt; got.Hour() != 8 || got.Minute() != 30 || got.Day() != day.Day() {
		t.Errorf("the start sent is %v", got)
	}
	p.core.createErr = app.ErrOverDailyLimit
	test.Tap(start)
	if !p.shows("more customers than your number's limit leaves today") {
		t.Error("a refusal over the limit is not explained")
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

// A template with a photo header asks for the photo, once for everyone;
// the core's problem with the file shows at the file.
func TestComposeAsksForTheHeaderFile(t *testing.T) {
	p, _ := newWizard(t)
	photo := app.Template{Name: "new_cake", Language: "de", Category: app.CategoryMarketing, Status: app.TemplateApproved,
		Header: app.TemplateHeader{Format: app.HeaderImage}, Body: "Neu bei uns: Mohnkuchen!"}
	p.core.templates = app.TemplateList{Templates: []app.Template{photo}}
	w := openWizard(p.env)
	w.audience.importFile(csvFile(t, "phone\n"))
	test.Tap(w.nextBtn)
	w.compose.picker.SetSelected(w.compose.picker.Options[0])
	if !p.shows("Header file") || !p.shows("Uploaded once and sent to everyone.") || !w.nextBtn.Disabled() {
		t.Fatal("the header's file is not asked for before moving on")
	}
	photoPath := filepath.Join(t.TempDir(), "kuchen.png")
	var png bytes.Buffer
	if err := pngEncode(&png); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(photoPath, png.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	w.compose.setHeaderFile(photoPath)
	if !p.shows("kuchen.png") || w.nextBtn.Disabled() {
		t.Error("a chosen photo is not taken")
	}
	if screentest.ShownPictures(p.shown()) != 1 {
		t.Error("the preview does not show the chosen photo")
	}
	p.core.planErr = app.ValidationErrors{{Field: app.FieldTemplateHeaderFile, Message: "This photo is larger than WhatsApp's 5 MB."}}
	test.Tap(w.nextBtn)
	if !w.compose.fileNote.HasProblem() || !p.shows("This photo is larger than WhatsApp's 5 MB.") {
		t.Error("the file's problem is not at the file")
	}
	if got := p.core.planned[len(p.core.planned)-1].HeaderFile; filepath.Base(got) != "kuchen.png" {
		t.Errorf("the draft's header file is %q", got)
	}
}

// pngEncode writes a small picture, as a photo header's file.
func pngEncode(w io.Writer) error {
	img := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for x := range 40 {
		for y := range 30 {
			img.Set(x, y, color.NRGBA{R: uint8(6 * x), G: 120, B: uint8(8 * y), A: 255})
		}
	}
	return png.Encode(w, img)
}
