package dialog360_test

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360/emulator"
)

func ptr[T any](v T) *T { return &v }

func TestProfileReadUpdateRoundTrip(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetProfile(testKey, app.Profile{About: "Fresh flowers", Address: "Hauptstr. 1", Vertical: "RETAIL",
		Websites: []string{"https://blumen.example"}})

	p, err := h.c.GetProfile(t.Context())
	if err != nil {
		t.Fatalf("GetProfile: %v", err)
	}
	if p.About != "Fresh flowers" || p.Address != "Hauptstr. 1" || p.Vertical != "RETAIL" || !slices.Equal(p.Websites, []string{"https://blumen.example"}) {
		t.Errorf("profile = %+v", p)
	}

	err = h.c.UpdateProfile(t.Context(), app.ProfileUpdate{
		About:    ptr("Flowers for every day"),
		Websites: ptr([]string{"https://blumen.example", "http://shop.example"}),
	})
	if err != nil {
		t.Fatalf("UpdateProfile: %v", err)
	}
	got := h.em.Profile(testKey)
	if got.About != "Flowers for every day" || got.Address != "Hauptstr. 1" || len(got.Websites) != 2 {
		t.Errorf("after update: %+v", got)
	}
	posts := h.rec.requests(http.MethodPost, "/whatsapp_business_profile")
	var sent map[string]any
	if err := json.Unmarshal(posts[len(posts)-1].Body, &sent); err != nil {
		t.Fatal(err)
	}
	keys := slices.Sorted(maps.Keys(sent))
	if want := []string{"about", "messaging_product", "websites"}; !slices.Equal(keys, want) {
		t.Errorf("sent fields %v, want only %v", keys, want)
	}
}

func TestProfileLimitsComeBackInPlainWords(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetProfile(testKey, app.Profile{About: "Hi", Vertical: "RETAIL"})
	for name, u := range map[string]app.ProfileUpdate{
		"about too long":  {About: ptr(strings.Repeat("a", 140))},
		"about emptied":   {About: ptr("")},
		"bad email":       {Email: ptr("anna@")},
		"three websites":  {Websites: ptr([]string{"https://a.example", "https://b.example", "https://c.example"})},
		"vertical reset":  {Vertical: ptr("")},
		"unknown picture": {PhotoHandle: "4::nothing"},
	} {
		t.Run(name, func(t *testing.T) {
			err := h.c.UpdateProfile(t.Context(), u)
			pe := providerError(t, err, app.KindInvalid)
			if pe.Code != 100 || !strings.HasPrefix(pe.Plain, "360dialog did not accept the request: ") {
				t.Errorf("error = %+v", pe)
			}
		})
	}
	if p := h.em.Profile(testKey); p.About != "Hi" || p.Vertical != "RETAIL" {
		t.Errorf("a refused update changed the profile: %+v", p)
	}
}

func TestProfilePhotoThroughResumableUpload(t *testing.T) {
	h := newHarness(t, nil)
	photo := []byte("\x89PNG\r\n\x1a\n fake png bytes")
	handle, err := h.c.UploadForHandle(t.Context(), "logo.png", "image/png", photo)
	if err != nil {
		t.Fatalf("UploadForHandle: %v", err)
	}
	start := h.rec.requests(http.MethodPost, "/uploads")
	if len(start) != 1 || start[0].Query != fmt.Sprintf("file_length=%d&file_name=logo.png&file_type=image%%2Fpng", len(photo)) {
		t.Errorf("start upload query = %+v", start)
	}
	if err := h.c.UpdateProfile(t.Context(), app.ProfileUpdate{PhotoHandle: handle}); err != nil {
		t.Fatalf("UpdateProfile: %v", err)
	}
	p, err := h.c.GetProfile(t.Context())
	if err != nil || p.PhotoURL == "" {
		t.Fatalf("GetProfile: %+v, %v", p, err)
	}
	resp, err := http.Get(p.PhotoURL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	if string(got) != string(photo) {
		t.Errorf("photo served = %q", got)
	}
}

func TestUploadSessionIDKeepsItsSignature(t *testing.T) {
	var sessionPath, sessionQuery, offset string
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/uploads" {
			io.WriteString(w, `{"id":"upload:MTphdHRhY2htZW50OjA=?sig=ARZx"}`)
			return
		}
		sessionPath, sessionQuery, offset = r.URL.Path, r.URL.RawQuery, r.Header.Get("file_offset")
		io.WriteString(w, `{"h":"2:c2FtcGxl"}`)
	})
	h, err := c.UploadForHandle(t.Context(), "a.jpg", "image/jpeg", []byte("jpeg"))
	if err != nil || h != "2:c2FtcGxl" {
		t.Fatalf("handle %q, err %v", h, err)
	}
	if sessionPath != "/upload:MTphdHRhY2htZW50OjA=" || sessionQuery != "sig=ARZx" || offset != "0" {
		t.Errorf("session call: %s ? %s, offset %q", sessionPath, sessionQuery, offset)
	}
}

