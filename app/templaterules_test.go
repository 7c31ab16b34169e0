package app

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"sort"
	"strings"
	"testing"

	"github.com/parley-app/parley/internal/testkit"
)

// validTemplate returns a template that passes every rule, with every
// component used.
func validTemplate() Template {
	return Template{
		Name:     "order_update_2",
		Language: "en_US",
		Category: CategoryUtility,
		Header:   TemplateHeader{Format: HeaderText, Text: "Order {{1}}", Example: "#123"},
		Body:     "Hi {{1}}, your order *{{2}}* has shipped.\n\nTrack it below.",
		BodyExamples: []string{
			"Anna", "#123",
		},
		Footer: "Reply STOP to opt out",
		Buttons: []TemplateButton{
			{Type: ButtonURL, Text: "Track order", URL: "https://shop.example/track/{{1}}", Example: "123"},
			{Type: ButtonPhone, Text: "Call us", Phone: "+49 30 12345678"},
		},
	}
}

// pngBytes returns a small PNG image; encoding to memory cannot fail.
func pngBytes() []byte {
	var b bytes.Buffer
	_ = png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 4)))
	return b.Bytes()
}

func jpegBytes(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 4)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// padded returns data grown to size bytes.
func padded(data []byte, size int) []byte {
	out := make([]byte, size)
	copy(out, data)
	return out
}

var (
	mp4Head = []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")
	pdfHead = []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
)

func TestValidTemplatesPass(t *testing.T) {
	quick := validTemplate()
	quick.Header = TemplateHeader{}
	quick.Body = "Are you coming to your appointment tomorrow?"
	quick.BodyExamples = nil
	quick.Footer = ""
	quick.Buttons = []TemplateButton{
		{Type: ButtonQuickReply, Text: "Yes"}, {Type: ButtonQuickReply, Text: "No"}, {Type: ButtonQuickReply, Text: "Call me back please!"},
	}
	image := validTemplate()
	image.Header = TemplateHeader{Format: HeaderImage, Media: jpegBytes(t), MediaName: "sale.jpg", MediaMIME: "image/jpeg"}
	synced := validTemplate()
	synced.Header = TemplateHeader{Format: HeaderVideo, Example: "4::aW1hZ2UvanBlZw==:ARb"}
	video := validTemplate()
	video.Header = TemplateHeader{Format: HeaderVideo, Media: padded(mp4Head, 15<<20), MediaName: "clip.mp4"}
	threeGP := validTemplate()
	threeGP.Header = TemplateHeader{Format: HeaderVideo, Media: []byte("\x00\x00\x00\x14ftyp3gp4"), MediaName: "clip.3gp", MediaMIME: "video/3gpp"}
	doc := validTemplate()
	doc.Header = TemplateHeader{Format: HeaderDocument, Media: padded(pdfHead, 19<<20), MediaName: "menu.pdf"}
	emoji := validTemplate()
	emoji.Body = "🎉 Hi {{1}}, _{{2}}_ is ready for pickup! 🎉"
	for name, tpl := range map[string]Template{
		"full": validTemplate(), "quick replies": quick, "image header": image, "already uploaded sample": synced,
		"video header": video, "3gp video": threeGP, "document header": doc, "emoji body": emoji,
	} {
		if errs := ValidateTemplate(tpl); len(errs) != 0 {
			t.Errorf("%s: want no problems, got %v", name, errs)
		}
	}
}

