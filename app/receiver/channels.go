package receiver

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/parley-app/parley/app"
)

// channelTTL is how long a token lookup is remembered. A changed secret
// or a removed channel is noticed at the latest this much later (or at
// once after ForgetChannels); a payload for a channel removed meanwhile
// is still refused, by the store.
const channelTTL = 2 * time.Second

// maxCachedChannels bounds the cache; only tokens of existing channels
// are remembered, so it is reached only by a very unusual workspace.
const maxCachedChannels = 1024

// channelCache remembers which channel a token belongs to, so that a
// burst of webhooks does not read the channel once per request.
type channelCache struct {
	finder ChannelFinder
	mu     sync.RWMutex
	byTok  map[string]cachedChannel
}

type cachedChannel struct {
	ch      app.Channel
	expires time.Time
}

func newChannelCache(f ChannelFinder) *channelCache {
	return &channelCache{finder: f, byTok: make(map[string]cachedChannel)}
}

// lookup returns the channel of token, or an error wrapping
// app.ErrNotFound (also for a disconnected channel). Unknown tokens are
// not remembered.
func (c *channelCache) lookup(ctx context.Context, token string) (app.Channel, error) {
	now := time.Now()
	c.mu.RLock()
	e, ok := c.byTok[token]
	c.mu.RUnlock()
	if ok && now.Before(e.expires) {
		return e.ch, nil
	}
	ch, err := c.finder.ChannelByWebhookToken(ctx, token)
	if err == nil && ch.Disconnected {
		// The owner disconnected the channel: Parley receives nothing for
		// it. Refused like an unknown address, 360dialog keeps retrying
		// (for days), so a reconnect still gets what was sent meanwhile.
		err = fmt.Errorf("channel %d is disconnected: %w", ch.ID, app.ErrNotFound)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if err != nil {
		delete(c.byTok, token)
		return app.Channel{}, err
	}
	if len(c.byTok) >= maxCachedChannels {
		clear(c.byTok)
	}
	c.byTok[token] = cachedChannel{ch: ch, expires: now.Add(channelTTL)}
	return ch, nil
}

// forget drops every remembered lookup.
func (c *channelCache) forget() {
	c.mu.Lock()
	defer c.mu.Unlock()
	clear(c.byTok)
}