func TestProfileReadsBothShapes(t *testing.T) {
	want := app.Profile{About: "Fresh flowers", Address: "Hauptstr. 1", Email: "shop@blumen.example", Vertical: "RETAIL",
		Websites: []string{"https://blumen.example"}}
	for name, opts := range map[string][]emulator.Option{
		"flat, as 360dialog's examples": nil,
		"nested, as Meta describes":     {emulator.WithNestedProfile()},
	} {
		t.Run(name, func(t *testing.T) {
			h := newHarness(t, opts)
			h.em.SetProfile(testKey, want)
			got, err := h.c.GetProfile(t.Context())
			if err != nil {
				t.Fatalf("GetProfile: %v", err)
			}
			if got.About != want.About || got.Address != want.Address || got.Email != want.Email ||
				got.Vertical != want.Vertical || !slices.Equal(got.Websites, want.Websites) {
				t.Errorf("read %+v, want %+v", got, want)
			}
			if err := h.c.UpdateProfile(t.Context(), app.ProfileUpdate{Address: ptr("Marktplatz 2")}); err != nil {
				t.Fatal(err)
			}
			if got, err := h.c.GetProfile(t.Context()); err != nil || got.Address != "Marktplatz 2" || got.About != want.About {
				t.Errorf("after update: %+v, %v", got, err)
			}
		})
	}
}

func TestProfileUnreadableAnswerIsAnError(t *testing.T) {
	for name, body := range map[string]string{
		"no data":                     `{"about":"Hi"}`,
		"data not a list":             `{"data":{"about":"Hi"}}`,
		"empty data":                  `{"data":[]}`,
		"entry not an object":         `{"data":["about"]}`,
		"neither fields nor nesting":  `{"data":[{"id":"106540352242922"}]}`,
		"business_profile not object": `{"data":[{"business_profile":"Hi"}]}`,
		"wrong type, flat":            `{"data":[{"about":"Hi","websites":"https://a.example"}]}`,
		"wrong type, nested":          `{"data":[{"business_profile":{"about":5}}]}`,
	} {
		t.Run(name, func(t *testing.T) {
			c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, body) })
			p, err := c.GetProfile(t.Context())
			pe := providerError(t, err, app.KindUnknown)
			if !strings.HasPrefix(pe.Plain, "360dialog answered with a business profile Parley cannot read") || pe.Temporary() {
				t.Errorf("error = %+v", pe)
			}
			if p.About != "" {
				t.Errorf("profile %+v returned with the error", p)
			}
		})
	}
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, `{"data":[{"messaging_product":"whatsapp"}]}`)
	})
	if p, err := c.GetProfile(t.Context()); err != nil || p.About != "" {
		t.Errorf("an empty profile (nothing filled in yet): %+v, %v", p, err)
	}
}

func TestProfileEmailIsRemovedTheWayTheAPIAccepts(t *testing.T) {
	h := newHarness(t, nil)
	h.em.SetProfile(testKey, app.Profile{About: "Hi", Email: "shop@blumen.example"})
	if err := h.c.UpdateProfile(t.Context(), app.ProfileUpdate{Email: ptr("")}); err != nil {
		t.Fatalf("removing the email: %v", err)
	}
	if p, err := h.c.GetProfile(t.Context()); err != nil || p.Email != "" || p.About != "Hi" {
		t.Errorf("after removing the email: %+v, %v", p, err)
	}
	err := h.c.UpdateProfile(t.Context(), app.ProfileUpdate{Email: ptr(" ")})
	if pe := providerError(t, err, app.KindInvalid); !strings.Contains(pe.Plain, "email") {
		t.Errorf("a blank email: %+v", pe)
	}
}