func TestValidateTemplateMessages(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	cases := []struct {
		name   string
		change func(t *Template)
		field  string
		msg    string
	}{
		// Name, category, language.
		{"name missing", func(t *Template) { t.Name = "" }, FieldTemplateName, "Give the template a name, for example order_update."},
		{"name with space", func(t *Template) { t.Name = "order update" }, FieldTemplateName, "Use only lowercase letters, numbers and underscores (no spaces)."},
		{"name uppercase", func(t *Template) { t.Name = "Order_update" }, FieldTemplateName, "Use only lowercase letters, numbers and underscores (no spaces)."},
		{"name dash", func(t *Template) { t.Name = "order-update" }, FieldTemplateName, "Use only lowercase letters, numbers and underscores (no spaces)."},
		{"name too long", func(t *Template) { t.Name = long(513) }, FieldTemplateName, "The name can be at most 512 characters (now 513)."},
		{"category missing", func(t *Template) { t.Category = "" }, FieldTemplateCategory, "Choose a category: Marketing or Utility."},
		{"category legacy", func(t *Template) { t.Category = "ISSUE_RESOLUTION" }, FieldTemplateCategory, "Choose a category: Marketing or Utility."},
		{"category authentication with a free body", func(t *Template) {
			t.Category = CategoryAuthentication
			t.Body = "Your code is {{1}}, valid 10 minutes."
		}, FieldTemplateCategory,
			"Parley can't submit Authentication templates: WhatsApp writes their text itself and adds a one-time-code button. Choose Marketing or Utility."},
		{"language missing", func(t *Template) { t.Language = "" }, FieldTemplateLanguage, "Choose the language the template is written in."},
		{"language unknown", func(t *Template) { t.Language = "en_us" }, FieldTemplateLanguage, `WhatsApp does not support the language code "en_us". Choose a language from the list.`},

		// Header.
		{"header type unknown", func(t *Template) { t.Header.Format = "LOCATION" }, FieldTemplateHeader, "Choose a header type: none, text, image, video or document."},
		{"header text empty", func(t *Template) { t.Header = TemplateHeader{Format: HeaderText, Text: " "} }, FieldTemplateHeaderText, "Type the header text, or choose no header."},
		{"header too long", func(t *Template) { t.Header = TemplateHeader{Format: HeaderText, Text: long(61)} }, FieldTemplateHeaderText, "The header can be at most 60 characters (now 61)."},
		{"header two params", func(t *Template) { t.Header.Text = "{{1}} and {{2}}" }, FieldTemplateHeaderText, "The header can have only one parameter, written {{1}}."},
		{"header param twice", func(t *Template) { t.Header.Text = "{{1}} and {{1}}" }, FieldTemplateHeaderText, "The header can have only one parameter, written {{1}}."},
		{"header param not 1", func(t *Template) { t.Header.Text = "Order {{2}}" }, FieldTemplateHeaderText, "The header can have only one parameter, written {{1}}."},
		{"header line break", func(t *Template) { t.Header.Text = "Order\n{{1}}" }, FieldTemplateHeaderText, "The header must fit on one line (no line breaks)."},
		{"header emoji", func(t *Template) { t.Header.Text = "Order {{1}} 📦" }, FieldTemplateHeaderText, "The header can't contain emojis."},
		{"header formatting", func(t *Template) { t.Header.Text = "*Order* {{1}}" }, FieldTemplateHeaderText, "The header can't use formatting such as *bold* or _italic_."},
		{"header sample missing", func(t *Template) { t.Header.Example = "" }, FieldTemplateHeaderExample, "Add a sample value for {{1}} in the header."},
		{"header sample tab", func(t *Template) { t.Header.Example = "a\tb" }, FieldTemplateHeaderExample, "The sample for {{1}} in the header can't contain line breaks or tabs."},

		// Media headers.
		{"image sample missing", func(t *Template) { t.Header = TemplateHeader{Format: HeaderImage} }, FieldTemplateHeaderMedia,
			"Add a sample image (JPG or PNG, up to 5 MB) so WhatsApp's reviewers can see the header."},
		{"video sample missing", func(t *Template) { t.Header = TemplateHeader{Format: HeaderVideo} }, FieldTemplateHeaderMedia,
			"Add a sample video (MP4 or 3GP, up to 16 MB) so WhatsApp's reviewers can see the header."},
		{"document sample missing", func(t *Template) { t.Header = TemplateHeader{Format: HeaderDocument} }, FieldTemplateHeaderMedia,
			"Add a sample document (PDF, up to 20 MB) so WhatsApp's reviewers can see the header."},
		{"image is a gif", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderImage, Media: []byte("GIF89a\x01\x00\x01\x00"), MediaName: "a.gif", MediaMIME: "image/gif"}
		}, FieldTemplateHeaderMedia, "The header image must be a JPG or PNG file."},
		{"image is a pdf named jpg", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderImage, Media: pdfHead, MediaName: "photo.jpg", MediaMIME: "image/jpeg"}
		}, FieldTemplateHeaderMedia, "The header image must be a JPG or PNG file."},
		{"image too big", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderImage, Media: padded(pngBytes(), 5<<20+300<<10), MediaName: "big.png"}
		}, FieldTemplateHeaderMedia, "WhatsApp allows a header image of at most 5 MB (this file is 5.3 MB)."},
		{"image over the pixel budget", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderImage, Media: testkit.HugePNG(30000, 30000), MediaName: "poster.png"}
		}, FieldTemplateHeaderMedia, "The sample image is 30000×30000 pixels, more than Parley can open (at most 40 megapixels). Choose a smaller picture."},
		{"video wrong type", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderVideo, Media: []byte("RIFF\x00\x00\x00\x00AVI LIST"), MediaName: "clip.avi", MediaMIME: "video/x-msvideo"}
		}, FieldTemplateHeaderMedia, "The header video must be an MP4 or 3GP file."},
		{"video too big", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderVideo, Media: padded(mp4Head, 17<<20), MediaName: "clip.mp4"}
		}, FieldTemplateHeaderMedia, "WhatsApp allows a header video of at most 16 MB (this file is 17 MB)."},
		{"document wrong type", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderDocument, Media: []byte("PK\x03\x04word"), MediaName: "menu.docx"}
		}, FieldTemplateHeaderMedia, "The header document must be a PDF file."},
		{"document over upload limit", func(t *Template) {
			t.Header = TemplateHeader{Format: HeaderDocument, Media: padded(pdfHead, 25<<20), MediaName: "menu.pdf"}
		}, FieldTemplateHeaderMedia, "The sample document can be at most 20 MB to upload (this file is 25 MB)."},

		// Body.
		{"body missing", func(t *Template) { t.Body = " \n " }, FieldTemplateBody, "Type the message text."},
		{"body too long", func(t *Template) { t.Body = "Hello " + long(1100) }, FieldTemplateBody, "The message can be at most 1024 characters (now 1106)."},
		{"param gap", func(t *Template) {
			t.Body = "Hi {{1}}, order {{3}} is ready."
			t.BodyExamples = []string{"a", "b", "c"}
		}, FieldTemplateBody,
			"Parameters must be numbered {{1}}, {{2}}, … without gaps: {{2}} is missing."},
		{"param not from 1", func(t *Template) { t.Body = "Hi {{2}}, welcome."; t.BodyExamples = []string{"a", "b"} }, FieldTemplateBody,
			"Parameters must be numbered {{1}}, {{2}}, … without gaps: {{1}} is missing."},
		{"param named", func(t *Template) { t.Body = "Hi {{name}}, welcome." }, FieldTemplateBody,
			"Write parameters as {{1}}, {{2}}, … with only a number between the braces: {{name}} is not a parameter."},
		{"param with spaces", func(t *Template) { t.Body = "Hi {{ 1 }}, welcome." }, FieldTemplateBody,
			"Write parameters as {{1}}, {{2}}, … with only a number between the braces: {{ 1 }} is not a parameter."},
		{"starts with param", func(t *Template) { t.Body = "{{1}}, your order {{2}} shipped." }, FieldTemplateBody,
			"The message can't start with a parameter. Add some words before {{1}}."},
		{"starts with formatted param", func(t *Template) { t.Body = "\n *{{1}}*: your order {{2}} shipped." }, FieldTemplateBody,
			"The message can't start with a parameter. Add some words before {{1}}."},
		{"ends with param", func(t *Template) { t.Body = "Hi {{1}}, your order is {{2}}" }, FieldTemplateBody,
			"The message can't end with a parameter. Add some words after {{2}}."},
		{"ends with param and full stop", func(t *Template) { t.Body = "Hi {{1}}, your order is {{2}}.\n" }, FieldTemplateBody,
			"The message can't end with a parameter. Add some words after {{2}}."},
		{"params side by side", func(t *Template) { t.Body = "Hi {{1}} {{2}}, welcome back." }, FieldTemplateBody,
			"Put some words between {{1}} and {{2}}: parameters can't stand right next to each other."},
		{"params touching", func(t *Template) { t.Body = "Code {{1}}{{2}} is yours." }, FieldTemplateBody,
			"Put some words between {{1}} and {{2}}: parameters can't stand right next to each other."},
		{"body sample missing", func(t *Template) { t.BodyExamples = []string{"Anna"} }, TemplateBodyExampleField(2), "Add a sample value for {{2}}."},
		{"body sample blank", func(t *Template) { t.BodyExamples = []string{" ", "#1"} }, TemplateBodyExampleField(1), "Add a sample value for {{1}}."},
		{"body sample line break", func(t *Template) { t.BodyExamples = []string{"Anna", "#1\n#2"} }, TemplateBodyExampleField(2),
			"The sample for {{2}} can't contain line breaks or tabs."},
		{"body sample spaces", func(t *Template) { t.BodyExamples = []string{"Anna     Lee", "#1"} }, TemplateBodyExampleField(1),
			"The sample for {{1}} can't have more than 4 spaces in a row."},

		// Footer.
		{"footer too long", func(t *Template) { t.Footer = long(61) }, FieldTemplateFooter, "The footer can be at most 60 characters (now 61)."},
		{"footer param", func(t *Template) { t.Footer = "Thanks {{1}}" }, FieldTemplateFooter, "The footer can't have parameters such as {{1}}."},
		{"footer line break", func(t *Template) { t.Footer = "Thanks\nShop" }, FieldTemplateFooter, "The footer must fit on one line (no line breaks)."},

		// Buttons.
		{"button type unknown", func(t *Template) { t.Buttons = []TemplateButton{{Type: "COPY_CODE", Text: "Copy"}} }, TemplateButtonField(0, ButtonPartType),
			"Choose what this button does: quick reply, open a website or call a phone number."},
		{"button text missing", func(t *Template) { t.Buttons[1].Text = "" }, TemplateButtonField(1, ButtonPartText), "Type the button text."},
		{"button text too long", func(t *Template) { t.Buttons[0].Text = long(26) }, TemplateButtonField(0, ButtonPartText),
			"Button text can be at most 25 characters (now 26)."},
		{"quick reply too long", func(t *Template) { t.Buttons = []TemplateButton{{Type: ButtonQuickReply, Text: long(21)}} }, TemplateButtonField(0, ButtonPartText),
			"Quick reply text can be at most 20 characters (now 21)."},
		{"button text param", func(t *Template) { t.Buttons[1].Text = "Call {{1}}" }, TemplateButtonField(1, ButtonPartText),
			"Button text can't have parameters such as {{1}}."},
		{"too many quick replies", func(t *Template) {
			t.Buttons = []TemplateButton{{Type: ButtonQuickReply, Text: "A"}, {Type: ButtonQuickReply, Text: "B"}, {Type: ButtonQuickReply, Text: "C"}, {Type: ButtonQuickReply, Text: "D"}}
		}, FieldTemplateButtons, "You can add at most 3 quick replies (now 4)."},
		{"mixed buttons", func(t *Template) { t.Buttons = append(t.Buttons, TemplateButton{Type: ButtonQuickReply, Text: "Stop"}) }, FieldTemplateButtons,
			"Use either quick replies or call-to-action buttons (website, phone), not both."},
		{"two website buttons", func(t *Template) {
			t.Buttons = []TemplateButton{{Type: ButtonURL, Text: "A", URL: "https://a.example"}, {Type: ButtonURL, Text: "B", URL: "https://b.example"}}
		}, FieldTemplateButtons, "You can add only one website button."},
		{"two phone buttons", func(t *Template) {
			t.Buttons = []TemplateButton{{Type: ButtonPhone, Text: "A", Phone: "+4930123456"}, {Type: ButtonPhone, Text: "B", Phone: "+4930123457"}}
		}, FieldTemplateButtons, "You can add only one phone button."},
		{"url missing", func(t *Template) { t.Buttons[0].URL = "" }, TemplateButtonField(0, ButtonPartURL), "Type the web address the button opens."},
		{"url without scheme", func(t *Template) { t.Buttons[0].URL = "shop.example/track" }, TemplateButtonField(0, ButtonPartURL),
			"The web address must start with http:// or https://."},
		{"url ftp", func(t *Template) { t.Buttons[0].URL = "ftp://shop.example/" }, TemplateButtonField(0, ButtonPartURL),
			"The web address must start with http:// or https://."},
		{"url without host", func(t *Template) { t.Buttons[0].URL = "https:///track" }, TemplateButtonField(0, ButtonPartURL),
			"The web address is missing the site name, for example https://example.com/."},
		{"url param in middle", func(t *Template) { t.Buttons[0].URL = "https://shop.example/{{1}}/track" }, TemplateButtonField(0, ButtonPartURL),
			"The web address can have one parameter, {{1}}, and only at the very end."},
		{"url param 2", func(t *Template) { t.Buttons[0].URL = "https://shop.example/{{2}}" }, TemplateButtonField(0, ButtonPartURL),
			"The web address can have one parameter, {{1}}, and only at the very end."},
		{"url two params", func(t *Template) { t.Buttons[0].URL = "https://shop.example/{{1}}{{1}}" }, TemplateButtonField(0, ButtonPartURL),
			"The web address can have one parameter, {{1}}, and only at the very end."},
		{"url named param", func(t *Template) { t.Buttons[0].URL = "https://shop.example/{{id}}" }, TemplateButtonField(0, ButtonPartURL),
			"The web address can have one parameter, {{1}}, and only at the very end."},
		{"url sample missing", func(t *Template) { t.Buttons[0].Example = "" }, TemplateButtonField(0, ButtonPartExample),
			"Add a sample value for {{1}} in the web address."},
		{"phone missing", func(t *Template) { t.Buttons[1].Phone = "" }, TemplateButtonField(1, ButtonPartPhone), "Type the phone number the button calls."},
		{"phone without country code", func(t *Template) { t.Buttons[1].Phone = "030 1234567" }, TemplateButtonField(1, ButtonPartPhone),
			"Enter a valid phone number with the country code, for example +49 30 1234567."},
		{"phone invalid", func(t *Template) { t.Buttons[1].Phone = "+49 12" }, TemplateButtonField(1, ButtonPartPhone),
			"Enter a valid phone number with the country code, for example +49 30 1234567."},
		{"phone letters", func(t *Template) { t.Buttons[1].Phone = "call me" }, TemplateButtonField(1, ButtonPartPhone),
			"Enter a valid phone number with the country code, for example +49 30 1234567."},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tpl := validTemplate()
			tc.change(&tpl)
			errs := ValidateTemplate(tpl)
			if got := errs.For(tc.field); got != tc.msg {
				t.Fatalf("message at %q = %q\nwant %q\nall: %v", tc.field, got, tc.msg, fields(errs))
			}
			if len(errs) != 1 {
				t.Errorf("want exactly this one problem, got %v", fields(errs))
			}
		})
	}
}

