package dialog360_test

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
)

func TestSendTextOnlyInsideTheWindow(t *testing.T) {
	h := newHarness(t, nil)
	_, err := h.c.SendText(t.Context(), "+"+customer, "Hello", "")
	providerError(t, err, app.KindOutsideWindow)

	inID, err := h.em.Inbound(testKey, customer, "Anna", "Do you have tulips?")
	if err != nil {
		t.Fatal(err)
	}
	res, err := h.c.SendText(t.Context(), "+49 170 1234567", "Yes! See https://shop.example", inID)
	if err != nil {
		t.Fatalf("SendText: %v", err)
	}
	if !strings.HasPrefix(res.WAMessageID, "wamid.") || res.WAID != customer {
		t.Errorf("result = %+v", res)
	}
	sent := h.em.Sent(testKey)
	if len(sent) != 1 || sent[0].Text != "Yes! See https://shop.example" || sent[0].ReplyTo != inID || sent[0].To != customer {
		t.Errorf("sent = %+v", sent)
	}
	var body map[string]any
	_ = json.Unmarshal(sent[0].Raw, &body)
	if body["recipient_type"] != "individual" || body["to"] != customer || body["text"].(map[string]any)["preview_url"] != true {
		t.Errorf("request = %s", sent[0].Raw)
	}

	h.clock.Advance(app.WindowDuration)
	_, err = h.c.SendText(t.Context(), customer, "Still there?", "")
	providerError(t, err, app.KindOutsideWindow)
}

func TestSendTemplateFillsEveryParameter(t *testing.T) {
	h := newHarness(t, nil)
	tpl := fullTemplate("order_update")
	tpl.Buttons = append([]app.TemplateButton{{Type: app.ButtonQuickReply, Text: "Yes"}}, tpl.Buttons...)
	if err := h.em.AddTemplate(testKey, tpl); err != nil {
		t.Fatal(err)
	}
	send := app.TemplateSend{Name: "order_update", Language: "en_US", HeaderText: "#977",
		BodyParams: []string{"Anna", "#977"}, URLButtonParam: "977", URLButtonIndex: 2}
	if _, err := h.c.SendTemplate(t.Context(), customer, send); err != nil {
		t.Fatalf("SendTemplate outside the window: %v", err)
	}
	s := h.em.Sent(testKey)[0]
	if s.Text != "Hi Anna, your order #977 has shipped." || !slices.Equal(s.Template.BodyParams, []string{"Anna", "#977"}) ||
		s.Template.URLParams["2"] != "977" {
		t.Errorf("sent = %+v / %+v", s, s.Template)
	}
	if !strings.Contains(string(s.Raw), `"index":"2"`) || !strings.Contains(string(s.Raw), `"policy":"deterministic"`) {
		t.Errorf("request = %s", s.Raw)
	}
}

func TestSendTemplateProblems(t *testing.T) {
	h := newHarness(t, nil)
	for _, tpl := range []app.Template{
		{Name: "hello", Language: "en", Category: "UTILITY", Body: "Hi {{1}}", BodyExamples: []string{"Anna"}},
		{Name: "waiting", Language: "en", Category: "UTILITY", Body: "Hi", Status: app.TemplateSubmitted},
		{Name: "tired", Language: "en", Category: "UTILITY", Body: "Hi", Status: app.TemplatePaused},
		{Name: "photo", Language: "en", Category: "UTILITY", Body: "Look", Header: app.TemplateHeader{Format: app.HeaderImage, Example: "https://cdn.example/a.jpg"}},
	} {
		h.em.SetReviewDelay(time.Hour)
		if err := h.em.AddTemplate(testKey, tpl); err != nil {
			t.Fatal(err)
		}
	}
	for name, tc := range map[string]struct {
		send app.TemplateSend
		kind app.ErrorKind
	}{
		"too few params":   {app.TemplateSend{Name: "hello", Language: "en"}, app.KindParamMismatch},
		"too many params":  {app.TemplateSend{Name: "hello", Language: "en", BodyParams: []string{"a", "b"}}, app.KindParamMismatch},
		"unknown template": {app.TemplateSend{Name: "nope", Language: "en"}, app.KindTemplateNotFound},
		"wrong language":   {app.TemplateSend{Name: "hello", Language: "de", BodyParams: []string{"a"}}, app.KindTemplateNotFound},
		"not yet approved": {app.TemplateSend{Name: "waiting", Language: "en"}, app.KindTemplateNotFound},
		"paused":           {app.TemplateSend{Name: "tired", Language: "en"}, app.KindTemplateProblem},
		"header as video":  {app.TemplateSend{Name: "photo", Language: "en", HeaderMediaFormat: "VIDEO", HeaderMediaLink: "https://a.example/v.mp4"}, app.KindTemplateProblem},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := h.c.SendTemplate(t.Context(), customer, tc.send)
			providerError(t, err, tc.kind)
		})
	}
	res, err := h.c.SendTemplate(t.Context(), customer, app.TemplateSend{Name: "photo", Language: "en", HeaderMediaFormat: "IMAGE", HeaderMediaLink: "https://a.example/p.jpg"})
	if err != nil || res.WAMessageID == "" {
		t.Errorf("image header send: %+v, %v", res, err)
	}
}

