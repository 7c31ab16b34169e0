package app

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// Default pace of the ReceivingKeeper.
const (
	// DefaultReceivingInterval is how often each channel is checked.
	DefaultReceivingInterval = 5 * time.Minute
	// receivingTick is how often the keeper looks at the wall clock: a
	// computer that slept for longer than the interval is checked within
	// a tick of waking (timers do not run while it sleeps).
	receivingTick = 30 * time.Second
	// tunnelOpenTimeout bounds opening the tunnel once.
	tunnelOpenTimeout = 30 * time.Second
	// maxTunnelBackoff is the longest wait between tries to open a tunnel
	// that failed for a reason that may pass (no network).
	maxTunnelBackoff = 5 * time.Minute
)

// ReceivingOptions are what keeping receiving true needs from main.
type ReceivingOptions struct {
	// Tunnels opens Parley's own tunnel; nil when it has none (then the
	// tunnel mode reports ErrTunnelClosed).
	Tunnels TunnelOpener
	// Upstream is the local receiver the tunnel forwards to, such as
	// http://127.0.0.1:8787.
	Upstream string
	// Interval is how often each channel is checked; zero means
	// DefaultReceivingInterval.
	Interval time.Duration
	// NetworkChanged, if not nil, tells of a change of this computer's
	// network (internal/netwatch): the channels are checked at once.
	NetworkChanged <-chan struct{}
}

// ReceivingKeeper keeps customers' messages arriving: it opens Parley's
// tunnel (in tunnel mode) and opens it again when it drops, makes the
// webhook registered at 360dialog match this computer's address on every
// start and every time the address changes, and checks each channel
// every Interval, soon after the computer wakes and at once when its network changes, with a signed test
// delivery through the public address. Changes are published as
// EventReceivingChanged. Run it once, in its own goroutine.
type ReceivingKeeper struct {
	p        *ports
	channels *ChannelUseCases
	opts     ReceivingOptions
	wake     chan struct{}
	// reregister asks the next round to make 360dialog's webhooks match
	// (the owner changed how Parley receives).
	reregister atomic.Bool

	mu     sync.Mutex // guards status, read by Status from any goroutine
	status ReceivingStatus

	// Owned by Run's goroutine.
	tunnel      Tunnel
	tunnelCfg   TunnelConfig
	nextTry     time.Time     // when to try opening the tunnel again
	backoff     time.Duration // the wait after the next failure
	registered  string        // the public address last made to match at 360dialog
	lastCheck   time.Time
	started     bool // the first round ran
	outageStart map[ChannelID]time.Time
}

// NewReceivingKeeper returns a keeper; Run starts it.
func (c *Core) NewReceivingKeeper(o ReceivingOptions) *ReceivingKeeper {
	if o.Interval <= 0 {
		o.Interval = DefaultReceivingInterval
	}
	k := &ReceivingKeeper{p: c.p, channels: c.ChannelUseCases, opts: o, wake: make(chan struct{}, 1),
		outageStart: map[ChannelID]time.Time{}}
	c.p.keeper.Store(k)
	return k
}

// reconfigured makes the next round open the tunnel anew as the settings
// say and register every channel's address again, soon.
func (k *ReceivingKeeper) reconfigured() {
	k.reregister.Store(true)
	k.CheckNow()
}

// CheckNow asks for a check at once (after the owner changed something,
// or the network changed). It never blocks.
func (k *ReceivingKeeper) CheckNow() {
	select {
	case k.wake <- struct{}{}:
	default:
	}
}

// Status returns what the last round found.
func (k *ReceivingKeeper) Status() ReceivingStatus {
	k.mu.Lock()
	defer k.mu.Unlock()
	s := k.status
	s.Channels = append([]ChannelReceiving(nil), s.Channels...)
	return s
}

// Run keeps receiving true until ctx ends, then closes the tunnel.
func (k *ReceivingKeeper) Run(ctx context.Context) {
	tick := time.NewTicker(receivingTick)
	defer tick.Stop()
	defer k.closeTunnel()
	k.CheckOnce(ctx)
	for {
		var dropped <-chan struct{}
		if k.tunnel != nil {
			dropped = k.tunnel.Done()
		}
		select {
		case <-ctx.Done():
			return
		case <-k.wake:
			k.CheckOnce(ctx)
		case <-dropped:
			k.CheckOnce(ctx) // opens it again and registers its address
		case <-k.opts.NetworkChanged:
			k.CheckOnce(ctx)
		case <-tick.C:
			if k.p.clock.Now().Sub(k.lastCheck) >= k.opts.Interval || (k.tunnel == nil && k.tunnelWanted(ctx)) {
				k.CheckOnce(ctx)
			}
		}
	}
}

