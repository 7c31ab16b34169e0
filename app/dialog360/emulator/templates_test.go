package emulator_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func body(text string, examples ...string) map[string]any {
	c := map[string]any{"type": "BODY", "text": text}
	if len(examples) > 0 {
		c["example"] = map[string]any{"body_text": [][]string{examples}}
	}
	return c
}

func tpl(name string, comps ...map[string]any) map[string]any {
	return map[string]any{"name": name, "language": "en_US", "category": "UTILITY", "components": comps}
}

func TestTemplateCreationRules(t *testing.T) {
	e := newEnv(t)
	if a := e.call(t, key, "POST", "/v1/configs/templates", tpl("taken", body("Hi"))); a.status != 200 || a.body["status"] != "submitted" {
		t.Fatalf("create: %d %s", a.status, a.raw)
	}
	header := func(text string, ex ...string) map[string]any {
		c := map[string]any{"type": "HEADER", "format": "TEXT", "text": text}
		if len(ex) > 0 {
			c["example"] = map[string]any{"header_text": ex}
		}
		return c
	}
	buttons := func(bs ...map[string]any) map[string]any { return map[string]any{"type": "BUTTONS", "buttons": bs} }
	qr := map[string]any{"type": "QUICK_REPLY", "text": "Yes"}
	urlBtn := map[string]any{"type": "URL", "text": "Go", "url": "https://a.example/{{1}}"}
	for name, tc := range map[string]struct {
		tpl     map[string]any
		subcode int
	}{
		"name with capitals":        {tpl("Hello", body("Hi")), 0},
		"name with dash":            {tpl("hello-there", body("Hi")), 0},
		"same name and language":    {tpl("taken", body("Hi")), 2388024},
		"no body":                   {tpl("nobody", header("Hi")), 0},
		"body 1025":                 {tpl("long", body(strings.Repeat("x", 1025))), 2388040},
		"body params without":       {tpl("nosamples", body("Hi {{1}}")), 2388043},
		"body params short":         {tpl("short", body("Hi {{1}} {{2}}", "a")), 2388043},
		"body params gap":           {tpl("gap", body("Hi {{1}} {{3}}", "a", "b")), 0},
		"header 61":                 {tpl("hdr", header(strings.Repeat("h", 61)), body("Hi")), 2388040},
		"header two params":         {tpl("hdr2", header("{{1}} {{2}}", "a"), body("Hi")), 0},
		"header param no sample":    {tpl("hdr3", header("Order {{1}}"), body("Hi")), 2388043},
		"footer 61":                 {tpl("ftr", body("Hi"), map[string]any{"type": "FOOTER", "text": strings.Repeat("f", 61)}), 2388040},
		"footer param":              {tpl("ftr2", body("Hi"), map[string]any{"type": "FOOTER", "text": "{{1}}"}), 0},
		"url button no sample":      {tpl("btn", body("Hi"), buttons(urlBtn)), 2388043},
		"button text 26":            {tpl("btn2", body("Hi"), buttons(map[string]any{"type": "QUICK_REPLY", "text": strings.Repeat("b", 26)})), 2388040},
		"quick replies apart":       {tpl("btn3", body("Hi"), buttons(qr, map[string]any{"type": "PHONE_NUMBER", "text": "Call", "phone_number": "+4930123"}, qr)), 0},
		"image header no handle":    {tpl("img", map[string]any{"type": "HEADER", "format": "IMAGE"}, body("Hi")), 2388043},
		"image header bogus handle": {tpl("img2", map[string]any{"type": "HEADER", "format": "IMAGE", "example": map[string]any{"header_handle": []string{"4::x"}}}, body("Hi")), 0},
		"bad category":              {map[string]any{"name": "cat", "language": "en", "category": "SPAM", "components": []any{body("Hi")}}, 0},
		"bad language":              {map[string]any{"name": "lang", "language": "english", "category": "UTILITY", "components": []any{body("Hi")}}, 0},
	} {
		t.Run(name, func(t *testing.T) {
			a := e.call(t, key, "POST", "/v1/configs/templates", tc.tpl)
			if a.status != 400 || a.code() != 100 || a.subcode() != tc.subcode {
				t.Errorf("got %d code %d subcode %d: %s", a.status, a.code(), a.subcode(), a.raw)
			}
		})
	}
	if got := e.em.Templates(key); len(got) != 1 {
		t.Errorf("refused templates were stored: %d", len(got))
	}
}

