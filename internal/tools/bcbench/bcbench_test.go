package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/internal/demo"
	"github.com/parley-app/parley/persistence"
)

// A seeded broadcast waits, paused, until resume; then a core with the
// outbox and the runner drains it into the emulator, which counts every
// recipient once at /bench/sent: the seed's key and template are the
// ones the emulator accepts.
func TestSeededBroadcastDrainsIntoTheEmulatorAfterResume(t *testing.T) {
	ctx := context.Background()
	s, err := persistence.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ch, err := s.CreateChannel(ctx, app.Channel{Name: "Corner Shop", PhoneNumber: phoneNumber, Provider: app.ProviderName360dialog})
	if err != nil {
		t.Fatal(err)
	}
	var b app.InboundBatch
	for i := range 3 { // three customers wrote; the other two recipients are made up
		from := "4917" + strconv.Itoa(10_000_000+i)
		b.Contacts = append(b.Contacts, app.Contact{WAID: from, Name: "Customer " + strconv.Itoa(i)})
		b.Messages = append(b.Messages, app.Message{WAMessageID: "wamid.t" + strconv.Itoa(i), From: from, Type: app.MsgText,
			RawType: "text", Text: "Hi", Timestamp: time.Now().Add(-time.Hour)})
	}
	if _, err := s.IngestBatch(ctx, ch.ID, b); err != nil {
		t.Fatal(err)
	}
	secrets := demo.NewMemorySecrets()
	bc, err := seed(ctx, s, 5, func(string) app.SecretStore { return secrets })
	if err != nil {
		t.Fatal(err)
	}
	if bc.State != app.BroadcastPaused || bc.Totals.Recipients != 5 || bc.Totals.Waiting != 5 {
		t.Fatalf("seeded %s with %+v, want paused with 5 waiting", bc.State, bc.Totals)
	}
	if key, err := secrets.APIKey(ch.ID); err != nil || key != apiKey {
		t.Fatalf("the channel's key is %q, %v", key, err)
	}

	emu, err := newEmulator()
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Close()
	srv := httptest.NewServer(handler(emu))
	defer srv.Close()
	core := app.New(app.Deps{Store: s, Secrets: secrets, Providers: dialog360.Factory(dialog360.WithBaseURL(srv.URL))})
	run, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	wg.Go(func() { core.RunOutbox(run, app.OutboxOptions{}) })
	wg.Go(func() { core.RunBroadcasts(run) })
	defer func() { cancel(); wg.Wait() }()

	time.Sleep(300 * time.Millisecond) // the runner's first rounds: a paused broadcast sends nothing
	if n := sentCount(t, srv.URL); n != 0 {
		t.Fatalf("%d sent while paused", n)
	}
	if err := resume(ctx, s); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for sentCount(t, srv.URL) < 5 {
		if time.Now().After(deadline) {
			t.Fatalf("after 10 s the emulator got %d of 5", sentCount(t, srv.URL))
		}
		time.Sleep(50 * time.Millisecond) // polling another server's count
	}
	seen := map[string]bool{}
	for _, m := range emu.Sent(apiKey) {
		seen[m.To] = true
	}
	if !seen["491710000002"] || !seen["491600000004"] || len(seen) != 5 {
		t.Errorf("sent to %v, want the 3 customers and 2 made-up numbers", seen)
	}
	if err := resume(ctx, s); err == nil {
		t.Error("resume with nothing paused succeeded")
	}
}

// sentCount reads the emulator's /bench/sent.
func sentCount(t *testing.T, url string) int {
	t.Helper()
	resp, err := http.Get(url + "/bench/sent")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	n, err := strconv.Atoi(strings.TrimSpace(string(body)))
	if err != nil {
		t.Fatalf("/bench/sent = %q", body)
	}
	return n
}