// CheckOnce runs one round on the caller's goroutine: it opens the
// tunnel if it should be open (again, if it dropped), makes 360dialog's
// webhooks match this computer's address on the first round, after the
// owner changed how Parley receives and whenever the address changed,
// and checks every connected channel. Run calls it; tests call it
// directly. It must not run concurrently with Run.
func (k *ReceivingKeeper) CheckOnce(ctx context.Context) {
	register := k.reregister.Swap(false) || !k.started
	k.started = true
	if k.tunnel != nil {
		select {
		case <-k.tunnel.Done():
			err := k.tunnel.Err()
			k.p.log.Warn("tunnel stopped", "err", err)
			k.tunnel = nil
			if err == nil {
				err = ErrTunnelClosed
			} else {
				err = fmt.Errorf("%w: %w", ErrTunnelClosed, err)
			}
			k.setTunnel("", err)
			register = true
		default:
		}
	}
	k.round(ctx, register)
}

// tunnelWanted reports whether the tunnel should be open but is not.
func (k *ReceivingKeeper) tunnelWanted(ctx context.Context) bool {
	rs, err := k.p.store.ReceivingSettings(ctx)
	return err == nil && rs.Mode == ReceivingTunnel
}

// round opens the tunnel if it should be open, makes the registrations
// match when register is set or the public address changed, and checks
// every connected channel.
func (k *ReceivingKeeper) round(ctx context.Context, register bool) {
	now := k.p.clock.Now()
	k.lastCheck = now
	rs, err := k.p.store.ReceivingSettings(ctx)
	if err != nil {
		k.p.log.Warn("read receiving settings", "err", err)
		return
	}
	k.mu.Lock()
	k.status.Mode = rs.Mode
	k.mu.Unlock()
	public := k.ensureTunnel(ctx, rs)
	if public != k.registered {
		register = true
	}
	chs, err := k.p.store.Channels(ctx)
	if err != nil {
		k.p.log.Warn("read channels", "err", err)
		return
	}
	all := make([]ChannelReceiving, 0, len(chs))
	for _, ch := range chs {
		if ch.Disconnected {
			continue
		}
		all = append(all, k.checkChannel(ctx, rs, ch, public, register))
	}
	if rs.Mode != ReceivingTunnel || public != "" {
		k.registered = public
	}
	k.mu.Lock()
	k.status.Channels = all
	k.mu.Unlock()
	if register {
		// A round the owner's change (or a new address) asked for is
		// over: whoever waits for its outcome reads Status now, even when
		// no channel's state changed.
		k.p.bus.Publish(Event{Kind: EventReceivingChanged})
	}
}

// ensureTunnel opens, keeps or closes the tunnel as rs asks and returns
// its public address ("" when none is open).
func (k *ReceivingKeeper) ensureTunnel(ctx context.Context, rs ReceivingSettings) string {
	if rs.Mode != ReceivingTunnel {
		k.closeTunnel()
		k.setTunnel("", nil)
		return ""
	}
	if k.opts.Tunnels == nil || k.p.tunnelTokens == nil {
		k.setTunnel("", fmt.Errorf("%w: this copy of Parley has no built-in tunnel", ErrTunnelClosed))
		return ""
	}
	token, err := k.p.tunnelTokens.TunnelToken()
	if err != nil {
		k.closeTunnel()
		if errors.Is(err, ErrNotFound) {
			err = ErrTunnelTokenMissing
		}
		k.setTunnel("", err)
		return ""
	}
	cfg := TunnelConfig{Token: token, Domain: rs.Domain, Upstream: k.opts.Upstream}
	if k.tunnel != nil && cfg == k.tunnelCfg {
		return k.tunnel.URL()
	}
	k.closeTunnel()
	if now := k.p.clock.Now(); now.Before(k.nextTry) && cfg == k.tunnelCfg {
		return "" // failed a moment ago: wait a little before the next try
	}
	k.tunnelCfg = cfg
	octx, cancel := context.WithTimeout(ctx, tunnelOpenTimeout)
	t, err := k.opts.Tunnels.Open(octx, cfg)
	cancel()
	if err != nil {
		k.backoff = min(max(2*k.backoff, 5*time.Second), maxTunnelBackoff)
		k.nextTry = k.p.clock.Now().Add(k.backoff)
		k.p.log.Warn("open tunnel", "err", err, "retry_in", k.backoff)
		k.setTunnel("", err)
		return ""
	}
	k.backoff, k.nextTry = 0, time.Time{}
	k.tunnel = t
	k.p.log.Info("tunnel open", "url", t.URL())
	k.setTunnel(t.URL(), nil)
	return t.URL()
}

// closeTunnel stops the tunnel, if one is open.
func (k *ReceivingKeeper) closeTunnel() {
	if k.tunnel != nil {
		_ = k.tunnel.Close()
		k.tunnel = nil
	}
}

