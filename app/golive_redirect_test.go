package app_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestSendATestNeverCarriesTheSecretToAnotherServer plays a tunnel at
// https://example.com that redirects Parley's test delivery to a second
// server on another port, with each redirect status. The channel's secret
// never reaches the second server, and the owner is told in plain words
// where the tunnel pointed.
func TestSendATestNeverCarriesTheSecretToAnotherServer(t *testing.T) {
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		t.Run(fmt.Sprint(status), func(t *testing.T) {
			var mu sync.Mutex
			var leaked []string
			other := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				for _, h := range []string{app.WebhookSecretHeader, app.WebhookProbeHeader} {
					if r.Header.Get(h) != "" {
						mu.Lock()
						leaked = append(leaked, h)
						mu.Unlock()
					}
				}
			}))
			t.Cleanup(other.Close)
			tunnel := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL+r.URL.RequestURI(), status)
			}))
			t.Cleanup(tunnel.Close)
			// The probe client reaches https://example.com at the tunnel
			// and every other address (the other server) where it is.
			tr := tunnel.Client().Transport.(*http.Transport).Clone()
			tr.DialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
				if addr == "example.com:443" {
					addr = tunnel.Listener.Addr().String()
				}
				return (&net.Dialer{}).DialContext(ctx, network, addr)
			}
			client := &http.Client{Transport: tr}
			w, ch, _ := liveWorld(t, client)
			if _, err := w.core.RegisterWebhook(w.ctx, ch.ID, "https://example.com"); err != nil {
				t.Fatal(err)
			}
			err := w.core.TestWebhook(w.ctx, ch.ID)
			mu.Lock()
			defer mu.Unlock()
			if len(leaked) > 0 {
				t.Fatalf("the other server received %v", leaked)
			}
			otherHost := strings.TrimPrefix(other.URL, "https://")
			var verrs app.ValidationErrors
			if !errors.As(err, &verrs) || !strings.Contains(verrs[0].Message, "sends it on to "+otherHost) {
				t.Fatalf("Send a test = %v; want plain words naming %s", err, otherHost)
			}
			if client.CheckRedirect != nil {
				t.Error("the core changed the probe client it was given")
			}
		})
	}
}