func fields(errs ValidationErrors) []string {
	var out []string
	for _, e := range errs {
		out = append(out, e.Field+": "+e.Message)
	}
	return out
}

func TestValidateTemplateListsEveryProblem(t *testing.T) {
	tpl := Template{
		Name: "Spring Sale", Body: "{{1}} {{3}}",
		Footer:  "Hi {{1}}",
		Buttons: []TemplateButton{{Type: ButtonQuickReply, Text: "OK"}, {Type: ButtonPhone, Text: "Call", Phone: "123"}},
	}
	got := map[string]bool{}
	for _, e := range ValidateTemplate(tpl) {
		got[e.Field] = true
	}
	want := []string{
		FieldTemplateName, FieldTemplateCategory, FieldTemplateLanguage, FieldTemplateBody,
		TemplateBodyExampleField(1), TemplateBodyExampleField(3), FieldTemplateFooter,
		TemplateButtonField(1, ButtonPartPhone), FieldTemplateButtons,
	}
	for _, f := range want {
		if !got[f] {
			t.Errorf("no problem reported at %q; got %v", f, fields(ValidateTemplate(tpl)))
		}
	}
}

func TestHeaderMediaHelpers(t *testing.T) {
	if got := HeaderMediaHint(HeaderDocument); got != "PDF, up to 20 MB" {
		t.Errorf("HeaderMediaHint(document) = %q", got)
	}
	if got := HeaderMediaExtensions(HeaderImage); strings.Join(got, " ") != ".jpg .jpeg .png" {
		t.Errorf("HeaderMediaExtensions(image) = %v", got)
	}
	if HeaderMediaExtensions(HeaderText) != nil || HeaderMediaHint(HeaderText) != "" {
		t.Error("text headers take no media")
	}
}

func TestLanguages(t *testing.T) {
	if !sort.SliceIsSorted(Languages, func(i, j int) bool { return Languages[i].Name < Languages[j].Name }) {
		t.Error("Languages is not sorted by name")
	}
	seen := map[string]bool{}
	for _, l := range Languages {
		if seen[l.Code] {
			t.Errorf("language %q listed twice", l.Code)
		}
		seen[l.Code] = true
	}
	if len(Languages) != 71 {
		t.Errorf("want WhatsApp's 71 template languages, got %d", len(Languages))
	}
	if LanguageName("pt_BR") != "Portuguese (Brazil)" || LanguageName("xx") != "xx" {
		t.Error("LanguageName")
	}
	if LanguageLabel("en_US") != "English (US) · en_US" || KnownLanguage("en_us") {
		t.Error("LanguageLabel / KnownLanguage")
	}
}