// setTunnel records the tunnel's address and problem, publishing a
// change.
func (k *ReceivingKeeper) setTunnel(url string, problem error) {
	k.mu.Lock()
	changed := k.status.PublicURL != url || errors.Is(problem, ErrTunnelClosed) != errors.Is(k.status.TunnelProblem, ErrTunnelClosed) ||
		(problem == nil) != (k.status.TunnelProblem == nil)
	k.status.PublicURL, k.status.TunnelProblem = url, problem
	k.mu.Unlock()
	if changed {
		k.p.bus.Publish(Event{Kind: EventReceivingChanged})
	}
}

// checkChannel makes the channel's registration match (when register is
// set) and checks it, recording and publishing a change of state.
func (k *ReceivingKeeper) checkChannel(ctx context.Context, rs ReceivingSettings, ch Channel, public string, register bool) ChannelReceiving {
	err := k.verify(ctx, rs, ch, public, register)
	now := k.p.clock.Now()
	cr := ChannelReceiving{ChannelID: ch.ID, State: ReceivingOK, CheckedAt: now}
	switch {
	case errors.Is(err, errNotSetUp):
		cr.State = ReceivingNotSetUp
	case err != nil:
		cr.State, cr.Problem = ReceivingDown, err
		start, ok := k.outageStart[ch.ID]
		if !ok {
			start = now
			k.outageStart[ch.ID] = start
		}
		cr.DownSince = start
	}
	if start, ok := k.outageStart[ch.ID]; ok && cr.State != ReceivingDown {
		cr.Recovered = &Outage{From: start, To: now}
		delete(k.outageStart, ch.ID)
	}
	k.mu.Lock()
	var before ChannelReceiving
	found := false
	for i, c := range k.status.Channels {
		if c.ChannelID == ch.ID {
			before, found = c, true
			k.status.Channels[i] = cr // Status reads it from now on
		}
	}
	if !found {
		k.status.Channels = append(k.status.Channels, cr)
	}
	k.mu.Unlock()
	if before.State != cr.State || cr.Recovered != nil {
		k.recordHistory(ctx, cr)
		if err != nil && !errors.Is(err, errNotSetUp) {
			k.p.log.Warn("not receiving", "channel", ch.ID, "err", err)
		} else if cr.State == ReceivingOK {
			k.p.log.Info("receiving", "channel", ch.ID)
		}
		c := cr
		k.p.bus.Publish(Event{Kind: EventReceivingChanged, ChannelID: ch.ID, Receiving: &c})
	}
	return cr
}

// errNotSetUp marks a channel without a public address.
var errNotSetUp = errors.New("no public address")

// verify makes 360dialog's webhook for ch match this computer's address
// when register is set, then checks that it still does and that a test
// delivery arrives.
func (k *ReceivingKeeper) verify(ctx context.Context, rs ReceivingSettings, ch Channel, public string, register bool) error {
	base := public
	if rs.Mode == ReceivingTunnel {
		if public == "" {
			k.mu.Lock()
			problem := k.status.TunnelProblem
			k.mu.Unlock()
			if problem == nil {
				problem = ErrTunnelClosed
			}
			return problem
		}
	} else {
		if ch.WebhookURL == "" {
			return errNotSetUp
		}
		base = ch.WebhookURL
	}
	want, err := PublicWebhookURL(ch, base)
	if err != nil {
		return err
	}
	p, err := k.p.provider(ch.ID)
	if err != nil {
		return keyringProblem("check receiving", err)
	}
	got, err := p.Webhook(ctx)
	if err != nil {
		return webhookProblem("check receiving: ask 360dialog", err)
	}
	if got.URL != want || got.Headers[WebhookSecretHeader] != ch.WebhookSecret {
		if !register {
			return &WebhookElsewhereError{Host: hostOf(got.URL)}
		}
		if ch, err = k.channels.RegisterWebhook(ctx, ch.ID, base); err != nil {
			return err
		}
	} else if ch.WebhookURL != want {
		ch.WebhookURL = want
		if err := k.p.store.UpdateChannel(ctx, ch); err != nil {
			return fmt.Errorf("check receiving: save address: %w", err)
		}
	}
	return k.channels.probe(ctx, ch)
}

// recordHistory adds an outage's start or end to the channel's history.
func (k *ReceivingKeeper) recordHistory(ctx context.Context, cr ChannelReceiving) {
	e := ProviderEvent{Field: FieldReceiving, Timestamp: cr.CheckedAt}
	switch {
	case cr.State == ReceivingDown:
		e.Title, e.Detail = "Not receiving messages", Explain(cr.Problem)
	case cr.Recovered != nil:
		e.Title = "Receiving messages again"
		e.Detail = fmt.Sprintf("Messages sent from %s to %s waited at 360dialog and were delivered then.",
			cr.Recovered.From.Local().Format("2 Jan 15:04"), cr.Recovered.To.Local().Format("2 Jan 15:04"))
	default:
		return
	}
	if err := k.p.store.RecordChannelEvent(ctx, cr.ChannelID, e); err != nil {
		k.p.log.Warn("record receiving in the channel's history", "channel", cr.ChannelID, "err", err)
	}
}
