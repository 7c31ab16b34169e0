// Package netwatch notices when this computer's network changes (a new
// Wi-Fi, a cable plugged in, a VPN), so that Parley checks at once that
// customers' messages still reach it instead of at the next interval.
package netwatch

import (
	"context"
	"net"
	"slices"
	"time"
)

// DefaultEvery is how often the addresses are compared.
const DefaultEvery = 10 * time.Second

// Addrs lists this computer's network addresses; net.InterfaceAddrs in
// Parley, a fake in tests.
type Addrs func() ([]net.Addr, error)

// Watch compares the computer's addresses every interval until ctx ends,
// and sends on the returned channel (buffered, never blocking) when they
// changed. A failed listing is taken as no change.
func Watch(ctx context.Context, every time.Duration, addrs Addrs) <-chan struct{} {
	if addrs == nil {
		addrs = net.InterfaceAddrs
	}
	changed := make(chan struct{}, 1)
	last, _ := snapshot(addrs)
	go func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
				now, ok := snapshot(addrs)
				if !ok || slices.Equal(now, last) {
					continue
				}
				last = now
				select {
				case changed <- struct{}{}:
				default:
				}
			}
		}
	}()
	return changed
}

// snapshot is the sorted text of the addresses; ok is false when they
// could not be listed.
func snapshot(addrs Addrs) ([]string, bool) {
	as, err := addrs()
	if err != nil {
		return nil, false
	}
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.String()
	}
	slices.Sort(out)
	return out, true
}
