package dialog360_test

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
)

func TestMediaUploadInfoDownload(t *testing.T) {
	h := newHarness(t, nil)
	data := []byte("%PDF-1.4 fake invoice")
	id, err := h.c.UploadMedia(t.Context(), "invoice.pdf", "application/pdf", data)
	if err != nil {
		t.Fatalf("UploadMedia: %v", err)
	}
	info, err := h.c.MediaInfo(t.Context(), id)
	sum := sha256.Sum256(data)
	if err != nil || info.ID != id || info.MIMEType != "application/pdf" || info.Size != int64(len(data)) ||
		info.SHA256 != base64.StdEncoding.EncodeToString(sum[:]) || !strings.HasPrefix(info.URL, "https://lookaside.fbsbx.com/") {
		t.Errorf("info = %+v, %v", info, err)
	}
	got, m, err := h.c.DownloadMedia(t.Context(), id)
	if err != nil || string(got) != string(data) || m.MIMEType != "application/pdf" {
		t.Errorf("download = %q, %+v, %v", got, m, err)
	}
	dl := h.rec.requests(http.MethodGet, "/whatsapp_business/attachments/")
	if len(dl) != 1 || dl[0].Header.Get("D360-API-KEY") != testKey || !strings.Contains(dl[0].Query, "mid="+id) {
		t.Errorf("download request = %+v", dl)
	}
}

func TestInboundMediaCanBeDownloaded(t *testing.T) {
	h := newHarness(t, nil)
	var got []byte
	receiver := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, _ = io.ReadAll(r.Body)
	}))
	defer receiver.Close()
	if err := h.c.SetWebhook(t.Context(), app.WebhookConfig{URL: receiver.URL}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.em.InboundMedia(testKey, customer, "Anna", app.MsgImage, "", "image/jpeg", []byte("jpeg!"), "my dog"); err != nil {
		t.Fatal(err)
	}
	if err := h.em.Flush(t.Context()); err != nil {
		t.Fatal(err)
	}
	var env struct {
		Entry []struct {
			Changes []struct {
				Value struct {
					Messages []struct {
						Image struct{ ID, Caption string }
					}
				}
			}
		}
	}
	if err := json.Unmarshal(got, &env); err != nil {
		t.Fatalf("webhook %s: %v", got, err)
	}
	img := env.Entry[0].Changes[0].Value.Messages[0].Image
	data, m, err := h.c.DownloadMedia(t.Context(), img.ID)
	if err != nil || string(data) != "jpeg!" || m.MIMEType != "image/jpeg" || img.Caption != "my dog" {
		t.Errorf("download %q %+v %v (image %+v)", data, m, err, img)
	}
}

func TestMissingMediaIsExplained(t *testing.T) {
	h := newHarness(t, nil)
	_, err := h.c.MediaInfo(t.Context(), "123456")
	if pe := providerError(t, err, app.KindNotFound); !strings.Contains(pe.Plain, "no longer available") {
		t.Errorf("plain = %q", pe.Plain)
	}
	if len(h.slept()) != 0 {
		t.Error("a failed media lookup was retried")
	}
	other := h.client("other-key")
	h.em.AddNumber("other-key", "+14155550123", "Other")
	id, _ := h.c.UploadMedia(t.Context(), "a.jpg", "image/jpeg", []byte("a"))
	if _, _, err := other.DownloadMedia(t.Context(), id); app.KindOf(err) != app.KindNotFound {
		t.Errorf("another number's media: %v", err)
	}
}

func TestDownloadRewritesTheLookasideLink(t *testing.T) {
	var downloads []string
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/55":
			fmt.Fprint(w, `{"url":"https:\\/\\/lookaside.fbsbx.com\\/whatsapp_business\\/attachments\\/?mid=55&ext=1&hash=ab","mime_type":"image/webp","file_size":"4","id":"55"}`)
		case "/whatsapp_business/attachments/":
			downloads = append(downloads, r.URL.RawQuery+" key="+r.Header.Get("D360-API-KEY"))
			w.Header().Set("Content-Type", "image/webp")
			fmt.Fprint(w, "RIFF")
		default:
			http.NotFound(w, r)
		}
	})
	data, m, err := c.DownloadMedia(t.Context(), "55")
	if err != nil || string(data) != "RIFF" || m.Size != 4 || m.MIMEType != "image/webp" {
		t.Fatalf("download = %q %+v %v", data, m, err)
	}
	if len(downloads) != 1 || downloads[0] != "mid=55&ext=1&hash=ab key="+testKey {
		t.Errorf("downloads = %v", downloads)
	}
}

func TestDownloadNeverSendsTheKeyElsewhere(t *testing.T) {
	var hosts []string
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		hosts = append(hosts, r.Host+r.URL.Path)
		if r.URL.Path == "/7" {
			fmt.Fprint(w, `{"url":"https://evil.example/steal?x=1","id":"7"}`)
			return
		}
		fmt.Fprint(w, "ok")
	})
	if _, _, err := c.DownloadMedia(t.Context(), "7"); err != nil {
		t.Fatal(err)
	}
	for _, h := range hosts {
		if strings.Contains(h, "evil.example") {
			t.Errorf("request went to %s", h)
		}
	}
}
