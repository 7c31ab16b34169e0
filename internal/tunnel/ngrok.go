// Package tunnel opens Parley's public HTTPS address itself: app.TunnelOpener
// over ngrok's Go agent SDK (golang.ngrok.com/ngrok/v2), forwarding every
// request to the webhook receiver on this computer.
package tunnel

import (
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"sync"

	"golang.ngrok.com/ngrok/v2"

	"github.com/parley-app/parley/app"
)

// Ngrok opens tunnels with ngrok's agent running inside Parley. The zero
// value connects to ngrok itself; tests set ServerAddr and RootCAs to a
// server on loopback.
//
// Open makes one attempt: the first failure (no network, a rejected token,
// a domain that is not the owner's) ends it with a plain message, and the
// caller decides when to try again. Once open, the agent reconnects by
// itself after brief drops; the tunnel stops for good only when it is
// closed, when ngrok refuses it on a reconnect, or when ngrok stops it.
type Ngrok struct {
	// ServerAddr is the host:port of ngrok's agent ingress; "" for ngrok's
	// own (connect.ngrok-agent.com:443).
	ServerAddr string
	// RootCAs are the certificate authorities the ingress must prove itself
	// with; nil for ngrok's own, built into the SDK.
	RootCAs *x509.CertPool
	// Logger receives the agent's log lines; nil discards them. The agent
	// writes nothing to stdout or stderr by itself, with one exception: the
	// SDK's forwarder reports a request the receiver did not answer to the
	// log package's default logger, which Parley's main routes to its log
	// file (slog.SetDefault).
	Logger *slog.Logger
}

var _ app.TunnelOpener = (*Ngrok)(nil)