func TestSendMediaFollowsCaptionAndFilenameRules(t *testing.T) {
	h := newHarness(t, nil)
	if _, err := h.em.Inbound(testKey, customer, "Anna", "Send me the invoice"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		kind     app.MessageType
		mime     string
		caption  string
		filename string
	}{
		{app.MsgDocument, "application/pdf", "Invoice", "invoice.pdf"},
		{app.MsgImage, "image/jpeg", "Tulips", ""},
		{app.MsgVoice, "audio/ogg", "", ""},
	} {
		id, err := h.c.UploadMedia(t.Context(), "file", tc.mime, []byte("data of "+tc.mime))
		if err != nil {
			t.Fatalf("UploadMedia %s: %v", tc.mime, err)
		}
		m := app.Media{ID: id, Caption: "Caption for everyone", Filename: "name.bin"}
		if _, err := h.c.SendMedia(t.Context(), customer, tc.kind, m, ""); err != nil {
			t.Fatalf("SendMedia %s: %v", tc.kind, err)
		}
	}
	sent := h.em.Sent(testKey)
	if len(sent) != 3 {
		t.Fatalf("sent %d", len(sent))
	}
	if sent[0].Type != "document" || sent[0].Caption == "" || sent[0].Filename != "name.bin" {
		t.Errorf("document = %+v", sent[0])
	}
	if sent[1].Type != "image" || sent[1].Caption == "" || sent[1].Filename != "" {
		t.Errorf("image = %+v", sent[1])
	}
	if sent[2].Type != "audio" || sent[2].Caption != "" || sent[2].Filename != "" {
		t.Errorf("voice = %+v", sent[2])
	}
	if _, err := h.c.SendMedia(t.Context(), customer, app.MsgLocation, app.Media{ID: "1"}, ""); err == nil {
		t.Error("a location was sent as media")
	}
}

func TestMarkRead(t *testing.T) {
	h := newHarness(t, nil)
	id, _ := h.em.Inbound(testKey, customer, "Anna", "Hi")
	if err := h.c.MarkRead(t.Context(), id); err != nil {
		t.Fatalf("MarkRead: %v", err)
	}
	if got := h.em.ReadMarks(testKey); !slices.Equal(got, []string{id}) {
		t.Errorf("read marks = %v", got)
	}
	providerError(t, h.c.MarkRead(t.Context(), "wamid.unknown"), app.KindInvalid)
	if n := len(h.rec.requests(http.MethodPost, "/messages")); n != 2 {
		t.Errorf("%d requests", n)
	}
}

// TestSendReadsHeldAndPausedMessages checks that a message WhatsApp holds
// back for a quality check, or pauses, says so in the send's result, and
// one it accepts does not.
func TestSendReadsHeldAndPausedMessages(t *testing.T) {
	for status, want := range map[string]app.DeliveryState{
		"accepted":                    "",
		"":                            "",
		"held_for_quality_assessment": app.StateHeld,
		"paused":                      app.StatePaused,
	} {
		t.Run(orNone(status), func(t *testing.T) {
			c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write([]byte(`{"messaging_product":"whatsapp","contacts":[{"input":"` + customer + `","wa_id":"` +
					customer + `"}],"messages":[{"id":"wamid.held1","message_status":"` + status + `"}]}`))
			})
			res, err := c.SendTemplate(t.Context(), customer, app.TemplateSend{Name: "summer_sale", Language: "en"})
			if err != nil {
				t.Fatalf("SendTemplate: %v", err)
			}
			if res.WAMessageID != "wamid.held1" || res.State != want {
				t.Errorf("result = %+v, want state %q", res, want)
			}
		})
	}
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
