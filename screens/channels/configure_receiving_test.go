package channels

import (
	"context"
	"net"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/testkit"
	"github.com/parley-app/parley/screens/screentest"
)

// entryWithPlaceholder finds the visible entry showing placeholder.
func entryWithPlaceholder(t *testing.T, o fyne.CanvasObject, placeholder string) *widget.Entry {
	t.Helper()
	var found *widget.Entry
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && e.PlaceHolder == placeholder {
			found = e
		}
	})
	if found == nil {
		t.Fatalf("no entry with placeholder %q in %q", placeholder, screentest.VisibleTexts(o))
	}
	return found
}

// The owner goes live from Configure: copies a tunnel command with
// Parley's real port, pastes the tunnel's address (a wrong one is
// explained at the field), registers it with 360dialog and sends a test
// that passes through the tunnel to this computer's receiver.
func TestConfigureGoesLiveThroughATunnel(t *testing.T) {
	tunnel := testkit.NewTunnel(t) // the owner's tunnel, at https://example.com
	cw := newCoreWorldWith(t, func(d *app.Deps) { d.ProbeClient = tunnel.Client })
	rcv := receiver.New(receiver.Config{Channels: cw.Store, Ingester: cw.Store, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(cw.Ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	cw.Core.AttachReceiver(rcv)
	tunnel.PointAt("http://" + rcv.Addr())
	_, port, _ := net.SplitHostPort(rcv.Addr())

	ch, page := openConfigureOf(t, cw)
	command := "cloudflared tunnel --url http://127.0.0.1:" + port
	for _, want := range []string{"Receiving messages", rcv.URLFor(ch), command, "ngrok http " + port, "tailscale funnel " + port, "None yet"} {
		if !screentest.ShowsText(page, want) {
			t.Errorf("Configure does not show %q", want)
		}
	}
	test.Tap(screentest.Button(t, page, "Copy command"))
	if got := fyne.CurrentApp().Clipboard().Content(); got != command {
		t.Errorf("Copy command put %q on the clipboard, want %q", got, command)
	}

	public := entryWithPlaceholder(t, page, "https://…")
	test.Type(public, "http://example.com")
	test.Tap(screentest.Button(t, page, "Register with 360dialog"))
	if !screentest.ShowsText(page, "The address must start with https://: 360dialog only delivers messages to secure (HTTPS) addresses.") {
		t.Fatalf("a plain-http address was not explained at the field: %q", screentest.VisibleTexts(page))
	}

	public.SetText("https://example.com")
	test.Tap(screentest.Button(t, page, "Register with 360dialog"))
	if !screentest.ShowsText(page, "Registered: 360dialog now delivers this number's messages to example.com. Send a test to check the tunnel.") {
		t.Fatalf("registering did not confirm: %q", screentest.VisibleTexts(page))
	}
	if got := cw.Emu.Webhook(screentest.WorldKey).URL; got != "https://example.com/webhook/"+ch.WebhookToken {
		t.Fatalf("360dialog has %q", got)
	}

	test.Tap(screentest.Button(t, page, "Send a test"))
	passed := false
	for _, s := range screentest.VisibleTexts(page) {
		passed = passed || strings.HasPrefix(s, "Test passed at ")
	}
	if !passed {
		t.Fatalf("the test through a working tunnel did not pass: %q", screentest.VisibleTexts(page))
	}

	tunnel.PointAt("http://127.0.0.1:1") // where nothing listens
	test.Tap(screentest.Button(t, page, "Send a test"))
	if !screentest.ShowsText(page, "The tunnel is running but cannot reach Parley on this computer (502). Check that the tunnel points at http://"+rcv.Addr()+", where Parley listens.") {
		t.Fatalf("a broken tunnel was not explained: %q", screentest.VisibleTexts(page))
	}
}
