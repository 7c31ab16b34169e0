package dialog360_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// fullTemplate uses every component Parley offers.
func fullTemplate(name string) app.Template {
	return app.Template{
		Name: name, Language: "en_US", Category: app.CategoryUtility,
		Header:       app.TemplateHeader{Format: app.HeaderText, Text: "Order {{1}}", Example: "#123"},
		Body:         "Hi {{1}}, your order {{2}} has shipped.",
		BodyExamples: []string{"Anna", "#123"},
		Footer:       "Thanks for shopping",
		Buttons: []app.TemplateButton{
			{Type: app.ButtonQuickReply, Text: "Stop"},
			{Type: app.ButtonURL, Text: "Track", URL: "https://x.example/t/{{1}}", Example: "123"},
			{Type: app.ButtonPhone, Text: "Call us", Phone: "+4930123456"},
		},
	}
}

func TestTemplateCreateAndListRoundTrip(t *testing.T) {
	h := newHarness(t, []emulator.Option{emulator.WithMaxPageSize(50)})
	h.em.SetReviewDelay(time.Hour)
	want := fullTemplate("order_update")

	created, err := h.c.CreateTemplate(t.Context(), want)
	if err != nil {
		t.Fatalf("CreateTemplate: %v", err)
	}
	if created.ID == "" || created.Status != app.TemplateSubmitted {
		t.Errorf("created = %+v", created)
	}
	posted := h.rec.requests(http.MethodPost, "/v1/configs/templates")[0].Body
	for _, part := range []string{`"header_text":["#123"]`, `"body_text":[["Anna","#123"]]`, `"example":["https://x.example/t/123"]`, `"phone_number":"+4930123456"`} {
		if !strings.Contains(string(posted), part) {
			t.Errorf("request lacks %s: %s", part, posted)
		}
	}

	list, err := h.c.ListTemplates(t.Context(), nil)
	if err != nil || len(list) != 1 {
		t.Fatalf("ListTemplates: %v, %v", list, err)
	}
	got := list[0]
	if got.Status != app.TemplateSubmitted {
		t.Errorf("status before review = %q", got.Status)
	}
	h.clock.Advance(time.Hour)
	list, _ = h.c.ListTemplates(t.Context(), nil)
	got = list[0]
	if got.Status != app.TemplateApproved || got.ID != created.ID || got.ModifiedAt.IsZero() {
		t.Errorf("after review: %+v", got)
	}
	got.ModifiedAt, got.Status, got.ID, want.Status = time.Time{}, "", "", ""
	if fmt.Sprintf("%+v", got) != fmt.Sprintf("%+v", want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestTemplateMediaHeaderUploadsSampleFirst(t *testing.T) {
	h := newHarness(t, nil)
	sample := []byte("\xff\xd8\xff fake jpeg")
	tpl := app.Template{Name: "spring_sale", Language: "de", Category: app.CategoryMarketing,
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: sample, MediaName: "tulips.jpg", MediaMIME: "image/jpeg"},
		Body:   "Tulpen sind da!"}

	created, err := h.c.CreateTemplate(t.Context(), tpl)
	if err != nil {
		t.Fatalf("CreateTemplate: %v", err)
	}
	if !strings.HasPrefix(created.Header.Example, "4::") {
		t.Errorf("header example %q is not the upload handle", created.Header.Example)
	}
	if len(h.rec.requests(http.MethodPost, "/uploads")) != 1 {
		t.Error("the sample was not uploaded with the resumable upload")
	}
	list, err := h.c.ListTemplates(t.Context(), nil)
	if err != nil || len(list) != 1 {
		t.Fatalf("list: %v %v", list, err)
	}
	got := list[0]
	if got.Header.Format != app.HeaderImage || got.Status != app.TemplateApproved {
		t.Errorf("listed = %+v", got)
	}
	resp, err := http.Get(got.Header.Example)
	if err != nil {
		t.Fatalf("sample link %q: %v", got.Header.Example, err)
	}
	defer resp.Body.Close()
	if b, _ := io.ReadAll(resp.Body); string(b) != string(sample) {
		t.Errorf("sample served = %q", b)
	}
}

func TestListTemplatesFollowsPages(t *testing.T) {
	h := newHarness(t, []emulator.Option{emulator.WithMaxPageSize(3)})
	for i := range 8 {
		if err := h.em.AddTemplate(testKey, app.Template{Name: fmt.Sprintf("t_%d", i), Language: "en", Category: "UTILITY", Body: "Hello"}); err != nil {
			t.Fatal(err)
		}
	}
	var progress []string
	list, err := h.c.ListTemplates(t.Context(), func(fetched, total int) {
		progress = append(progress, fmt.Sprintf("%d/%d", fetched, total))
	})
	if err != nil {
		t.Fatalf("ListTemplates: %v", err)
	}
	var names []string
	for _, tpl := range list {
		names = append(names, tpl.Name)
	}
	if want := []string{"t_0", "t_1", "t_2", "t_3", "t_4", "t_5", "t_6", "t_7"}; !slices.Equal(names, want) {
		t.Errorf("names = %v", names)
	}
	if want := []string{"3/8", "6/8", "8/8"}; !slices.Equal(progress, want) {
		t.Errorf("progress = %v, want %v", progress, want)
	}
	var offsets []string
	for _, r := range h.rec.requests(http.MethodGet, "/v1/configs/templates") {
		offsets = append(offsets, r.Query)
	}
	if len(offsets) != 3 || !strings.Contains(offsets[2], "offset=6") || !strings.Contains(offsets[0], "sort=id") {
		t.Errorf("queries = %v", offsets)
	}
}

func TestRejectedTemplateExplainsWhy(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetReviewOutcome(func(name string) (bool, string) { return name != "bad_one", "TAG_CONTENT_MISMATCH" })
	for _, name := range []string{"good_one", "bad_one"} {
		if _, err := h.c.CreateTemplate(t.Context(), app.Template{Name: name, Language: "en", Category: "MARKETING", Body: "Hello"}); err != nil {
			t.Fatal(err)
		}
	}
	list, err := h.c.ListTemplates(t.Context(), nil)
	if err != nil || len(list) != 2 {
		t.Fatalf("list %v, %v", list, err)
	}
	if list[0].Status != app.TemplateApproved || list[0].RejectedReason != "" {
		t.Errorf("good one = %+v", list[0])
	}
	if list[1].Status != app.TemplateRejected || list[1].RejectedReason != "The text does not match the chosen category or language." {
		t.Errorf("bad one = %+v", list[1])
	}
}

func TestListTemplatesToleratesOtherShapes(t *testing.T) {
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"data":[{"id":1689556908129832,"name":"promo","language":"en","category":"marketing",
			"status":"PAUSED","rejected_reason":"NONE","components":[{"type":"body","text":"Hi"},
			{"type":"buttons","buttons":[{"type":"url","text":"Go","url":"https://a.example/{{1}}","example":"https://a.example/x"}]}]},
			{"id":"b","name":"gone","language":"en","category":"UTILITY","status":"PENDING_DELETION","components":[]},
			{"id":"c","name":"odd","language":"en","category":"UTILITY","status":"FLAGGED","rejected_reason":"SCAM"}]}`)
	})
	list, err := c.ListTemplates(t.Context(), nil)
	if err != nil || len(list) != 3 {
		t.Fatalf("list %v, %v", list, err)
	}
	if list[0].ID != "1689556908129832" || list[0].Status != app.TemplatePaused || list[0].Category != "MARKETING" ||
		list[0].Buttons[0].Type != app.ButtonURL || list[0].Buttons[0].Example != "x" {
		t.Errorf("first = %+v", list[0])
	}
	if list[1].Status != app.TemplateDisabled || list[2].Status != app.TemplateUnknown || list[2].RejectedReason != "" {
		t.Errorf("statuses = %q, %q (%q)", list[1].Status, list[2].Status, list[2].RejectedReason)
	}
}

func TestTemplateCreationProblems(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := h.c.CreateTemplate(t.Context(), fullTemplate("taken")); err != nil {
		t.Fatal(err)
	}
	noSamples := fullTemplate("no_samples")
	noSamples.BodyExamples = nil
	long := fullTemplate("long_body")
	long.Body = strings.Repeat("x", 1025)
	for name, tc := range map[string]struct {
		tpl   app.Template
		kind  app.ErrorKind
		plain string
	}{
		"duplicate":       {fullTemplate("taken"), app.KindTemplateProblem, "already exists"},
		"missing samples": {noSamples, app.KindTemplateProblem, "sample value for every parameter"},
		"body too long":   {long, app.KindTemplateProblem, "longer than WhatsApp allows"},
		"bad name":        {fullTemplate("Bad Name"), app.KindInvalid, "lowercase"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := h.c.CreateTemplate(t.Context(), tc.tpl)
			pe := providerError(t, err, tc.kind)
			if !strings.Contains(pe.Plain, tc.plain) {
				t.Errorf("plain = %q, want it to mention %q", pe.Plain, tc.plain)
			}
		})
	}
}

func TestDeleteTemplateRemovesEveryLanguage(t *testing.T) {
	h := newHarness(t, nil)
	for _, lang := range []string{"en", "de"} {
		if err := h.em.AddTemplate(testKey, app.Template{Name: "bye", Language: lang, Category: "UTILITY", Body: "Bye"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := h.c.DeleteTemplate(t.Context(), "bye"); err != nil {
		t.Fatalf("DeleteTemplate: %v", err)
	}
	if got := h.em.Templates(testKey); len(got) != 0 {
		t.Errorf("left: %+v", got)
	}
	providerError(t, h.c.DeleteTemplate(t.Context(), "bye"), app.KindNotFound)
	_, err := h.c.CreateTemplate(t.Context(), app.Template{Name: "bye", Language: "en", Category: "UTILITY", Body: "Bye"})
	if pe := providerError(t, err, app.KindTemplateProblem); !strings.Contains(pe.Plain, "deleted recently") {
		t.Errorf("plain = %q", pe.Plain)
	}
}

func TestTemplateCreateIsNotRetriedAfterAFailure(t *testing.T) {
	h := newHarness(t, nil)
	h.em.FailNext(emulator.Fault500, 1)
	_, err := h.c.CreateTemplate(t.Context(), fullTemplate("once"))
	providerError(t, err, app.KindUnavailable)
	if n := len(h.rec.requests(http.MethodPost, "/v1/configs/templates")); n != 1 {
		t.Errorf("template creation sent %d times", n)
	}
	var body map[string]any
	_ = json.Unmarshal(h.rec.requests(http.MethodPost, "/v1/configs/templates")[0].Body, &body)
	if body["name"] != "once" {
		t.Errorf("body = %v", body)
	}
}

func TestDeleteWhoseAnswerWasLostCountsAsDone(t *testing.T) {
	calls := 0
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		calls++
		if calls == 1 {
			panic(http.ErrAbortHandler) // deleted, but the answer is lost
		}
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"meta":{"success":false,"http_code":404,"developer_message":"Template not found"}}`)
	})
	if err := c.DeleteTemplate(t.Context(), "gone"); err != nil || calls != 2 {
		t.Errorf("DeleteTemplate: %v after %d calls", err, calls)
	}
}
