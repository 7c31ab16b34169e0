package app_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/parley-app/parley/app"
	"github.com/parley-app/parley/app/dialog360"
	"github.com/parley-app/parley/app/receiver"
	"github.com/parley-app/parley/internal/testworld"
	"github.com/parley-app/parley/persistence"
)

// keeperWorld is a world whose core receives through a running receiver
// and opens its tunnels at a fake provider on this computer.
type keeperWorld struct {
	*world
	ch      app.Channel
	tunnels *testworld.Tunnels
	keeper  *app.ReceivingKeeper
	events  []app.Event
}

func newKeeperWorld(t *testing.T) *keeperWorld {
	t.Helper()
	keyring.MockInit()
	w := newWorld(t)
	ts := testworld.NewTunnels(t)
	secrets := persistence.NewKeyringSecrets()
	w.core = app.New(app.Deps{Store: w.store, Secrets: secrets, TunnelTokens: secrets, Clock: w.clock, ProbeClient: ts.Client,
		Providers: dialog360.Factory(dialog360.WithBaseURL(w.server.URL), dialog360.WithRetry(1, 0))})
	ch := w.addChannel(t)
	rcv := receiver.New(receiver.Config{Channels: w.store, Ingester: w.store, Parse: dialog360.ParseWebhook})
	if err := rcv.Start(w.ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = rcv.Shutdown(context.Background()) })
	w.core.AttachReceiver(rcv)
	kw := &keeperWorld{world: w, ch: ch, tunnels: ts}
	kw.keeper = w.core.NewReceivingKeeper(app.ReceivingOptions{Tunnels: ts, Upstream: "http://" + rcv.Addr()})
	w.core.Events().Subscribe(func(e app.Event) {
		if e.Kind == app.EventReceivingChanged && e.Receiving != nil {
			kw.events = append(kw.events, e)
		}
	})
	return kw
}

// channel is the channel's state after the last round.
func (kw *keeperWorld) channel(t *testing.T) app.ChannelReceiving {
	t.Helper()
	for _, c := range kw.keeper.Status().Channels {
		if c.ChannelID == kw.ch.ID {
			return c
		}
	}
	t.Fatalf("the status names no channel %d: %+v", kw.ch.ID, kw.keeper.Status())
	return app.ChannelReceiving{}
}

// registered is the address 360dialog delivers the number's messages to.
func (kw *keeperWorld) registered() app.WebhookConfig { return kw.emu.Webhook(testKey) }

// The owner pastes the tunnel's token once: Parley opens its tunnel,
// registers the channel's address behind it with its secret, and a test
// delivery through it arrives.
func TestTunnelOpensAndRegistersTheChannel(t *testing.T) {
	kw := newKeeperWorld(t)
	if err := kw.core.UseTunnel(kw.ctx, " 2abc_token ", "https://Bakery.ngrok.app/"); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)

	st := kw.keeper.Status()
	if st.Mode != app.ReceivingTunnel || st.PublicURL == "" || st.TunnelProblem != nil {
		t.Fatalf("status %+v: want the tunnel open", st)
	}
	opened := kw.tunnels.Opened()
	if len(opened) != 1 || opened[0].Token != "2abc_token" || opened[0].Domain != "bakery.ngrok.app" || !strings.HasPrefix(opened[0].Upstream, "http://127.0.0.1:") {
		t.Fatalf("tunnels opened: %+v", opened)
	}
	want := st.PublicURL + "/webhook/" + kw.ch.WebhookToken
	if got := kw.registered(); got.URL != want || got.Headers[app.WebhookSecretHeader] != kw.ch.WebhookSecret {
		t.Fatalf("360dialog has %+v, want %s with the channel's secret", got, want)
	}
	if c := kw.channel(t); c.State != app.ReceivingOK || c.Problem != nil {
		t.Fatalf("the channel is %+v, want receiving", c)
	}
	if len(kw.events) != 1 || kw.events[0].Receiving.State != app.ReceivingOK {
		t.Errorf("events %+v, want one: receiving", kw.events)
	}
}