// Open connects to ngrok with cfg.Token and forwards the public address
// (https://cfg.Domain, or one ngrok chooses) to cfg.Upstream. It returns
// once the address is online, at the first failure, or when ctx ends;
// without a deadline in ctx, a server that never answers holds it for
// about half a minute (the agent's heartbeat gives up after 25 s).
func (n *Ngrok) Open(ctx context.Context, cfg app.TunnelConfig) (app.Tunnel, error) {
	cfg.Token = strings.TrimSpace(cfg.Token)
	cfg.Domain = normaliseDomain(cfg.Domain)
	if cfg.Token == "" {
		return nil, errNoToken
	}
	upstream, err := url.Parse(cfg.Upstream)
	if err != nil || (upstream.Scheme != "http" && upstream.Scheme != "https") || upstream.Host == "" {
		return nil, fmt.Errorf("opening the tunnel: the receiver's address %q is not a web address", cfg.Upstream)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("opening the tunnel: %w", err)
	}

	logger := n.Logger
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	logger = withoutToken(logger, cfg.Token)
	// The SDK ties the session's whole life to the context given to
	// Connect, so it gets one of its own; ctx only bounds the opening.
	life, cancel := context.WithCancel(context.WithoutCancel(ctx))
	t := &ngrokTunnel{
		cfg:    cfg,
		log:    logger,
		cancel: cancel,
		stop:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	opts := []ngrok.AgentOption{
		ngrok.WithAuthtoken(cfg.Token),
		ngrok.WithLogger(logger),
		ngrok.WithEventHandler(t.onEvent),
	}
	if n.ServerAddr != "" {
		opts = append(opts, ngrok.WithAgentConnectURL(n.ServerAddr))
	}
	if n.RootCAs != nil {
		opts = append(opts, ngrok.WithAgentConnectCAs(n.RootCAs))
	}
	agent, err := ngrok.NewAgent(opts...)
	if err != nil {
		cancel()
		return nil, fmt.Errorf("opening the tunnel: %w", err)
	}
	t.agent = agent

	watching := context.AfterFunc(ctx, cancel)
	var fwd ngrok.EndpointForwarder
	err = agent.Connect(life)
	if err == nil {
		var endpoint []ngrok.EndpointOption
		if cfg.Domain != "" {
			endpoint = append(endpoint, ngrok.WithURL("https://"+cfg.Domain))
		}
		fwd, err = agent.Forward(life, ngrok.WithUpstream(upstream.String()), endpoint...)
	}
	interrupted := !watching()

	t.mu.Lock()
	failure := t.openErr
	ok := err == nil && failure == nil && !interrupted
	t.opened = ok
	t.mu.Unlock()
	if !ok {
		cancel()
		_ = agent.Disconnect()
		switch {
		case errors.Is(ctx.Err(), context.Canceled):
			return nil, fmt.Errorf("opening the tunnel: %w", ctx.Err())
		case failure == nil && interrupted:
			failure = ctx.Err()
		case failure == nil:
			failure = err
		}
		logger.Warn("tunnel: ngrok did not open", "err", failure)
		if ngrokCode(failure) == "" && ctx.Err() == nil {
			return nil, diagnose(ctx, agent, failure, cfg)
		}
		return nil, explain(failure, cfg)
	}

	t.url = fwd.URL().String()
	logger.Info("tunnel: ngrok is forwarding", "url", t.url, "to", upstream.String())
	go t.watch(fwd)
	return t, nil
}

// ngrokTunnel is one open ngrok agent and its endpoint.
type ngrokTunnel struct {
	cfg    app.TunnelConfig
	log    *slog.Logger
	agent  ngrok.Agent
	url    string
	cancel context.CancelFunc // ends the agent's session

	mu      sync.Mutex
	opened  bool  // Open returned this tunnel
	openErr error // the first failure while opening
	stopErr error // why it stops; nil when closed
	stopped bool  // stop is closed
	stop    chan struct{}
	done    chan struct{}
}

// URL implements app.Tunnel.
func (t *ngrokTunnel) URL() string { return t.url }

// Done implements app.Tunnel.
func (t *ngrokTunnel) Done() <-chan struct{} { return t.done }

// Err implements app.Tunnel.
func (t *ngrokTunnel) Err() error {
	select {
	case <-t.done:
	default:
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.stopErr
}

// Close implements app.Tunnel: it ends the agent's session, which takes the
// public address offline, and returns once it is down.
func (t *ngrokTunnel) Close() error {
	t.stopWith(nil)
	<-t.done
	return nil
}

// stopWith makes the tunnel stop for good, for reason (nil when closed);
// only the first reason counts.
func (t *ngrokTunnel) stopWith(reason error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.stopped {
		return
	}
	t.stopped = true
	t.stopErr = reason
	close(t.stop)
}

// watch waits for the end: Close, a refusal seen on a reconnect, or the
// endpoint going away (ngrok stopped it); then it ends the session.
func (t *ngrokTunnel) watch(fwd ngrok.EndpointForwarder) {
	select {
	case <-t.stop:
	case <-fwd.Done():
		t.stopWith(errStoppedByNgrok)
	}
	t.cancel()
	if err := t.agent.Disconnect(); err != nil {
		t.log.Info("tunnel: closing the ngrok session", "err", err)
	}
	t.mu.Lock()
	reason := t.stopErr
	t.mu.Unlock()
	if reason != nil {
		t.log.Warn("tunnel: ngrok stopped", "url", t.url, "err", reason)
	} else {
		t.log.Info("tunnel: closed", "url", t.url)
	}
	close(t.done)
}

// onEvent follows the agent's session: the SDK reports every lost
// connection and every failed attempt as EventAgentDisconnected with the
// cause, each success as EventAgentConnectSucceeded, and the session's
// end as EventAgentDisconnected without an error. The SDK calls it from
// its own goroutines, so it must not block.
func (t *ngrokTunnel) onEvent(evt ngrok.Event) {
	switch e := evt.(type) {
	case *ngrok.EventAgentDisconnected:
		t.disconnected(e.Error)
	case *ngrok.EventAgentConnectSucceeded:
		t.mu.Lock()
		opened := t.opened
		t.mu.Unlock()
		if opened {
			t.log.Info("tunnel: connected to ngrok again", "url", t.url)
		}
	}
}

func (t *ngrokTunnel) disconnected(err error) {
	ownCancel := errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded)
	t.mu.Lock()
	opened := t.opened
	if !opened {
		// Opening: the first failure ends the attempt, so that the owner
		// hears at once what is wrong instead of the SDK retrying quietly.
		if err != nil && !ownCancel && t.openErr == nil {
			t.openErr = err
			t.cancel()
		}
		t.mu.Unlock()
		return
	}
	t.mu.Unlock()

	switch {
	case err == nil:
		// The session will not reconnect (after Close, or it gave up).
		t.stopWith(errStoppedByNgrok)
	case ownCancel:
	default:
		if explained := explain(err, t.cfg); errors.Is(explained, app.ErrTunnelRefused) {
			t.stopWith(explained)
			return
		}
		t.log.Warn("tunnel: lost the connection to ngrok; reconnecting", "err", err)
	}
}

// normaliseDomain accepts a domain as the owner may paste it
// (https://bakery.ngrok.app/) and keeps the host name.
func normaliseDomain(d string) string {
	d = strings.TrimSpace(d)
	d = strings.TrimPrefix(d, "https://")
	d = strings.TrimPrefix(d, "http://")
	return strings.TrimSuffix(d, "/")
}
