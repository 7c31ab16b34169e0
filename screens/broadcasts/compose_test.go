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

	"fyne.io/fyne/v2/test"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/screens/screentest"
)

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
