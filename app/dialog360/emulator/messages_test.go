package emulator_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func text(to, body string) map[string]any {
	return map[string]any{"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, "type": "text", "text": map[string]any{"body": body}}
}

func templateSend(name, lang string, comps ...map[string]any) map[string]any {
	return map[string]any{"messaging_product": "whatsapp", "to": customer, "type": "template",
		"template": map[string]any{"name": name, "language": map[string]string{"code": lang}, "components": comps}}
}

func bodyParams(values ...string) map[string]any {
	ps := []map[string]string{}
	for _, v := range values {
		ps = append(ps, map[string]string{"type": "text", "text": v})
	}
	return map[string]any{"type": "body", "parameters": ps}
}

func TestTheWindowOpensWithACustomerMessage(t *testing.T) {
	e := newEnv(t)
	if a := e.call(t, key, "POST", "/messages", text(customer, "Hi")); a.status != 400 || a.code() != 131047 {
		t.Errorf("before any message: %d %s", a.status, a.raw)
	}
	if _, err := e.em.Inbound(key, "+"+customer, "Anna", "Hello?"); err != nil {
		t.Fatal(err)
	}
	if got := e.em.LastInbound(key, customer); !got.Equal(e.clock.Now()) {
		t.Errorf("last inbound = %v", got)
	}
	e.clock.Advance(23*time.Hour + 59*time.Minute)
	a := e.call(t, key, "POST", "/messages", text("+"+customer, "Hi Anna"))
	msgs, _ := a.body["messages"].([]any)
	if a.status != 200 || len(msgs) != 1 || !strings.HasPrefix(msgs[0].(map[string]any)["id"].(string), "wamid.") {
		t.Fatalf("inside the window: %d %s", a.status, a.raw)
	}
	e.clock.Advance(time.Minute)
	if a := e.call(t, key, "POST", "/messages", text(customer, "Hi again")); a.code() != 131047 {
		t.Errorf("after 24 hours: %s", a.raw)
	}
	if sent := e.em.Sent(key); len(sent) != 1 || sent[0].Text != "Hi Anna" || sent[0].To != customer {
		t.Errorf("sent = %+v", sent)
	}
}

func TestTemplateSendChecks(t *testing.T) {
	e := newEnv(t)
	_ = e.em.AddTemplate(key, app.Template{Name: "order", Language: "en", Category: "UTILITY", Body: "Hi {{1}}, order {{2}}",
		Header:  app.TemplateHeader{Format: app.HeaderText, Text: "Order {{1}}", Example: "#1"},
		Buttons: []app.TemplateButton{{Type: app.ButtonURL, Text: "Track", URL: "https://x.example/{{1}}", Example: "1"}}})
	e.em.SetReviewDelay(time.Hour)
	_ = e.em.AddTemplate(key, app.Template{Name: "pending", Language: "en", Category: "UTILITY", Body: "Hi", Status: app.TemplateSubmitted})
	_ = e.em.AddTemplate(key, app.Template{Name: "off", Language: "en", Category: "UTILITY", Body: "Hi", Status: app.TemplateDisabled})
	header := map[string]any{"type": "header", "parameters": []map[string]string{{"type": "text", "text": "#9"}}}
	button := map[string]any{"type": "button", "sub_type": "url", "index": "0", "parameters": []map[string]string{{"type": "text", "text": "9"}}}
	for name, tc := range map[string]struct {
		req  map[string]any
		code int
	}{
		"complete":         {templateSend("order", "en", header, bodyParams("Anna", "#9"), button), 0},
		"body short":       {templateSend("order", "en", header, bodyParams("Anna"), button), 132000},
		"no header param":  {templateSend("order", "en", bodyParams("Anna", "#9"), button), 132000},
		"no button param":  {templateSend("order", "en", header, bodyParams("Anna", "#9")), 132000},
		"empty body param": {templateSend("order", "en", header, bodyParams("Anna", " "), button), 131008},
		"unknown":          {templateSend("nope", "en"), 132001},
		"other language":   {templateSend("order", "de", header, bodyParams("Anna", "#9"), button), 132001},
		"pending review":   {templateSend("pending", "en"), 132001},
		"disabled":         {templateSend("off", "en"), 132016},
	} {
		t.Run(name, func(t *testing.T) {
			a := e.call(t, key, "POST", "/messages", tc.req)
			if tc.code == 0 && a.status != 200 || tc.code != 0 && (a.status != 400 || a.code() != tc.code) {
				t.Errorf("got %d %s", a.status, a.raw)
			}
		})
	}
	sent := e.em.Sent(key)
	if len(sent) != 1 || sent[0].Text != "Hi Anna, order #9" || sent[0].Template.URLParams["0"] != "9" || sent[0].Template.HeaderText != "#9" {
		t.Errorf("sent = %+v", sent)
	}
}

func TestStatusesFollowASend(t *testing.T) {
	e := newEnv(t)
	r := newReceiver(t, 0)
	e.register(t, r)
	e.em.SetStatusDelay(time.Minute)
	e.em.AddUnreachable("+4915100000000")
	_, _ = e.em.Inbound(key, customer, "Anna", "Hi")
	_, _ = e.em.Inbound(key, "4915100000000", "Ghost", "Hi")
	ok := e.call(t, key, "POST", "/messages", text(customer, "Hello"))
	_ = e.call(t, key, "POST", "/messages", text("4915100000000", "Hello"))
	id := ok.body["messages"].([]any)[0].(map[string]any)["id"]

	got := collectStatuses(t, e, r, id)
	if strings.Join(got, " ") != "sent failed:131026" {
		t.Errorf("right after the send: %v", got)
	}
	e.clock.Advance(time.Minute)
	e.em.Tick()
	e.clock.Advance(time.Minute)
	e.em.Tick()
	got = collectStatuses(t, e, r, id)
	if strings.Join(got, " ") != "sent failed:131026 delivered read" {
		t.Errorf("after two minutes: %v", got)
	}
	if sent := e.em.Sent(key); sent[0].Status != "read" || sent[1].Status != "failed" {
		t.Errorf("recorded statuses %q %q", sent[0].Status, sent[1].Status)
	}
	if h := r.posts()[0].header.Get("X-Secret"); h != "abc" {
		t.Errorf("webhook header = %q", h)
	}
}

// collectStatuses flushes webhooks and lists the statuses received so
// far: the status name for message id, "failed:<code>" for failures.
func collectStatuses(t *testing.T, e *env, r *receiver, id any) []string {
	t.Helper()
	if err := e.em.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, p := range r.posts() {
		_, v := p.value()
		list, _ := v["statuses"].([]any)
		for _, item := range list {
			st := item.(map[string]any)
			switch {
			case st["status"] == "failed":
				code := st["errors"].([]any)[0].(map[string]any)["code"]
				out = append(out, fmt.Sprintf("failed:%v", code))
			case st["id"] == id:
				out = append(out, st["status"].(string))
			}
		}
	}
	return out
}

func TestMediaSendRulesAndReadMarks(t *testing.T) {
	e := newEnv(t)
	in, _ := e.em.Inbound(key, customer, "Anna", "Hi")
	id := e.upload(t, key, "audio/ogg", []byte("ogg")).body["id"].(string)
	send := func(typ string, media map[string]any) answer {
		return e.call(t, key, "POST", "/messages", map[string]any{"messaging_product": "whatsapp", "to": customer, "type": typ, typ: media})
	}
	if a := send("audio", map[string]any{"id": id, "caption": "no"}); a.status != 400 {
		t.Errorf("audio caption accepted: %s", a.raw)
	}
	if a := send("image", map[string]any{"link": "https://a.example/p.jpg", "filename": "p.jpg"}); a.status != 400 {
		t.Errorf("image filename accepted: %s", a.raw)
	}
	if a := send("document", map[string]any{"id": "999"}); a.code() != 131053 {
		t.Errorf("unknown media id: %s", a.raw)
	}
	if a := send("audio", map[string]any{"id": id}); a.status != 200 {
		t.Errorf("audio refused: %s", a.raw)
	}
	read := func(id string) answer {
		return e.call(t, key, "POST", "/messages", map[string]any{"messaging_product": "whatsapp", "status": "read", "message_id": id})
	}
	if a := read(in); a.status != 200 || a.body["success"] != true {
		t.Errorf("mark read: %s", a.raw)
	}
	if a := read("wamid.nope"); a.status != 400 {
		t.Errorf("unknown id marked read: %s", a.raw)
	}
	if got := e.em.ReadMarks(key); len(got) != 1 || got[0] != in {
		t.Errorf("read marks = %v", got)
	}
}
