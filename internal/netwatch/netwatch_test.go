package netwatch

import (
	"context"
	"errors"
	"net"
	"sync"
	"testing"
	"time"
)

// fakeAddrs is the computer's addresses, changed by the test.
type fakeAddrs struct {
	mu    sync.Mutex
	addrs []net.Addr
	err   error
	calls chan struct{}
}

func (f *fakeAddrs) list() ([]net.Addr, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	select {
	case f.calls <- struct{}{}:
	default:
	}
	return append([]net.Addr(nil), f.addrs...), f.err
}

func (f *fakeAddrs) set(addrs []net.Addr, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.addrs, f.err = addrs, err
}

func ipnet(s string) net.Addr {
	_, n, _ := net.ParseCIDR(s)
	return n
}

// A new address (another Wi-Fi) is told once; the same addresses in
// another order, or a listing that failed, are not a change.
func TestWatchTellsOfANewNetworkOnce(t *testing.T) {
	f := &fakeAddrs{addrs: []net.Addr{ipnet("192.168.1.20/24"), ipnet("127.0.0.1/8")}, calls: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	changed := Watch(ctx, time.Millisecond, f.list)
	// waitListed waits until the watcher listed the addresses twice more,
	// so that what the test set was seen.
	waitListed := func() {
		for range 2 {
			<-f.calls
		}
	}

	f.set([]net.Addr{ipnet("127.0.0.1/8"), ipnet("192.168.1.20/24")}, nil)
	waitListed()
	f.set(nil, errors.New("no permission"))
	waitListed()
	select {
	case <-changed:
		t.Fatal("the same addresses in another order, or a failed listing, counted as a change")
	default:
	}

	f.set([]net.Addr{ipnet("127.0.0.1/8"), ipnet("10.0.0.7/24")}, nil)
	select {
	case <-changed:
	case <-time.After(5 * time.Second):
		t.Fatal("a new network was not told")
	}
	waitListed()
	select {
	case <-changed:
		t.Fatal("one change was told twice")
	default:
	}
}
