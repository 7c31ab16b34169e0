package app_test

import (
	"fmt"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/parley-app/parley/app"
)

// Issue 20: a profile answer Parley cannot read is an error the owner
// sees, never an empty profile that would look like fields removed on
// WhatsApp.
func TestProfileSyncShowsAnUnreadableAnswer(t *testing.T) {
	var garbled atomic.Bool
	w := buildWorld(t, false, func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(rw http.ResponseWriter, r *http.Request) {
			if garbled.Load() && r.Method == http.MethodGet && r.URL.Path == "/whatsapp_business_profile" {
				fmt.Fprint(rw, `{"data":[{"id":"106540352242922"}]}`)
				return
			}
			next.ServeHTTP(rw, r)
		})
	})
	ch := w.addChannel(t)
	w.emu.SetProfile(testKey, app.Profile{About: "Fresh bread", Email: "shop@example.com", Vertical: "GROCERY"})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}

	garbled.Store(true)
	_, err := w.core.SyncProfile(w.ctx, ch.ID)
	if err == nil || !strings.Contains(app.Explain(err), "360dialog answered with a business profile Parley cannot read") {
		t.Fatalf("sync of an unreadable answer: err = %v (%q)", err, app.Explain(err))
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	if rec.Remote.About != "Fresh bread" || rec.Remote.Email != "shop@example.com" {
		t.Fatalf("the unreadable answer replaced the profile: %+v", rec.Remote)
	}

	// An edit made meanwhile is not compared with an empty profile: it
	// waits, with the reason, and WhatsApp keeps its fields.
	edited := rec.Remote
	edited.About = "Fresh bread & cakes"
	res, err := w.core.SaveProfile(w.ctx, ch.ID, edited, nil)
	if err == nil || !res.Pending || len(res.Conflicts) != 0 || !strings.Contains(res.Message, "cannot read") {
		t.Fatalf("save against an unreadable answer: %+v, %v", res, err)
	}
	if p := w.emu.Profile(testKey); p.About != "Fresh bread" || p.Email != "shop@example.com" {
		t.Fatalf("WhatsApp changed: %+v", p)
	}

	garbled.Store(false)
	if res, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil || !res.Pushed {
		t.Fatalf("sync once readable again: %+v, %v", res, err)
	}
	if p := w.emu.Profile(testKey); p.About != "Fresh bread & cakes" || p.Email != "shop@example.com" {
		t.Fatalf("after the push: %+v", p)
	}
}

func TestProfileSyncReadsMetasNestedShape(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetNestedProfile(true)
	w.emu.SetProfile(testKey, app.Profile{About: "Fresh bread", Email: "shop@example.com", Vertical: "GROCERY",
		Websites: []string{"https://bakery.example"}})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	if r := rec.Remote; r.About != "Fresh bread" || r.Email != "shop@example.com" || r.Vertical != "GROCERY" || len(r.Websites) != 1 {
		t.Fatalf("nested answer read as %+v", r)
	}
}

func TestProfileRemovedEmailIsRemovedOnWhatsApp(t *testing.T) {
	w := newWorld(t)
	ch := w.addChannel(t)
	w.emu.SetProfile(testKey, app.Profile{About: "Fresh bread", Email: "shop@example.com", Vertical: "GROCERY"})
	if _, err := w.core.SyncProfile(w.ctx, ch.ID); err != nil {
		t.Fatal(err)
	}
	rec, _ := w.core.Profile(w.ctx, ch.ID)
	edited := rec.Remote
	edited.Email = ""
	res, err := w.core.SaveProfile(w.ctx, ch.ID, edited, nil)
	if err != nil || !res.Pushed {
		t.Fatalf("removing the email: %+v, %v", res, err)
	}
	if p := w.emu.Profile(testKey); p.Email != "" || p.About != "Fresh bread" {
		t.Fatalf("on WhatsApp after removing the email: %+v", p)
	}
}

// Issue 20: when 360dialog does not say which number a key belongs to,
// the channel is saved, and AddChannel says plainly that the match was not
// checked.
func TestAddChannelSaysWhenTheNumberCouldNotBeChecked(t *testing.T) {
	w := newWorld(t)
	w.emu.HideNumber(true)
	ch, err := w.core.AddChannel(w.ctx, app.NewChannel{Name: "Shop", Number: testNumber, APIKey: testKey})
	if err != nil {
		t.Fatalf("a working key whose number is unknown: %v", err)
	}
	want := "Parley could not check that this API key belongs to +49 30 123456"
	if !strings.HasPrefix(ch.NumberNote, want) {
		t.Fatalf("NumberNote = %q, want it to start with %q", ch.NumberNote, want)
	}
	if chs, _ := w.core.Channels(w.ctx); len(chs) != 1 || chs[0].PhoneNumber != testNumber {
		t.Fatalf("channels = %+v", chs)
	}
}

func TestAddChannelWithTheKeysNumberHasNoNote(t *testing.T) {
	w := newWorld(t)
	ch, err := w.core.AddChannel(w.ctx, app.NewChannel{Name: "Shop", Number: testNumber, APIKey: testKey})
	if err != nil || ch.NumberNote != "" {
		t.Fatalf("matching number: note %q, err %v", ch.NumberNote, err)
	}
}
