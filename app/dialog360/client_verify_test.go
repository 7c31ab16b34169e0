package dialog360_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
)

func TestVerifyKeyReportsTheNumberOfTheKey(t *testing.T) {
	h := newHarness(t, nil)
	h.em.AddNumber("second-key", "+14155550123", "Second Shop")

	info, err := h.c.VerifyKey(t.Context())
	if err != nil {
		t.Fatalf("VerifyKey: %v", err)
	}
	if info.PhoneNumber != testPhone || info.DisplayName != testName {
		t.Errorf("info = %+v, want %s / %s", info, testPhone, testName)
	}
	other, err := h.client("second-key").VerifyKey(t.Context())
	if err != nil || other.PhoneNumber != "+14155550123" {
		t.Errorf("second key: %+v, %v", other, err)
	}
	if got := h.rec.requests(http.MethodGet, "/health_status"); len(got) != 2 || got[0].Header.Get("D360-API-KEY") != testKey {
		t.Errorf("requests = %+v", got)
	}
}

func TestVerifyKeyWrongKeySaysWhereToFindIt(t *testing.T) {
	h := newHarness(t, nil)
	_, err := h.client("not-a-key").VerifyKey(t.Context())
	pe := providerError(t, err, app.KindBadKey)
	if pe.HTTPStatus != 401 || !strings.Contains(pe.Plain, "360dialog hub") {
		t.Errorf("error = %+v", pe)
	}
	if len(h.slept()) != 0 {
		t.Errorf("a wrong key was retried: %v", h.slept())
	}
}

func TestVerifyKeyWithoutNumberFieldsLeavesNumberEmpty(t *testing.T) {
	c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("fields") != "" {
			w.WriteHeader(http.StatusBadRequest)
			fmt.Fprint(w, `{"error":{"message":"(#100) Tried accessing nonexisting field","code":100}}`)
			return
		}
		fmt.Fprint(w, `{"health_status":{"can_send_message":"AVAILABLE"},"id":"106540352242922"}`)
	})
	info, err := c.VerifyKey(t.Context())
	if err != nil || info != (app.NumberInfo{}) {
		t.Errorf("info = %+v, err = %v; want empty info and no error", info, err)
	}
}

func TestVerifyKeyFallsBackToWebhookConfig(t *testing.T) {
	for name, tc := range map[string]struct {
		webhookStatus int
		wantKind      app.ErrorKind
	}{
		"key accepted": {http.StatusOK, app.KindUnknown},
		"key refused":  {http.StatusUnauthorized, app.KindBadKey},
	} {
		t.Run(name, func(t *testing.T) {
			var paths []string
			c, _ := rawServer(t, func(w http.ResponseWriter, r *http.Request) {
				paths = append(paths, r.URL.Path)
				if r.URL.Path == "/health_status" {
					http.NotFound(w, r)
					return
				}
				w.WriteHeader(tc.webhookStatus)
				fmt.Fprint(w, `{"url":""}`)
			})
			info, err := c.VerifyKey(t.Context())
			if app.KindOf(err) != tc.wantKind || info.PhoneNumber != "" {
				t.Errorf("info %+v, err %v", info, err)
			}
			if tc.wantKind == app.KindUnknown && err != nil {
				t.Errorf("unexpected error %v", err)
			}
			if want := "/health_status /health_status /v1/configs/webhook"; strings.Join(paths, " ") != want {
				t.Errorf("paths = %v, want %s", paths, want)
			}
		})
	}
}

func TestFactoryMakesClients(t *testing.T) {
	h := newHarness(t, nil)
	p := dialog360.Factory(dialog360.WithBaseURL(h.srv.URL))(testKey)
	if info, err := p.VerifyKey(t.Context()); err != nil || info.PhoneNumber != testPhone {
		t.Errorf("factory provider: %+v, %v", info, err)
	}
}

func TestVerifyKeyAgainstEmulatorWithoutNumber(t *testing.T) {
	h := newHarness(t, nil)
	h.em.HideNumber(true)
	info, err := h.c.VerifyKey(t.Context())
	if err != nil || info.PhoneNumber != "" {
		t.Errorf("info = %+v, err = %v; want a working key with no number", info, err)
	}
	h.em.HideNumber(false)
	if info, err := h.c.VerifyKey(t.Context()); err != nil || info.PhoneNumber == "" {
		t.Errorf("info = %+v, err = %v; want the number", info, err)
	}
}
