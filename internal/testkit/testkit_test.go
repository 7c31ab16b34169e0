package testkit

import (
	"strings"
	"sync"
	"testing"
	"time"
)

func TestClockMovesOnlyWhenTold(t *testing.T) {
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	c := NewClock(start)
	if got := c.Now(); !got.Equal(start) {
		t.Fatalf("Now = %v, want %v", got, start)
	}
	c.Advance(24 * time.Hour)
	if got := c.Now(); !got.Equal(start.Add(24 * time.Hour)) {
		t.Errorf("after a day: %v", got)
	}
	c.Set(start)
	if got := c.Now(); !got.Equal(start) {
		t.Errorf("after Set: %v", got)
	}
}

func TestLogBufferKeepsEveryLineFromManyWriters(t *testing.T) {
	var l LogBuffer
	log := l.Logger()
	var wg sync.WaitGroup
	for range 20 {
		wg.Go(func() { log.Info("webhook stored", "channel", 1) })
	}
	wg.Wait()
	if n := strings.Count(l.String(), "webhook stored"); n != 20 {
		t.Errorf("the buffer kept %d of 20 lines:\n%s", n, l.String())
	}
}
