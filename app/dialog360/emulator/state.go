package emulator

import (
	"fmt"
	"strings"
	"time"

	"github.com/nyaruka/phonenumbers"

	"github.com/parley-app/parley/app"
)

// account is one phone number and everything 360dialog keeps about it.
type account struct {
	key         string
	phone       string // E.164
	phoneID     string
	wabaID      string
	name        string
	profile     app.Profile // PhotoURL unused: see photo
	photo       string      // blob id of the profile photo
	templates   []*template
	deleted     map[string]time.Time // template name → deletion time
	sent        []*SentMessage
	lastInbound map[string]time.Time // wa_id → last customer message
	inboundIDs  map[string]bool
	readMarks   []string
	webhook     app.WebhookConfig
}

// AddNumber registers a number reached with apiKey. phoneE164 is the
// number in international format, displayName its verified name. Adding
// a key again updates its number and name and keeps its data.
func (e *Emulator) AddNumber(apiKey, phoneE164, displayName string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.accounts[apiKey]; a != nil {
		a.phone, a.name = "+"+digits(phoneE164), displayName
		return
	}
	e.accounts[apiKey] = &account{
		key:         apiKey,
		phone:       "+" + digits(phoneE164),
		phoneID:     fmt.Sprintf("1%014d", e.nextLocked()),
		wabaID:      fmt.Sprintf("2%014d", e.nextLocked()),
		name:        displayName,
		profile:     app.Profile{About: "Hello! We answer on WhatsApp."},
		deleted:     map[string]time.Time{},
		lastInbound: map[string]time.Time{},
		inboundIDs:  map[string]bool{},
	}
}

// Profile returns the business profile of the number with apiKey; its
// PhotoURL points at the emulator when a photo was set.
func (e *Emulator) Profile(apiKey string) app.Profile {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return app.Profile{}
	}
	return e.profileLocked(a)
}

// SetProfile replaces the business profile of the number with apiKey,
// without validation (PhotoURL is ignored).
func (e *Emulator) SetProfile(apiKey string, p app.Profile) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.accounts[apiKey]; a != nil {
		p.Websites = append([]string(nil), p.Websites...)
		p.PhotoURL = ""
		a.profile = p
	}
}

// Webhook returns the webhook registered for the number with apiKey.
func (e *Emulator) Webhook(apiKey string) app.WebhookConfig {
	e.mu.Lock()
	defer e.mu.Unlock()
	a := e.accounts[apiKey]
	if a == nil {
		return app.WebhookConfig{}
	}
	return copyWebhook(a.webhook)
}

// LastInbound returns when customer waID last wrote to the number with
// apiKey, zero if never: the start of the 24-hour window.
func (e *Emulator) LastInbound(apiKey, waID string) time.Time {
	e.mu.Lock()
	defer e.mu.Unlock()
	if a := e.accounts[apiKey]; a != nil {
		return a.lastInbound[digits(waID)]
	}
	return time.Time{}
}

func (e *Emulator) profileLocked(a *account) app.Profile {
	p := a.profile
	p.Websites = append([]string(nil), p.Websites...)
	if a.photo != "" {
		p.PhotoURL = e.publicURLLocked("/cdn/" + a.photo)
	}
	return p
}

// publicURLLocked makes an absolute URL on the host clients use.
func (e *Emulator) publicURLLocked(path string) string {
	host := e.lastHost
	if host == "" {
		host = "127.0.0.1"
	}
	return "http://" + host + path
}

// nextLocked returns a fresh sequence number.
func (e *Emulator) nextLocked() int64 {
	e.seq++
	return e.seq
}

// digits keeps only the digits of s.
func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// displayNumber formats an E.164 number the way Meta shows it,
// e.g. "+49 30 123456".
func displayNumber(e164 string) string {
	n, err := phonenumbers.Parse(e164, "")
	if err != nil {
		return e164
	}
	return phonenumbers.Format(n, phonenumbers.INTERNATIONAL)
}

// isMediaID reports whether s looks like a media id (digits only).
func isMediaID(s string) bool {
	return s != "" && digits(s) == s
}

func copyWebhook(w app.WebhookConfig) app.WebhookConfig {
	out := app.WebhookConfig{URL: w.URL}
	if len(w.Headers) > 0 {
		out.Headers = make(map[string]string, len(w.Headers))
		for k, v := range w.Headers {
			out.Headers[k] = v
		}
	}
	return out
}
