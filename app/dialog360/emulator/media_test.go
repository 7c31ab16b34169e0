package emulator_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

// upload posts a multipart media upload.
func (e *env) upload(t *testing.T, k, mimeType string, data []byte) answer {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("messaging_product", "whatsapp")
	h := make(map[string][]string)
	h["Content-Disposition"] = []string{`form-data; name="file"; filename="f"`}
	h["Content-Type"] = []string{mimeType}
	p, _ := w.CreatePart(h)
	_, _ = p.Write(data)
	_ = w.Close()
	req, _ := http.NewRequest("POST", e.srv.URL+"/media", &buf)
	req.Header.Set("D360-API-KEY", k)
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	a := answer{status: resp.StatusCode, raw: raw}
	_ = json.Unmarshal(raw, &a.body)
	return a
}

func TestMediaStoreAndLookasideDownload(t *testing.T) {
	e := newEnv(t)
	e.em.AddNumber("other", "+14155550123", "Other")
	up := e.upload(t, key, "image/png", []byte("png data"))
	id, _ := up.body["id"].(string)
	if up.status != 200 || id == "" {
		t.Fatalf("upload: %d %s", up.status, up.raw)
	}
	info := e.call(t, key, "GET", "/"+id, nil)
	link, _ := info.body["url"].(string)
	if info.body["mime_type"] != "image/png" || info.body["file_size"] != float64(8) || !strings.HasPrefix(link, "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid="+id) {
		t.Errorf("info = %s", info.raw)
	}
	u, _ := url.Parse(link)
	path := u.Path + "?" + u.RawQuery
	if dl := e.call(t, key, "GET", path, nil); dl.status != 200 || string(dl.raw) != "png data" || dl.header.Get("Content-Type") != "image/png" {
		t.Errorf("download: %d %q", dl.status, dl.raw)
	}
	if dl := e.call(t, "other", "GET", path, nil); dl.status != 404 {
		t.Errorf("another key downloaded it: %d", dl.status)
	}
	if dl := e.call(t, key, "GET", strings.Replace(path, "hash=", "hash=x", 1), nil); dl.status != 404 {
		t.Errorf("a wrong hash downloaded it: %d", dl.status)
	}
	if other := e.call(t, "other", "GET", "/"+id, nil); other.status != 400 || other.subcode() != 33 {
		t.Errorf("another key sees it: %s", other.raw)
	}
	if del := e.call(t, key, "DELETE", "/"+id, nil); del.status != 200 {
		t.Errorf("delete: %s", del.raw)
	}
	if gone := e.call(t, key, "GET", "/"+id, nil); gone.status != 400 {
		t.Errorf("deleted media still there: %s", gone.raw)
	}
}

func TestMediaUploadLimits(t *testing.T) {
	e := newEnv(t)
	for name, tc := range map[string]struct {
		mime string
		size int
	}{
		"unsupported type": {"application/x-msdownload", 10},
		"image over 5 MB":  {"image/jpeg", 5<<20 + 1},
		"empty":            {"image/jpeg", 0},
	} {
		if a := e.upload(t, key, tc.mime, make([]byte, tc.size)); a.status != 400 || a.code() != 131053 && a.code() != 100 {
			t.Errorf("%s: %d %s", name, a.status, a.raw)
		}
	}
}

func TestResumableUpload(t *testing.T) {
	e := newEnv(t)
	start := e.call(t, key, "POST", "/uploads?file_name=a.jpg&file_length=6&file_type=image/jpeg", nil)
	id, _ := start.body["id"].(string)
	if start.status != 200 || !strings.HasPrefix(id, "upload:") || !strings.Contains(id, "?sig=") {
		t.Fatalf("start: %s", start.raw)
	}
	if a := e.call(t, key, "POST", "/"+id, []byte("abc"), "file_offset", "1"); a.status != 400 {
		t.Errorf("a wrong offset was accepted: %s", a.raw)
	}
	part := e.call(t, key, "POST", "/"+id, []byte("abc"), "file_offset", "0")
	if part.body["file_offset"] != float64(3) {
		t.Errorf("part: %s", part.raw)
	}
	if st := e.call(t, key, "GET", "/"+id, nil); st.body["file_offset"] != float64(3) {
		t.Errorf("resume state: %s", st.raw)
	}
	done := e.call(t, key, "POST", "/"+id, []byte("def"), "file_offset", "3")
	if h, _ := done.body["h"].(string); !strings.HasPrefix(h, "4::") {
		t.Errorf("done: %s", done.raw)
	}
	noSig := strings.Split(id, "?")[0]
	if a := e.call(t, key, "GET", "/"+noSig, nil); a.status != 400 {
		t.Errorf("session without signature: %d", a.status)
	}
	for _, q := range []string{"file_length=6&file_type=image/jpeg", "file_name=a&file_length=0&file_type=image/jpeg", "file_name=a&file_length=6&file_type=text/html"} {
		if a := e.call(t, key, "POST", "/uploads?"+q, nil); a.status != 400 {
			t.Errorf("start %s accepted", q)
		}
	}
}