func TestTemplateReviewRunsOnTheClock(t *testing.T) {
	e := newEnv(t)
	r := newReceiver(t, 0)
	e.register(t, r)
	e.em.SetReviewDelay(10 * time.Minute)
	e.em.SetReviewOutcome(func(name string) (bool, string) {
		if strings.HasPrefix(name, "promo") {
			return false, "PROMOTIONAL"
		}
		return true, ""
	})
	for _, name := range []string{"welcome", "promo_now"} {
		if a := e.call(t, key, "POST", "/v1/configs/templates", tpl(name, body("Hello"))); a.status != 200 {
			t.Fatal(string(a.raw))
		}
	}
	e.clock.Advance(9 * time.Minute)
	e.em.Tick()
	if got := e.em.Templates(key); got[0].Status != app.TemplateSubmitted || got[1].Status != app.TemplateSubmitted {
		t.Errorf("reviewed early: %+v", got)
	}
	e.clock.Advance(time.Minute)
	list := e.call(t, key, "GET", "/v1/configs/templates?limit=10&offset=0&sort=id", nil)
	items := list.body["waba_templates"].([]any)
	first, second := items[0].(map[string]any), items[1].(map[string]any)
	if first["status"] != "approved" || second["status"] != "rejected" || second["rejected_reason"] != "PROMOTIONAL" {
		t.Errorf("after review: %s", list.raw)
	}
	if err := e.em.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	var events []string
	for _, p := range r.posts() {
		field, v := p.value()
		if field == "message_template_status_update" {
			events = append(events, fmt.Sprint(v["message_template_name"], ":", v["event"], ":", v["reason"]))
		}
	}
	if strings.Join(events, " ") != "welcome:APPROVED:NONE promo_now:REJECTED:PROMOTIONAL" {
		t.Errorf("template webhooks = %v", events)
	}
}

func TestTemplateListPagesAndDelete(t *testing.T) {
	e := newEnv(t)
	for i := range 5 {
		if err := e.em.AddTemplate(key, app.Template{Name: fmt.Sprintf("n%d", i), Language: "en", Category: "UTILITY", Body: "Hi"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := e.em.AddRawTemplate(key, []byte(`{"name":"raw_one","language":"de","category":"MARKETING","status":"paused","components":[{"type":"BODY","text":"Hallo"}]}`)); err != nil {
		t.Fatal(err)
	}
	page := e.call(t, key, "GET", "/v1/configs/templates?limit=4&offset=4&sort=id", nil)
	if page.body["total"] != float64(6) || page.body["count"] != float64(2) || page.body["offset"] != float64(4) {
		t.Errorf("page = %s", page.raw)
	}
	last := page.body["waba_templates"].([]any)[1].(map[string]any)
	if last["name"] != "raw_one" || last["status"] != "paused" {
		t.Errorf("raw template = %v", last)
	}
	if a := e.call(t, key, "DELETE", "/v1/configs/templates/n1", nil); a.status != 200 {
		t.Errorf("delete: %s", a.raw)
	}
	if a := e.call(t, key, "DELETE", "/v1/configs/templates/n1", nil); a.status != 404 {
		t.Errorf("second delete: %d", a.status)
	}
	if a := e.call(t, key, "POST", "/v1/configs/templates", tpl("n1", body("Hi"))); a.subcode() != 2388023 {
		t.Errorf("deleted name reused: %s", a.raw)
	}
	e.clock.Advance(29 * 24 * time.Hour)
	if a := e.call(t, key, "POST", "/v1/configs/templates", tpl("n1", body("Hi"))); a.status != 200 {
		t.Errorf("name still blocked after four weeks: %s", a.raw)
	}
	if err := e.em.AddTemplate(key, app.Template{Name: "n0", Language: "en", Body: "Hi"}); err == nil {
		t.Error("AddTemplate accepted a duplicate")
	}
}

func TestSetTemplateStatusAnnouncesIt(t *testing.T) {
	e := newEnv(t)
	r := newReceiver(t, 0)
	e.register(t, r)
	_ = e.em.AddTemplate(key, app.Template{Name: "promo", Language: "en", Category: "MARKETING", Body: "Sale"})
	if err := e.em.SetTemplateStatus(key, "promo", "en", "PAUSED", ""); err != nil {
		t.Fatal(err)
	}
	if err := e.em.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	field, v := r.posts()[0].value()
	if field != "message_template_status_update" || v["event"] != "PAUSED" || e.em.Templates(key)[0].Status != app.TemplatePaused {
		t.Errorf("webhook %s %v", field, v)
	}
	if err := e.em.SetTemplateStatus(key, "nope", "en", "paused", ""); err == nil {
		t.Error("unknown template accepted")
	}
}