// The tunnel drops and cannot open again (no network): the channel is
// down, with the reason in plain words, told once however often it is
// checked. When the tunnel opens again, at a new address, Parley
// registers that address and says how long messages waited.
func TestTunnelOutageIsToldOnceAndItsRecoveryRegistersTheNewAddress(t *testing.T) {
	kw := newKeeperWorld(t)
	if err := kw.core.UseTunnel(kw.ctx, "2abc_token", ""); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)
	first := kw.keeper.Status().PublicURL
	down := kw.clock.Now()

	offline := &app.TunnelError{Plain: "Parley could not reach ngrok. Check this computer's internet connection."}
	kw.tunnels.Refuse(offline)
	kw.tunnels.Kill(errors.New("connection reset"))
	kw.keeper.CheckOnce(kw.ctx)
	c := kw.channel(t)
	if c.State != app.ReceivingDown || app.Explain(c.Problem) != offline.Plain || !c.DownSince.Equal(down) {
		t.Fatalf("after the tunnel dropped: %+v (%q)", c, app.Explain(c.Problem))
	}
	for range 3 {
		kw.clock.Advance(10 * time.Minute)
		kw.keeper.CheckOnce(kw.ctx)
	}
	if n := len(kw.events); n != 2 {
		t.Fatalf("%d events, want 2 (receiving, then down once): %+v", n, kw.events)
	}

	kw.tunnels.Refuse(nil)
	kw.clock.Advance(10 * time.Minute)
	back := kw.clock.Now()
	kw.keeper.CheckOnce(kw.ctx)
	st := kw.keeper.Status()
	if st.PublicURL == "" || st.PublicURL == first {
		t.Fatalf("the tunnel reopened at %q (before %q)", st.PublicURL, first)
	}
	if got := kw.registered().URL; got != st.PublicURL+"/webhook/"+kw.ch.WebhookToken {
		t.Errorf("360dialog still delivers to %s", got)
	}
	c = kw.channel(t)
	if c.State != app.ReceivingOK || c.Recovered == nil || !c.Recovered.From.Equal(down) || !c.Recovered.To.Equal(back) {
		t.Fatalf("after recovery: %+v", c)
	}
	last := kw.events[len(kw.events)-1].Receiving
	if last.Recovered == nil || len(kw.events) != 3 {
		t.Errorf("events %+v, want the recovery told once", kw.events)
	}
	history, err := kw.core.ChannelHistory(kw.ctx, kw.ch.ID, 10)
	if err != nil || len(history) != 2 || history[1].Title != "Not receiving messages" || history[1].Detail != offline.Plain ||
		history[0].Title != "Receiving messages again" || history[0].Field != app.FieldReceiving {
		t.Errorf("the channel's history holds %+v, %v; want the outage and its end, newest first", history, err)
	}
}

// Someone points the number's webhook elsewhere at 360dialog: the next
// check says where it goes now, and Parley does not fight over it; the
// owner's choice to use the tunnel again registers it back.
func TestWebhookChangedAt360dialogIsReported(t *testing.T) {
	kw := newKeeperWorld(t)
	if err := kw.core.UseTunnel(kw.ctx, "2abc_token", ""); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)
	other := dialog360.New(testKey, dialog360.WithBaseURL(kw.server.URL))
	if err := other.SetWebhook(kw.ctx, app.WebhookConfig{URL: "https://other-tool.example/hook"}); err != nil {
		t.Fatal(err)
	}
	kw.clock.Advance(app.DefaultReceivingInterval)
	kw.keeper.CheckOnce(kw.ctx)
	c := kw.channel(t)
	if c.State != app.ReceivingDown || !errors.Is(c.Problem, app.ErrWebhookElsewhere) || !strings.Contains(app.Explain(c.Problem), "other-tool.example") {
		t.Fatalf("after the change at 360dialog: %+v (%q)", c, app.Explain(c.Problem))
	}
	if got := kw.registered().URL; got != "https://other-tool.example/hook" {
		t.Fatalf("Parley changed the webhook back on its own to %s", got)
	}
	if err := kw.core.UseTunnel(kw.ctx, "", ""); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)
	if c := kw.channel(t); c.State != app.ReceivingOK {
		t.Fatalf("after choosing the tunnel again: %+v", c)
	}
}