func TestCustomerMediaExpiresAfterItsTTL(t *testing.T) {
	e := newEnv(t, emulator.WithMediaTTL(48*time.Hour))
	r := newReceiver(t, 0)
	e.register(t, r)
	wamid, err := e.em.InboundMedia(key, "491701234567", "Anna", app.MsgDocument, "bill.pdf", "application/pdf", []byte("%PDF-1.4"), "")
	if err != nil || wamid == "" {
		t.Fatal(wamid, err)
	}
	id := e.onlyMediaID(t, r)
	e.clock.Advance(47 * time.Hour)
	if a := e.call(t, key, "GET", "/"+id, nil); a.status != 200 {
		t.Fatalf("before its TTL: %d %s", a.status, a.raw)
	}
	e.clock.Advance(time.Hour)
	a := e.call(t, key, "GET", "/"+id, nil)
	if a.status != 400 || a.code() != 100 || a.subcode() != 33 {
		t.Fatalf("after its TTL: %d %s, want WhatsApp's unknown-object error", a.status, a.raw)
	}
}

// onlyMediaID returns the media id of the one customer message queued.
func (e *env) onlyMediaID(t *testing.T, r *receiver) string {
	t.Helper()
	if err := e.em.Flush(context.Background()); err != nil {
		t.Fatal(err)
	}
	ps := r.posts()
	if len(ps) != 1 {
		t.Fatalf("%d webhooks, want 1", len(ps))
	}
	_, v := ps[0].value()
	msg := v["messages"].([]any)[0].(map[string]any)
	return msg["document"].(map[string]any)["id"].(string)
}

// A photo header is sent by the id of an uploaded photo or by a web
// link. A template's review sample as uploaded, a handle, is no link:
// WhatsApp cannot download it and refuses the send, as it refuses an
// unknown id or a PDF where the template has a photo.
func TestTemplateMediaHeaderNeedsAnUploadOrALink(t *testing.T) {
	e := newEnv(t)
	png := []byte("\x89PNG\r\n\x1a\n photo")
	if err := e.em.AddTemplate(key, app.Template{Name: "offer", Language: "en", Category: "MARKETING", Body: "Spring sale!",
		Header: app.TemplateHeader{Format: app.HeaderImage, Media: png, MediaName: "sample.png", MediaMIME: "image/png"}}); err != nil {
		t.Fatal(err)
	}
	// The resumable upload's handle, what a submitted template keeps as
	// its sample until WhatsApp lists it with a link.
	start := e.call(t, key, "POST", fmt.Sprintf("/uploads?file_name=spring.png&file_length=%d&file_type=image/png", len(png)), nil)
	session, _ := start.body["id"].(string)
	handle, _ := e.call(t, key, "POST", "/"+session, png, "file_offset", "0").body["h"].(string)
	if handle == "" {
		t.Fatalf("no upload handle: %s", start.raw)
	}
	photoID, _ := e.upload(t, key, "image/png", png).body["id"].(string)
	pdfID, _ := e.upload(t, key, "application/pdf", []byte("%PDF-1.4")).body["id"].(string)
	header := func(ref map[string]string) map[string]any {
		return map[string]any{"type": "header", "parameters": []map[string]any{{"type": "image", "image": ref}}}
	}
	for name, tc := range map[string]struct {
		ref  map[string]string
		code int
	}{
		"uploaded photo":      {map[string]string{"id": photoID}, 0},
		"web link":            {map[string]string{"link": "https://shop.example/spring.png"}, 0},
		"upload handle":       {map[string]string{"link": handle}, 131053},
		"handle of the other": {map[string]string{"link": "h:aW1hZ2UvcG5n"}, 131053},
		"unknown id":          {map[string]string{"id": "9000000000000000"}, 131053},
		"PDF for a photo":     {map[string]string{"id": pdfID}, 132012},
	} {
		t.Run(name, func(t *testing.T) {
			a := e.call(t, key, "POST", "/messages", templateSend("offer", "en", header(tc.ref)))
			if tc.code == 0 && a.status != 200 || tc.code != 0 && (a.status != 400 || a.code() != tc.code) {
				t.Errorf("got %d %s", a.status, a.raw)
			}
		})
	}
	sent := e.em.Sent(key)
	if len(sent) != 2 {
		t.Fatalf("sent = %+v", sent)
	}
	for _, s := range sent {
		if s.Template.HeaderMediaID != photoID && s.Template.HeaderMediaLink != "https://shop.example/spring.png" {
			t.Errorf("recorded header %+v", s.Template)
		}
	}
	if m, ok := e.em.Media(key, photoID); !ok || !bytes.Equal(m.Data, png) || m.MIMEType != "image/png" {
		t.Errorf("the uploaded photo reads back as %+v, %v", m, ok)
	}
}
