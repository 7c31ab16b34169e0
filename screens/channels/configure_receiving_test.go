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
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
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
		if e, ok := o.(*keyEntry); ok && e.PlaceHolder == placeholder {
			found = &e.Entry
		}
	})
	if found == nil {
		t.Fatalf("no entry with placeholder %q in %q", placeholder, screentest.VisibleTexts(o))
	}
	return found
}

// radio is the choice between Parley's tunnel and the owner's address.
func radio(t *testing.T, o fyne.CanvasObject) *widget.RadioGroup {
	t.Helper()
	var found *widget.RadioGroup
	screentest.WalkVisible(o, func(o fyne.CanvasObject) {
		if r, ok := o.(*widget.RadioGroup); ok {
			found = r
		}
	})
	if found == nil {
		t.Fatalf("no choice of how to receive in %q", screentest.VisibleTexts(o))
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
	radio(t, page).SetSelected(textModeOwn)
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
	if rs, _ := cw.Core.ReceivingSettings(cw.Ctx); rs.Mode != app.ReceivingOwnAddress {
		t.Errorf("after registering their own address, Parley receives by %q", rs.Mode)
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

// The owner goes live with Parley's own tunnel: a missing token and a
// wrong domain are explained at their fields; with both right, the token
// goes to the keyring, the tunnel opens, and the status says the channel
// receives through it.
func TestConfigureGoesLiveWithParleysTunnel(t *testing.T) {
	tunnels := testworld.NewTunnels(t)
	cw := newCoreWorldWith(t, func(d *app.Deps) { d.ProbeClient = tunnels.Client })
	rcv := receiver.New(receiver.Config{Channels: cw.Store, Ingester: cw.Store, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(cw.Ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	cw.Core.AttachReceiver(rcv)
	keeper := cw.Core.NewReceivingKeeper(app.ReceivingOptions{Tunnels: tunnels, Upstream: "http://" + rcv.Addr()})

	ch, page := openConfigureOf(t, cw)
	if radio(t, page).Selected != textModeTunnel {
		t.Fatalf("a channel without an address is offered %q first", radio(t, page).Selected)
	}
	use := screentest.Button(t, page, textUseTunnel)
	test.Tap(use)
	if !screentest.ShowsText(page, "Paste your ngrok token (dashboard.ngrok.com → Your Authtoken).") {
		t.Fatalf("no token: the page shows %q", screentest.VisibleTexts(page))
	}
	test.Type(entryWithPlaceholder(t, page, "Paste your ngrok token"), "2abc_token")
	test.Type(entryWithPlaceholder(t, page, "bakery.ngrok.app"), "bakery")
	test.Tap(use)
	if !screentest.ShowsText(page, "This is not a public domain.") {
		t.Fatalf("a wrong domain: the page shows %q", screentest.VisibleTexts(page))
	}
	domain := entryWithPlaceholder(t, page, "bakery.ngrok.app")
	domain.SetText("")
	test.Type(domain, "bakery.ngrok.app")
	test.Tap(use)
	if token, err := persistence.NewKeyringSecrets().TunnelToken(); err != nil || token != "2abc_token" {
		t.Fatalf("the keyring holds %q, %v", token, err)
	}

	keeper.CheckOnce(cw.Ctx) // the keeper's round, as Run does at once
	if !screentest.ShowsText(page, "Receiving: checked at") || !screentest.ShowsText(page, "through example.com") {
		t.Fatalf("after the tunnel opened the status reads %q", screentest.VisibleTexts(page))
	}
	if got := cw.Emu.Webhook(screentest.WorldKey).URL; !strings.HasSuffix(got, "/webhook/"+ch.WebhookToken) || !strings.HasPrefix(got, "https://example.com/") {
		t.Errorf("360dialog delivers to %q", got)
	}
	if opened := tunnels.Opened(); len(opened) != 1 || opened[0].Domain != "bakery.ngrok.app" {
		t.Errorf("tunnels opened: %+v", opened)
	}
}

// Configure shows the channel's history in plain words, newest first:
// a template's review from WhatsApp and an outage Parley noticed.
func TestConfigureShowsTheChannelsHistory(t *testing.T) {
	cw := newCoreWorld(t)
	ch, _ := openConfigureOf(t, cw)
	review := app.InboundBatch{Templates: []app.TemplateEvent{{Name: "order_ready", Language: "de", Event: "APPROVED"}}}
	if _, err := cw.Core.Ingest(cw.Ctx, ch.ID, review); err != nil {
		t.Fatal(err)
	}
	if err := cw.Store.RecordChannelEvent(cw.Ctx, ch.ID, app.ProviderEvent{Field: app.FieldReceiving, Title: "Not receiving messages",
		Detail: "Parley could not reach ngrok.", Timestamp: cw.Core.Now()}); err != nil {
		t.Fatal(err)
	}
	cw.shell.show(pageSpace) // away and back: Configure reads the history afresh
	cw.shell.show(pageChannels)
	test.Tap(screentest.Button(t, cw.shell.channels.Content, "Configure"))
	page := cw.Window.Canvas().Content()
	texts := strings.Join(screentest.VisibleTexts(page), " | ")
	outage, approved := strings.Index(texts, "Not receiving messages | Parley could not reach ngrok."), strings.Index(texts, "Template approved | order_ready (de)")
	if outage < 0 || approved < 0 || outage > approved {
		t.Fatalf("the history reads %q", texts)
	}
}
