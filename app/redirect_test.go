package app_test

import (
	"errors"
	"net/http"
	"testing"

	"github.com/parley-app/parley/app"
)

// TestSameServerRedirectsComparesSchemeHostAndPort checks which redirects
// stay on the first request's server: the scheme, the host (in any case)
// and the port (written out or the scheme's default) must all match.
func TestSameServerRedirectsComparesSchemeHostAndPort(t *testing.T) {
	hc := app.SameServerRedirects(nil)
	cases := []struct {
		from, to string
		same     bool
	}{
		{"https://waba-v2.360dialog.io/messages", "https://waba-v2.360dialog.io/messages/", true},
		{"https://waba-v2.360dialog.io/x", "https://WABA-v2.360dialog.io:443/y", true},
		{"http://127.0.0.1:8080/x", "http://127.0.0.1:8080/y?z=1", true},
		{"http://127.0.0.1:8080/x", "http://127.0.0.1:8081/x", false},
		{"https://waba-v2.360dialog.io/x", "http://waba-v2.360dialog.io/x", false},
		{"https://waba-v2.360dialog.io/x", "https://waba-v2.360dialog.io:8443/x", false},
		{"https://waba-v2.360dialog.io/x", "https://evil.360dialog.io/x", false},
		{"https://waba-v2.360dialog.io/x", "https://waba-v2.360dialog.io.evil.example/x", false},
	}
	for _, c := range cases {
		from, _ := http.NewRequest(http.MethodGet, c.from, nil)
		to, _ := http.NewRequest(http.MethodGet, c.to, nil)
		to.Response = &http.Response{StatusCode: http.StatusFound}
		err := hc.CheckRedirect(to, []*http.Request{from})
		var re *app.RedirectError
		switch {
		case c.same && err != nil:
			t.Errorf("%s → %s refused: %v", c.from, c.to, err)
		case !c.same && !errors.As(err, &re):
			t.Errorf("%s → %s followed, want a *RedirectError", c.from, c.to)
		case !c.same && re.Status != http.StatusFound:
			t.Errorf("%s → %s: status %d, want 302", c.from, c.to, re.Status)
		}
	}
}