// A token the provider refuses is shown in the provider's plain words,
// on the tunnel and on the channel; without a saved token, the owner is
// asked for one at the field.
func TestRefusedOrMissingTokenIsExplained(t *testing.T) {
	kw := newKeeperWorld(t)
	var verrs app.ValidationErrors
	if err := kw.core.UseTunnel(kw.ctx, "", ""); !errors.As(err, &verrs) || verrs[0].Field != app.FieldTunnelToken {
		t.Fatalf("no token: %v, want a problem at the token field", err)
	}
	refused := &app.TunnelError{Plain: "ngrok did not accept your token.", Refused: true}
	kw.tunnels.Refuse(refused)
	if err := kw.core.UseTunnel(kw.ctx, "wrong", ""); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)
	st := kw.keeper.Status()
	if !errors.Is(st.TunnelProblem, app.ErrTunnelRefused) || app.Explain(st.TunnelProblem) != refused.Plain {
		t.Errorf("tunnel problem %v (%q)", st.TunnelProblem, app.Explain(st.TunnelProblem))
	}
	if c := kw.channel(t); c.State != app.ReceivingDown || app.Explain(c.Problem) != refused.Plain {
		t.Errorf("channel %+v (%q)", c, app.Explain(c.Problem))
	}
}

// Choosing "my own address" closes Parley's tunnel; a channel that never
// registered one is "not receiving yet", not an outage.
func TestOwnAddressClosesTheTunnel(t *testing.T) {
	kw := newKeeperWorld(t)
	if err := kw.core.UseTunnel(kw.ctx, "2abc_token", ""); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)
	if err := kw.core.UseOwnAddress(kw.ctx); err != nil {
		t.Fatal(err)
	}
	ch, err := kw.store.Channel(kw.ctx, kw.ch.ID)
	if err != nil {
		t.Fatal(err)
	}
	ch.WebhookURL = ""
	if err := kw.store.UpdateChannel(kw.ctx, ch); err != nil {
		t.Fatal(err)
	}
	kw.keeper.CheckOnce(kw.ctx)
	if kw.tunnels.Live() != 0 || kw.keeper.Status().PublicURL != "" {
		t.Errorf("the tunnel is still open: %d live, %+v", kw.tunnels.Live(), kw.keeper.Status())
	}
	if c := kw.channel(t); c.State != app.ReceivingNotSetUp {
		t.Errorf("channel %+v, want not set up", c)
	}
}

func TestTunnelDomainIsCheckedAtItsField(t *testing.T) {
	for typed, want := range map[string]string{"": "", " https://Bakery.ngrok.app/ ": "bakery.ngrok.app", "shop.example.com": "shop.example.com"} {
		if got, err := app.TunnelDomain(typed); err != nil || got != want {
			t.Errorf("TunnelDomain(%q) = %q, %v; want %q", typed, got, err, want)
		}
	}
	for _, typed := range []string{"bakery", "my_shop.ngrok.app", "bakery.ngrok.app/path", "localhost", "192.168.1.5"} {
		var verrs app.ValidationErrors
		if _, err := app.TunnelDomain(typed); !errors.As(err, &verrs) || verrs[0].Field != app.FieldTunnelDomain || verrs[0].Message == "" {
			t.Errorf("TunnelDomain(%q) = %v, want a plain problem at the domain field", typed, err)
		}
	}
}

// Without a running keeper (the receiver could not start, or the demo)
// nothing would open the tunnel: the owner is told so, and nothing is
// saved.
func TestUseTunnelWithoutAKeeperSaysWhy(t *testing.T) {
	keyring.MockInit()
	w := newWorld(t)
	secrets := persistence.NewKeyringSecrets()
	core := app.New(app.Deps{Store: w.store, Secrets: secrets, TunnelTokens: secrets, Clock: w.clock,
		Providers: dialog360.Factory(dialog360.WithBaseURL(w.server.URL))})
	var verrs app.ValidationErrors
	if err := core.UseTunnel(w.ctx, "2abc_token", ""); !errors.As(err, &verrs) || !strings.Contains(verrs.For(app.FieldForm), "receiver is not running") {
		t.Fatalf("UseTunnel without a keeper = %v", err)
	}
	if rs, _ := core.ReceivingSettings(w.ctx); rs.Mode != app.ReceivingNotSet {
		t.Errorf("the choice was saved anyway: %+v", rs)
	}
	if _, err := secrets.TunnelToken(); !errors.Is(err, app.ErrNotFound) {
		t.Errorf("the token was saved anyway: %v", err)
	}
}
