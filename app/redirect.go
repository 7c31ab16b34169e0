package app

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
)

// maxRedirects is how many redirects within one server are followed, as
// many as Go's default client follows.
const maxRedirects = 10

// RedirectError is a redirect that Parley refused to follow because it
// leads to another server than the one asked (another scheme, host or
// port). Go sends a request's headers on with a redirect, and Parley's
// headers carry secrets: the 360dialog API key and the webhook secret.
type RedirectError struct {
	From   string // origin asked, e.g. "https://waba-v2.360dialog.io:443"
	To     string // origin the answer pointed at
	Status int    // HTTP status of the redirect, e.g. 302
}

// Error implements error. It names the two servers, never a path or a
// query, which may carry tokens.
func (e *RedirectError) Error() string {
	return fmt.Sprintf("refused redirect (HTTP %d) from %s to another server, %s", e.Status, e.From, e.To)
}

// ToHost returns the host (and port, when not the scheme's default) the
// refused redirect pointed at, for messages to the owner.
func (e *RedirectError) ToHost() string {
	u, err := url.Parse(e.To)
	if err != nil {
		return e.To
	}
	host, port := u.Hostname(), u.Port()
	if port == defaultPort(u.Scheme) {
		return host
	}
	return net.JoinHostPort(host, port)
}

// SameServerRedirects returns a copy of hc (a plain client when hc is
// nil) that follows a redirect only when it stays on the server of the
// first request: same scheme, host and port. A redirect elsewhere fails
// the request with a *RedirectError before anything is sent there. hc
// itself is not changed; its own CheckRedirect, if any, still decides
// about redirects within the server.
func SameServerRedirects(hc *http.Client) *http.Client {
	var cp http.Client
	if hc != nil {
		cp = *hc
	}
	next := cp.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		from, to := origin(via[0].URL), origin(req.URL)
		if from != to {
			status := 0
			if req.Response != nil {
				status = req.Response.StatusCode
			}
			return &RedirectError{From: from, To: to, Status: status}
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= maxRedirects {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &cp
}

// origin returns u's scheme, host and port in a comparable form:
// lower case, with the scheme's default port written out.
func origin(u *url.URL) string {
	scheme := strings.ToLower(u.Scheme)
	port := u.Port()
	if port == "" {
		port = defaultPort(scheme)
	}
	return scheme + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}

// defaultPort is the port a scheme uses when a URL names none.
func defaultPort(scheme string) string {
	switch strings.ToLower(scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}
