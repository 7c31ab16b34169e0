package dialog360_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
)

// keyCatcher is a second server that records every request carrying the
// API key: the key must never reach it.
type keyCatcher struct {
	srv  *httptest.Server
	mu   sync.Mutex
	seen []string // "METHOD path" of requests that carried the key
}

func newKeyCatcher(t *testing.T) *keyCatcher {
	t.Helper()
	k := &keyCatcher{}
	k.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("D360-API-KEY") != "" {
			k.mu.Lock()
			k.seen = append(k.seen, r.Method+" "+r.URL.Path)
			k.mu.Unlock()
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[],"messages":[{"id":"wamid.stolen"}],"url":"x"}`))
	}))
	t.Cleanup(k.srv.Close)
	return k
}

func (k *keyCatcher) leaks() []string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return append([]string(nil), k.seen...)
}

// redirector answers every request with a redirect of the given status
// to the same path and query on target, and counts the requests.
func redirector(t *testing.T, status int, target string) (*httptest.Server, *atomic.Int64) {
	t.Helper()
	var n atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		http.Redirect(w, r, target+r.URL.RequestURI(), status)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

// call is one client method of each kind the client makes.
type call struct {
	name string
	run  func(ctx context.Context, c *dialog360.Client) error
}

var redirectCalls = []call{
	{"GET list templates", func(ctx context.Context, c *dialog360.Client) error {
		_, err := c.ListTemplates(ctx, nil)
		return err
	}},
	{"POST send text", func(ctx context.Context, c *dialog360.Client) error {
		_, err := c.SendText(ctx, customer, "Your order is ready", "")
		return err
	}},
	{"POST upload media", func(ctx context.Context, c *dialog360.Client) error {
		_, err := c.UploadMedia(ctx, "a.jpg", "image/jpeg", []byte("jpeg!"))
		return err
	}},
	{"GET download media", func(ctx context.Context, c *dialog360.Client) error {
		_, _, err := c.DownloadMedia(ctx, "media-1")
		return err
	}},
}

// TestTheKeyNeverFollowsARedirectToAnotherServer points the client at a
// server that redirects every request, with each redirect status, to a
// second server on another port: the key never reaches the second
// server, whether the client built its own HTTP client or was given one,
// and the call fails in plain words that name where it was sent.
func TestTheKeyNeverFollowsARedirectToAnotherServer(t *testing.T) {
	for _, status := range []int{http.StatusMovedPermanently, http.StatusFound, http.StatusSeeOther,
		http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		for _, given := range []bool{false, true} {
			for _, cl := range redirectCalls {
				name := fmt.Sprintf("%d/given=%v/%s", status, given, cl.name)
				t.Run(name, func(t *testing.T) {
					other := newKeyCatcher(t)
					first, asked := redirector(t, status, other.srv.URL)
					opts := []dialog360.Option{dialog360.WithBaseURL(first.URL), dialog360.WithRetry(3, 0)}
					if given {
						opts = append(opts, dialog360.WithHTTPClient(&http.Client{Transport: &http.Transport{}}))
					}
					c := dialog360.New(testKey, opts...)
					err := cl.run(t.Context(), c)
					if leaks := other.leaks(); len(leaks) > 0 {
						t.Fatalf("the API key reached the other server: %v", leaks)
					}
					var re *app.RedirectError
					if !errors.As(err, &re) {
						t.Fatalf("error = %v (%T), want a refused redirect", err, err)
					}
					pe := providerError(t, err, app.KindUnknown)
					otherHost := strings.TrimPrefix(other.srv.URL, "http://")
					if !strings.Contains(pe.Plain, otherHost) || !strings.Contains(pe.Plain, "API key stayed private") {
						t.Errorf("plain words = %q, want them to name %s and say the key stayed private", pe.Plain, otherHost)
					}
					if n := asked.Load(); n != 1 {
						t.Errorf("the first server was asked %d times, want once: a refused redirect is not retried", n)
					}
					if pe.MaybeSent || strings.Contains(pe.Error(), testKey) {
						t.Errorf("error = %+v: a redirect is an answer, not a maybe-sent message, and never shows the key", pe)
					}
				})
			}
		}
	}
}

// TestAGivenHTTPClientIsNotChanged checks that WithHTTPClient leaves the
// caller's client as it was.
func TestAGivenHTTPClientIsNotChanged(t *testing.T) {
	hc := &http.Client{}
	_ = dialog360.New(testKey, dialog360.WithHTTPClient(hc))
	if hc.CheckRedirect != nil {
		t.Fatal("WithHTTPClient changed the caller's client")
	}
}

// TestAMediaLinkToAnotherServerIsFetchedFrom360dialog answers a media
// lookup with a download link on another server. The client fetches the
// link's path from its own base URL, and when the base URL then redirects
// the download to the link's server, the client stops there: the other
// server never sees the key.
func TestAMediaLinkToAnotherServerIsFetchedFrom360dialog(t *testing.T) {
	for _, redirect := range []bool{false, true} {
		t.Run(fmt.Sprintf("redirect=%v", redirect), func(t *testing.T) {
			other := newKeyCatcher(t)
			base := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.Header.Get("D360-API-KEY") != testKey:
					http.Error(w, "no key", http.StatusUnauthorized)
				case r.URL.Path == "/media-1":
					w.Header().Set("Content-Type", "application/json")
					fmt.Fprintf(w, `{"id":"media-1","mime_type":"image/jpeg","url":%q}`,
						other.srv.URL+"/whatsapp_business/attachments/?mid=media-1")
				case redirect:
					http.Redirect(w, r, other.srv.URL+r.URL.RequestURI(), http.StatusFound)
				default:
					_, _ = w.Write([]byte("jpeg from 360dialog"))
				}
			}))
			t.Cleanup(base.Close)
			c := dialog360.New(testKey, dialog360.WithBaseURL(base.URL), dialog360.WithRetry(1, 0))
			got, _, err := c.DownloadMedia(t.Context(), "media-1")
			if leaks := other.leaks(); len(leaks) > 0 {
				t.Fatalf("the API key reached the server of the media link: %v", leaks)
			}
			var re *app.RedirectError
			switch {
			case !redirect && (err != nil || string(got) != "jpeg from 360dialog"):
				t.Fatalf("download = %q, %v; want the bytes from the base URL", got, err)
			case redirect && !errors.As(err, &re):
				t.Fatalf("download through a redirect elsewhere = %q, %v; want a refused redirect", got, err)
			}
		})
	}
}

// TestARedirectWithinTheSameServerIsFollowed keeps redirects that stay on
// 360dialog's own host and port working, key included.
func TestARedirectWithinTheSameServerIsFollowed(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/v1/configs/webhook" {
			http.Redirect(w, r, "/v1/configs/webhook/", http.StatusTemporaryRedirect)
			return
		}
		if r.Header.Get("D360-API-KEY") != testKey {
			http.Error(w, "no key", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"url":"https://shop.example.com/webhook/t"}`))
	}))
	t.Cleanup(srv.Close)
	c := dialog360.New(testKey, dialog360.WithBaseURL(srv.URL), dialog360.WithRetry(1, 0))
	got, err := c.Webhook(t.Context())
	if err != nil || got.URL != "https://shop.example.com/webhook/t" {
		t.Fatalf("Webhook through a same-server redirect = %+v, %v", got, err)
	}
}
